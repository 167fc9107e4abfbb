/// Finds the figures of a sentence: numbers in digits with their sign, scale and unit, and spelled-out counts
/// followed by what they count. Dates ("23 October 2024", "Oct. 24"), years, times, ordinals ("973rd") and labels
/// ("day 973", "F-16") are not figures.
enum FigureParser {
    /// The figures among `tokens`, in order.
    static func figures(in tokens: [Token]) -> [Figure] {
        var figures: [Figure] = []
        var index = 0
        while index < tokens.count {
            if let (figure, next) = figure(at: index, in: tokens) {
                figures.append(figure)
                index = next
            } else {
                index += 1
            }
        }
        return inferringUnits(figures, tokens: tokens)
    }

    /// A figure starting at `index`, and the index after it.
    private static func figure(at index: Int, in tokens: [Token]) -> (Figure, Int)? {
        let token = tokens[index]
        if token.kind == .word, let value = Lexicon.numberWords[token.lower] {
            if index > 0, ["the", "these", "those", "both", "its", "their", "his", "her", "our", "all"].contains(tokens[index - 1].lower) {
                return nil // "the two countries": a reference, not a count
            }
            guard let (unit, _) = unitNoun(after: index + 1, in: tokens), let unit else { return nil }
            let figure = Figure(written: value, scale: nil, magnitude: value, unit: refined(unit, around: index, in: tokens),
                                spelled: true, tokenIndex: index)
            return (figure, index + 1)
        }
        guard token.kind == .number, let value = Tokenizer.value(of: token), !isLabel(at: index, in: tokens) else { return nil }
        var currency: String?
        if index > 0, tokens[index - 1].kind == .symbol, let sign = tokens[index - 1].text.first, let code = Lexicon.currencySigns[sign] {
            currency = code
        }
        var next = index + 1
        var scale: (factor: Double, label: String)?
        if next < tokens.count, tokens[next].kind == .word, let found = Lexicon.multipliers[tokens[next].lower] {
            let isLetterScale = tokens[next].lower.count <= 2 // "m", "bn": also metres, bytes…
            let moneyFollows = next + 1 < tokens.count && Lexicon.currencyWords[tokens[next + 1].lower] != nil
            if !isLetterScale || currency != nil || moneyFollows || tokens[next].lower == "bn" {
                scale = found
                next += 1
            }
        }
        if isDateOrYear(at: index, in: tokens, value: value, hasCurrency: currency != nil) { return nil }
        var unit: String? = currency
        if unit == nil, next < tokens.count {
            let word = tokens[next]
            if word.text == "%" {
                unit = "percent"
                next += 1
            } else if word.lower == "per", next + 1 < tokens.count, tokens[next + 1].lower == "cent" {
                unit = "percent"
                next += 2
            } else if word.lower == "percent" || word.lower == "pct" {
                unit = "percent"
                next += 1
            } else if word.lower == "percentage" || word.lower == "basis", next + 1 < tokens.count, tokens[next + 1].lower.hasPrefix("point") {
                unit = word.lower == "basis" ? "bp" : "points"
                next += 2
            } else if let code = Lexicon.currencyWords[word.lower] {
                unit = code
                next += 1
            }
        }
        if unit == nil, index >= 2, tokens[index - 1].lower == "of" || tokens[index - 1].lower == "at",
           let measure = Self.measureNouns[Stemmer.key(tokens[index - 2].lower)] {
            unit = measure // "a death toll of 112", "a magnitude of 6.4"
        }
        if unit == nil, index >= 1, let measure = Self.measureNouns[Stemmer.key(tokens[index - 1].lower)] {
            unit = measure // "magnitude 6.4"
        }
        if unit == nil, let (noun, _) = unitNoun(after: next, in: tokens) {
            unit = noun.map { refined($0, around: index, in: tokens) }
        }
        let (precision, digits) = Figure.precision(of: token.text, factor: scale?.factor ?? 1)
        let figure = Figure(
            written: value, scale: scale?.label, magnitude: value * (scale?.factor ?? 1), unit: unit, spelled: false,
            tokenIndex: index, precision: precision, significantDigits: digits
        )
        return (figure, max(next, index + 1))
    }

    /// What the number before `start` counts: the first noun after modifiers ("3,000 North Korean soldiers" →
    /// troops). The outer optional is nil when nothing follows; the inner when a function word or verb follows.
    private static func unitNoun(after start: Int, in tokens: [Token]) -> (String?, Int)? {
        var index = start
        if index + 1 < tokens.count, tokens[index].text == "-", tokens[index].attached, tokens[index + 1].attached {
            index += 1 // "6.4-magnitude quake"
        }
        while index < tokens.count, index - start < 5 {
            let token = tokens[index]
            guard token.kind == .word else { return (nil, index) }
            let lower = token.lower
            if let group = Stemmer.groupKey(lower) {
                return (countedGroups.contains(group) ? group : nil, index)
            }
            if let measure = measureNouns[Stemmer.key(lower)] { return (measure, index) }
            if Lexicon.unitModifiers.contains(lower) || (token.isCapitalised && !Lexicon.stopwords.contains(lower)) {
                index += 1
                continue
            }
            if lower.hasSuffix("ed"), index + 1 < tokens.count, tokens[index + 1].kind == .word, !tokens[index + 1].isCapitalised,
               !Lexicon.stopwords.contains(tokens[index + 1].lower), !tokens[index + 1].lower.hasSuffix("ed") {
                index += 1 // "2,300 damaged buildings"
                continue
            }
            if Lexicon.stopwords.contains(lower) || Lexicon.reportingWords.contains(lower) || Lexicon.months.contains(lower)
                || lower.hasSuffix("ed") || lower.hasSuffix("ly") {
                return (nil, index)
            }
            if index + 1 < tokens.count, index + 1 - start < 5, isNounLike(tokens[index + 1]) {
                index += 1 // "38 cargo ships", "4,200 port workers": the last noun counts
                continue
            }
            let key = Stemmer.key(lower)
            return (measureNouns[key] ?? key, index)
        }
        return nil
    }

