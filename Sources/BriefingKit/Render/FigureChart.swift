/// Draws a subject's figures over time as an inline SVG chart, at build time, so pages need no JavaScript.
///
/// The value axis starts at zero, so that the height of a point is proportional to the figure. Points of one date
/// that disagree are drawn side by side on that date; the line joins the dates that have a single value.
enum FigureChart {
    struct Point: Hashable {
        var date: ContentDate
        var value: Double
    }

    static let width = 640.0
    static let height = 260.0
    private static let left = 64.0, right = 24.0, top = 20.0, bottom = 40.0

    /// An SVG element, or nil when fewer than two dated figures leave nothing to chart.
    static func svg(_ points: [Point], title: String) -> String? {
        let points = points.sorted { ($0.date, $0.value) < ($1.date, $1.value) }
        guard points.count >= 2, let first = points.first, let last = points.last else { return nil }
        let maxValue = max(points.map(\.value).max() ?? 1, 1)
        let span = Double(max(last.date.instant - first.date.instant, 1))
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ date: ContentDate) -> Double {
            first.date.instant == last.date.instant ? left + plotWidth / 2 : left + Double(date.instant - first.date.instant) / span * plotWidth
        }
        func y(_ value: Double) -> Double { top + plotHeight - value / (maxValue * 1.1) * plotHeight }

        let description = points.map { "\(NumberFormatting.grouped($0.value)) on \($0.date.long)" }.joined(separator: "; ")
        var svg = "<svg class=\"figure-chart\" viewBox=\"0 0 \(format(width)) \(format(height))\" role=\"img\" aria-label=\"\(HTML.escape(title)): \(HTML.escape(description))\">"
        svg += "<title>\(HTML.escape(title))</title>"
        // Axes and value grid: zero, half and the highest figure.
        for value in [0, maxValue / 2, maxValue] {
            svg += "<line class=\"grid\" x1=\"\(format(left))\" x2=\"\(format(width - right))\" y1=\"\(format(y(value)))\" y2=\"\(format(y(value)))\"/>"
            svg += "<text class=\"axis-label\" x=\"\(format(left - 8))\" y=\"\(format(y(value) + 4))\" text-anchor=\"end\">\(NumberFormatting.grouped(value.rounded()))</text>"
        }
        var dates: [ContentDate] = []
        for point in points where dates.last != point.date { dates.append(point.date) }
        for date in dates {
            svg += "<text class=\"axis-label\" x=\"\(format(x(date)))\" y=\"\(format(height - 14))\" text-anchor=\"middle\">\(date.day) \(String(date.long.split(separator: " ")[1].prefix(3)))</text>"
        }
        let single = dates.filter { date in points.filter { $0.date == date }.count == 1 }
        let linePoints = points.filter { single.contains($0.date) }
        if linePoints.count >= 2 {
            let path = linePoints.map { "\(format(x($0.date))),\(format(y($0.value)))" }.joined(separator: " ")
            svg += "<polyline class=\"trend\" points=\"\(path)\"/>"
        }
        for date in dates {
            let sameDay = points.filter { $0.date == date }
            for (offset, point) in sameDay.enumerated() {
                let shift = (Double(offset) - Double(sameDay.count - 1) / 2) * 14
                let cx = x(point.date) + shift, cy = y(point.value)
                let disputed = sameDay.count > 1 ? " disputed" : ""
                svg += "<circle class=\"point\(disputed)\" cx=\"\(format(cx))\" cy=\"\(format(cy))\" r=\"5\"/>"
                svg += "<text class=\"point-label\" x=\"\(format(cx))\" y=\"\(format(cy - 10))\" text-anchor=\"middle\">\(NumberFormatting.grouped(point.value))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// One decimal at most, without locale or exponent, so the SVG text is the same on every machine.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = tenths / 10, fraction = abs(tenths % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
