/// Cuts a sentence into clauses that each make one statement: at semicolons and spaced dashes, and before "and",
/// "but", "while" when a new subject follows ("…, and Ukrainian officers say …"). A sentence stating several
/// figures is cut so that each clause holds one ("North Korea has moved about 3,000 soldiers to Russia | and
/// intends to send around 10,000 in total"), if need be at the last comma between two figures. Pieces that cannot
/// stand alone ("– a dependence that has grown") stay with the clause before them.
enum ClauseSplitter {
    /// Token ranges of the clauses of a sentence, in order, covering it.
    static func clauses(_ tokens: [Token], figureTokens: Set<Int>) -> [Range<Int>] {
        guard tokens.count > 1 else { return [0..<tokens.count] }
        let severalFigures = figureTokens.count > 1
        var starts: [Int] = [0]
        for index in 1..<tokens.count where isClauseStart(index, tokens, severalFigures: severalFigures) {
            if ["and", "but"].contains(tokens[index].lower) {
                // Without a comma, "and" cuts only between figures: "…3,000 soldiers to Russia and intends to send
                // around 10,000", not "Putin and Kim signed" or "a bigger and more formal commitment".
                let sinceStart = starts.last!..<index
                guard tokens[index - 1].text == "," || (severalFigures && sinceStart.contains(where: figureTokens.contains)) else { continue }
            }
            starts.append(index)
        }
        let pieces = zip(starts, starts.dropFirst() + [tokens.count]).map { $0..<$1 }
        var clauses: [Range<Int>] = []
        for piece in pieces {
            guard let last = clauses.last else {
                clauses.append(piece)
                continue
            }
            let hasFigure = piece.contains(where: figureTokens.contains)
            // With several figures, each figure starts a clause of its own unless the clause so far has none yet.
            let apart = severalFigures && hasFigure ? last.contains(where: figureTokens.contains) : standsAlone(piece, tokens)
            if apart {
                clauses.append(piece)
            } else {
                clauses[clauses.count - 1] = last.lowerBound..<piece.upperBound
            }
        }
        return severalFigures ? clauses.flatMap { splitAtCommas($0, tokens, figureTokens: figureTokens) } : clauses
    }

    /// A clause holding two or more figures, cut at the last comma between each two of them.
    private static func splitAtCommas(_ clause: Range<Int>, _ tokens: [Token], figureTokens: Set<Int>) -> [Range<Int>] {
        let figures = clause.filter(figureTokens.contains)
        guard figures.count > 1 else { return [clause] }
        var cuts: [Int] = []
        for (left, right) in zip(figures, figures.dropFirst()) {
            if let comma = (left + 1..<right).last(where: { tokens[$0].text == "," }), comma - clause.lowerBound >= 2, clause.upperBound - comma > 2 {
                cuts.append(comma + 1)
            } else if let preposition = (left + 1..<right).last(where: { ["to", "from", "against", "versus"].contains(tokens[$0].lower) }),
                      wordCount(clause.lowerBound..<preposition, tokens) >= 3, wordCount(preposition..<clause.upperBound, tokens) >= 3 {
                cuts.append(preposition) // "will fall by 15% | to 410,000 tonnes in 2026"
            }
        }
        let bounds = [clause.lowerBound] + cuts + [clause.upperBound]
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    private static func wordCount(_ range: Range<Int>, _ tokens: [Token]) -> Int {
        range.filter { tokens[$0].kind == .word }.count
    }

    /// A piece with a subject of its own: at least five words, the first (after joiners) a name or "the" and a
    /// name ("the NIS"), not a pronoun.
    private static func standsAlone(_ piece: Range<Int>, _ tokens: [Token]) -> Bool {
        let words = piece.filter { tokens[$0].kind == .word }
        guard words.count >= 5 else { return false }
        var position = 0
        while position < words.count, leadingJoiners.contains(tokens[words[position]].lower) { position += 1 }
        guard position + 1 < words.count else { return false }
        let first = tokens[words[position]], second = tokens[words[position + 1]]
        if first.isCapitalised, !Lexicon.stopwords.contains(first.lower) { return true }
        return ["the", "its", "their"].contains(first.lower) && second.isCapitalised
    }

    /// A semicolon, a spaced dash, or a conjunction that may start a new clause.
    private static func isClauseStart(_ index: Int, _ tokens: [Token], severalFigures: Bool) -> Bool {
        let token = tokens[index]
        let previous = tokens[index - 1]
        if token.kind == .symbol {
            if [";", "–", "—"].contains(token.text) { return true }
            if token.text == "-", !token.attached, index + 1 < tokens.count, !tokens[index + 1].attached || tokens[index + 1].text == "-" {
                return true // " - " or " -- "
            }
            return false
        }
        guard token.kind == .word else { return false }
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        switch token.lower {
        case "and", "but":
            return next?.kind != .number && previous.kind != .number
        case "while", "whereas": return true
        case "with": return severalFigures && previous.text == ","
        case "up", "down": return severalFigures && previous.text == "," && next?.lower == "from"
        default: return false
        }
    }

    /// Leading words a quote should not start with.
    static let leadingJoiners: Set<String> = ["and", "but", "while", "whereas", "with", "that", "which"]
}
