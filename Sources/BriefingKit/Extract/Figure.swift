import Foundation

/// A quantity stated in a sentence: "about 3,000 North Korean soldiers", "$50bn", "6.1%", "two brigades".
struct Figure: Sendable, Hashable {
    /// The number as written, before its scale word: 50 for "$50bn", 1.5 for "1.5 million".
    let written: Double
    /// The scale word's label ("bn", "m", "k"), if any.
    let scale: String?
    /// `written` times the scale: the value compared across sources.
    let magnitude: Double
    /// What is counted, as a comparison key ("troops", "percent", "usd", "brigade"), nil when unknown.
    var unit: String?
    /// Spelled out ("two brigades") rather than in digits.
    let spelled: Bool
    /// Index of the number's token in the sentence's tokens.
    let tokenIndex: Int
    /// The place value of the last significant digit, scaled like `magnitude`: 100 for "4,200", 0.1 for "52.4".
    var precision: Double = 1
    /// Significant digits as written: 2 for "4,200", 1 for "10,000", 3 for "52.4".
    var significantDigits: Int = 1

    /// The same quantity of the same kind of thing: equal magnitudes and compatible units.
    func agrees(with other: Figure) -> Bool {
        (sameMagnitude(other) || roundsTo(other) || other.roundsTo(self)) && Figure.compatible(unit, other.unit)
    }

    /// Whether `other` rounds to this figure at its precision, for a figure of at least two significant digits:
    /// "just over 52%" agrees with "52.4%", "about 4,200" with "4,180"; "10,000" does not take in "12,000".
    func roundsTo(_ other: Figure) -> Bool {
        significantDigits >= 2 && abs(other.magnitude - magnitude) <= precision / 2 * (1 + 1e-9)
    }

    /// Place value and significant digits of a number as written ("4,200" → (100, 2)), times `factor`.
    static func precision(of text: String, factor: Double) -> (precision: Double, digits: Int) {
        let digits = text.filter { $0.isASCII && $0.isNumber }
        if let point = text.firstIndex(of: ".") {
            let decimals = text[text.index(after: point)...].count
            let significant = digits.drop(while: { $0 == "0" }).count
            return (pow(10, -Double(decimals)) * factor, max(significant, 1))
        }
        let trimmed = digits.drop(while: { $0 == "0" })
        let trailing = trimmed.reversed().prefix(while: { $0 == "0" }).count
        return (pow(10, Double(trailing)) * factor, max(trimmed.count - trailing, 1))
    }

    func sameMagnitude(_ other: Figure) -> Bool {
        abs(magnitude - other.magnitude) <= 1e-9 * max(abs(magnitude), abs(other.magnitude), 1)
    }

    /// Units that can describe the same quantity: equal, one unknown, or both counts of people.
    static func compatible(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return true }
        return a == b || (personCounts.contains(a) && personCounts.contains(b))
    }

    /// Units that count people in some role; "112 people" and "112 dead" may be the same figure.
    static let personCounts: Set<String> = ["people", "troops", "workers", "killed", "injured", "children", "evacuate", "detain", "man", "woman"]

    /// Whether the figure is specific enough to identify a statement by itself (not a small round count).
    var isDistinctive: Bool {
        if unit == "percent" || scale != nil || Lexicon.currencyCodes.contains(unit ?? "") { return true }
        return magnitude >= 100 || magnitude != magnitude.rounded()
    }
}