    /// Nouns that name the measure of a number standing after them ("a death toll of 112", "magnitude 6.4"), by
    /// comparison key, with the unit they give.
    private static let measureNouns: [String: String] = [
        "toll": "killed", "magnitud": "magnitude", "turnout": "turnout", "inflation": "inflation",
        "unemployment": "unemployment",
    ]

    /// Synonym groups that name what is counted; the others are verbs ("sent", "plans") and end the search.
    private static let countedGroups: Set<String> = [
        "troops", "people", "workers", "killed", "injured", "percent", "ships", "buildings", "hectares", "km", "tonnes",
        "cases", "children", "family", "interpreter", "company", "vote", "evacuate", "detain",
    ]

    /// A lowercase word that may continue a noun phrase: not a function word, verb of saying, past tense or adverb.
    private static func isNounLike(_ token: Token) -> Bool {
        guard token.kind == .word, !token.isCapitalised else { return false }
        let lower = token.lower
        if Stemmer.groupKey(lower).map({ countedGroups.contains($0) }) == true { return true }
        return !Lexicon.stopwords.contains(lower) && !Lexicon.reportingWords.contains(lower) && !lower.hasSuffix("ed")
            && !lower.hasSuffix("ly") && !lower.hasSuffix("ing") && Stemmer.groupKey(lower) == nil && Lexicon.numberWords[lower] == nil
    }

    /// A count of people in a role named nearby ("112 people were killed", "detained 18 soldiers") takes the role
    /// as its unit.
    private static func refined(_ unit: String, around index: Int, in tokens: [Token]) -> String {
        guard ["people", "troops", "workers", "children"].contains(unit) else { return unit }
        let window = max(0, index - 3)..<min(tokens.count, index + 7)
        for position in window where position != index {
            if let group = Stemmer.groupKey(tokens[position].lower), ["killed", "injured", "evacuate", "detain"].contains(group) {
                return group
            }
        }
        return unit
    }

    /// "day 973", "F-16", "2020-21" (the second number), "973rd", "10:30": a number that labels or orders.
    private static func isLabel(at index: Int, in tokens: [Token]) -> Bool {
        let token = tokens[index]
        if index > 0 {
            let previous = tokens[index - 1]
            if Lexicon.indexWords.contains(previous.lower), previous.kind == .word, !previous.isCapitalised || previous.lower == "no" {
                return true
            }
            if previous.attached, token.attached, previous.text == "-" || previous.text == "–" || previous.text == "/" { return true }
            if token.attached, previous.kind == .word { return true } // "COVID19", "A4"
            if token.attached, previous.text == ":" { return true }
        }
        if index + 1 < tokens.count {
            let next = tokens[index + 1]
            if next.attached, ["st", "nd", "rd", "th"].contains(next.lower) { return true }
            if next.attached, next.text == ":", index + 2 < tokens.count, tokens[index + 2].kind == .number { return true }
            if ["am", "pm", "gmt", "utc", "bst", "cet", "a.m", "p.m"].contains(next.lower) { return true }
            if next.attached, next.kind == .symbol, next.text == "-" || next.text == "/", index + 2 < tokens.count,
               tokens[index + 2].kind == .number, tokens[index + 2].attached, !tokens[index].text.contains(",") {
                // "2024-10-23", "10/23": a date, unless it is a range of counts such as "3,000-4,000"
                return tokens[index].text.count <= 4
            }
        }
        return false
    }

    /// A day of the month next to a month name, or a year.
    private static func isDateOrYear(at index: Int, in tokens: [Token], value: Double, hasCurrency: Bool) -> Bool {
        let text = tokens[index].text
        let previousIndex = index >= 2 && tokens[index - 1].text == "." ? index - 2 : index - 1
        let previous = previousIndex >= 0 ? tokens[previousIndex].lower : ""
        let next = index + 1 < tokens.count ? tokens[index + 1].lower : ""
        let nextAfterComma = index + 2 < tokens.count && next == "," ? tokens[index + 2].lower : ""
        let day = value >= 1 && value <= 31 && !text.contains(".") && !text.contains(",")
        if day, Lexicon.months.contains(previous) || Lexicon.months.contains(next) || Lexicon.months.contains(nextAfterComma) {
            return true
        }
        let year = text.count == 4 && !text.contains(".") && !text.contains(",") && value >= 1800 && value <= 2100
        if year, !hasCurrency {
            if let (noun, _) = unitNoun(after: index + 1, in: tokens), let noun, Figure.personCounts.contains(noun) { return false }
            return true
        }
        return false
    }

    /// Figures whose unit is unknown take the unit of the sentence's other figures when they agree on one, or of
    /// the first word naming people in a role ("…send 10,000 by December" after "3,000 soldiers").
    private static func inferringUnits(_ figures: [Figure], tokens: [Token]) -> [Figure] {
        guard figures.contains(where: { $0.unit == nil }) else { return figures }
        let known = Set(figures.compactMap(\.unit).filter { $0 != "percent" && !Lexicon.currencyCodes.contains($0) })
        var inferred = known.count == 1 ? known.first : nil
        if inferred == nil {
            inferred = tokens.lazy.compactMap { Stemmer.groupKey($0.lower) }.first { Figure.personCounts.contains($0) }
        }
        guard let inferred else { return figures }
        return figures.map { figure in
            guard figure.unit == nil else { return figure }
            var copy = figure
            copy.unit = inferred
            return copy
        }
    }
}
