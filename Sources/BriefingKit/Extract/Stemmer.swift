/// Reduces an English word to a comparison key: lowercased word → irregular form, nationality → place, light
/// suffix stripping ("recruited", "recruiting", "recruits" → "recruit"), then synonym group ("soldiers", "troops",
/// "men" → "troops").
enum Stemmer {
    /// The comparison key of a lowercased word.
    static func key(_ word: String) -> String {
        if let group = groupOfWord[word] { return group }
        if let place = Lexicon.demonyms[word] { return place }
        let base = Lexicon.irregular[word] ?? word
        let stemmed = stem(base)
        return groupOfStem[stemmed] ?? stemmed
    }

    /// The synonym group a lowercased word belongs to, if any ("soldiers" → "troops").
    static func groupKey(_ word: String) -> String? {
        if let group = groupOfWord[word] { return group }
        guard word.count > 3 else { return nil }
        return groupOfStem[stem(Lexicon.irregular[word] ?? word)]
    }

    /// Synonym group by the exact words listed.
    private static let groupOfWord: [String: String] = {
        var map: [String: String] = [:]
        for (group, words) in Lexicon.synonymGroups.sorted(by: { $0.key < $1.key }) {
            for word in words where map[word] == nil { map[word] = group }
        }
        return map
    }()

    /// Synonym group by the stems of the words listed, for inflections the lists do not spell out.
    private static let groupOfStem: [String: String] = {
        var map: [String: String] = [:]
        for (group, words) in Lexicon.synonymGroups.sorted(by: { $0.key < $1.key }) {
            for word in words where word.count > 3 {
                let stemmed = stem(word)
                if map[stemmed] == nil { map[stemmed] = group }
            }
        }
        return map
    }()

    /// Light suffix stripping: plural `-s`/`-es`/`-ies`, `-ing`, `-ed`, a final `-e`, doubled final consonants.
    static func stem(_ word: String) -> String {
        var letters = Array(word)
        guard letters.count > 3, letters.allSatisfy(\.isLetter) else { return word }
        func ends(_ suffix: String) -> Bool { letters.count > suffix.count && letters.suffix(suffix.count).elementsEqual(suffix) }
        if ends("ies"), letters.count > 4 {
            letters.removeLast(3)
            letters.append("y")
        } else if ends("sses") {
            letters.removeLast(2)
        } else if ends("ss") || ends("us") || ends("is") {
            // "press", "status", "crisis": not plurals
        } else if ends("s") {
            letters.removeLast()
        }
        if ends("ing"), letters.count > 5 {
            letters.removeLast(3)
            undouble(&letters)
        } else if ends("ied"), letters.count > 4 {
            letters.removeLast(3)
            letters.append("y")
        } else if ends("ed"), letters.count > 4 {
            letters.removeLast(2)
            undouble(&letters)
        }
        if ends("e"), letters.count > 4 { letters.removeLast() }
        return String(letters)
    }

    /// "shipp" → "ship", "plann" → "plan"; keeps "ll", "ss", "zz" ("kill", "press").
    private static func undouble(_ letters: inout [Character]) {
        guard letters.count > 3, let last = letters.last, last == letters[letters.count - 2],
              !"aeiouylsz".contains(last) else { return }
        letters.removeLast()
    }
}
