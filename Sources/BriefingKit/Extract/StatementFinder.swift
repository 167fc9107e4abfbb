/// Finds the statements of one source body: paragraphs → runs of text → sentences, skipping boilerplate,
/// questions, fragments and opinion; a sentence with several figures gives one mention per figure.
enum StatementFinder {
    /// The mentions of one source, in reading order. Each comparison key's first spelling is recorded in
    /// `spellings` (for readable ids).
    static func mentions(inSource source: Int, body text: String, spellings: inout [String: String]) -> [Mention] {
        let body = BodyText(text)
        var mentions: [Mention] = []
        var sentenceNumber = 0
        for paragraph in ParagraphSplitter.paragraphs(of: body) {
            for run in BlockSegmenter.runs(of: paragraph, in: body) {
                for sentence in SentenceSplitter.sentences(in: run, of: body) {
                    defer { sentenceNumber += 1 }
                    let found = statements(in: sentence, of: body, source: source, paragraph: paragraph.number,
                                           sentenceNumber: sentenceNumber, spellings: &spellings)
                    mentions += found
                }
            }
        }
        return mentions
    }

    /// The mentions of one sentence: none when it is not a factual statement.
    private static func statements(
        in sentence: Range<Int>, of body: BodyText, source: Int, paragraph: Int, sentenceNumber: Int,
        spellings: inout [String: String]
    ) -> [Mention] {
        var tokens = Tokenizer.tokens(in: sentence, of: body)
        tokens.removeFirst(datelineLength(tokens))
        let words = tokens.filter { $0.kind == .word }
        guard words.count >= 3 else { return [] }
        let text = body.text(sentence)
        if text.hasSuffix("?") || text.hasSuffix("?\"") || text.hasSuffix("?”") || text.hasSuffix(":") { return [] }
        if Boilerplate.isBoilerplate(text) { return [] }

        let figures = FigureParser.figures(in: tokens)
        let digitFigures = figures.filter { !$0.spelled }
        let lowers = Set(words.map(\.lower))
        let comparative = digitFigures.count > 1 && !lowers.isDisjoint(with: Lexicon.comparisonWords)
        let clauses = ClauseSplitter.clauses(tokens, figureTokens: Set(digitFigures.map(\.tokenIndex)))
        let whole = clauses.count == 1
        let clauseTerms = clauses.map { terms(of: Array(tokens[$0]), spellings: &spellings) }
        return clauses.enumerated().compactMap { position, clause -> Mention? in
            let clauseTokens = Array(tokens[clause])
            let clauseWords = clauseTokens.filter { $0.kind == .word }
            let clauseFigures = figures.filter { clause.contains($0.tokenIndex) }
            let primary = clauseFigures.first { !$0.spelled } ?? clauseFigures.first
            guard clauseWords.count >= 6 || (primary != nil && clauseWords.count >= (primary!.spelled ? 3 : 2)) else { return nil }
            let score = factualScore(clauseTokens, words: clauseWords, figures: clauseFigures)
            guard score >= Self.minimumScore, let range = quoteRange(clause, tokens: tokens, whole: whole) else { return nil }
            let quote = body.text(range)
            let clauseLowers = Set(clauseWords.map(\.lower))
            let denial = !clauseLowers.isDisjoint(with: Lexicon.denialWords)
            let reported = !lowers.isDisjoint(with: Lexicon.reportingWords)
            let kind: ClaimKind = denial ? .denial : primary != nil ? .figure : reported ? .attribution : .event
            let own = Set(clauseTerms[position])
            var seen = own
            let context = clauseTerms.indices.filter { $0 != position }.flatMap { clauseTerms[$0] }.filter { seen.insert($0).inserted }
            return Mention(
                source: source, paragraph: paragraph, sentence: sentenceNumber, quote: quote, isWholeSentence: whole,
                figures: clauseFigures, primary: primary, terms: clauseTerms[position], contextTerms: context, kind: kind,
                factualScore: score, hedged: !clauseLowers.isDisjoint(with: Lexicon.hedgeWords), comparative: comparative,
                intent: !clauseLowers.isDisjoint(with: Lexicon.intentWords)
            )
        }
    }

    /// Body offsets of the quote for a clause: a whole sentence as it stands (after any dateline); a clause without
    /// its leading conjunction and trailing punctuation.
    private static func quoteRange(_ clause: Range<Int>, tokens: [Token], whole: Bool) -> Range<Int>? {
        var first = clause.lowerBound, last = clause.upperBound - 1
        let startsSentence = clause.lowerBound == 0
        while first <= last, tokens[first].kind == .symbol || (!startsSentence && ClauseSplitter.leadingJoiners.contains(tokens[first].lower)) {
            if tokens[first].kind == .symbol, "\"“‘(".contains(tokens[first].text) { break }
            first += 1
        }
        if !whole {
            while last >= first, tokens[last].kind == .symbol, !["%", ")", "”", "\"", "’"].contains(tokens[last].text) { last -= 1 }
        }
        guard first <= last else { return nil }
        return tokens[first].range.lowerBound..<tokens[last].range.upperBound
    }

    /// "SEOUL, Oct. 24 (Seoul Wire Service) -- ": the number of tokens of a dateline before the story starts.
    private static func datelineLength(_ tokens: [Token]) -> Int {
        guard let first = tokens.first, first.kind == .word, first.text.count >= 3,
              first.text.allSatisfy({ $0.isUppercase || !$0.isLetter }) else { return 0 }
        for index in 1..<min(tokens.count, 20) {
            let token = tokens[index]
            guard token.kind == .symbol, ["—", "–", "-"].contains(token.text), !token.attached else { continue }
            var end = index + 1
            while end < tokens.count, tokens[end].text == "-" { end += 1 }
            return end < tokens.count ? end : 0
        }
        return 0
    }

    /// The factual score a clause needs to be proposed.
    static let minimumScore = 1

    /// Evidence that a sentence reports a fact: figures, names, attribution, events and dates count for it;
    /// first and second person and opinion words count against it.
    private static func factualScore(_ tokens: [Token], words: [Token], figures: [Figure]) -> Int {
        var score = 0
        if figures.contains(where: { !$0.spelled }) { score += 2 } else if !figures.isEmpty { score += 1 }
        if words.contains(where: { Lexicon.reportingWords.contains($0.lower) }) || tokens.contains(where: { $0.text == "“" || $0.text == "\"" }) {
            score += 1
        }
        let names = words.enumerated().filter { position, word in
            word.isCapitalised && !Lexicon.stopwords.contains(word.lower) && (position > 0 || word.text.count > 1)
        }
        if !names.isEmpty { score += 1 }
        if names.count >= 3 { score += 1 }
        if words.contains(where: { isEventVerb($0.lower) }) { score += 1 }
        if words.contains(where: { Lexicon.months.contains($0.lower) && $0.isCapitalised }) { score += 1 }
        if words.contains(where: { Lexicon.denialWords.contains($0.lower) }) { score += 1 }
        if words.contains(where: { !$0.quoted && Lexicon.personalPronouns.contains($0.lower) }) { score -= 2 }
        if words.contains(where: { !$0.quoted && Lexicon.opinionWords.contains($0.lower) }) { score -= 2 }
        return score
    }

    /// A past-tense or completed-action verb ("signed", "detained", "rose").
    private static func isEventVerb(_ word: String) -> Bool {
        if word.hasSuffix("ed"), word.count > 4 { return true }
        if let group = Stemmer.groupKey(word), ["send", "recruit", "detain", "deny", "rise", "fall", "buy", "sign", "withdraw",
                                                 "evacuate", "ban", "close", "killed", "injured", "vote", "strike"].contains(group) {
            return true
        }
        return Lexicon.irregular[word] != nil
    }

    /// Comparison keys and figures of free text, such as a ledger claim's statement and quotes.
    static func termsAndFigures(ofText text: String) -> (terms: [String], figures: [Figure]) {
        let body = BodyText(text)
        let tokens = Tokenizer.tokens(in: 0..<body.count, of: body)
        var spellings: [String: String] = [:]
        return (terms(of: tokens, spellings: &spellings), FigureParser.figures(in: tokens))
    }

    /// Comparison keys of a clause's words (figures and function words left out).
    private static func terms(of tokens: [Token], spellings: inout [String: String]) -> [String] {
        var seen = Set<String>()
        var terms: [String] = []
        for token in tokens where token.kind == .word {
            for part in token.lower.split(separator: "-") {
                let word = String(part)
                guard word.count > 1, !Lexicon.stopwords.contains(word), Lexicon.numberWords[word] == nil else { continue }
                let key = Stemmer.key(word)
                if spellings[key] == nil { spellings[key] = word }
                if seen.insert(key).inserted { terms.append(key) }
            }
        }
        return terms
    }
}
