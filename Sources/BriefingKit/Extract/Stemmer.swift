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

    /// Light suffix stripping of a lowercase ASCII word: plural `-s`/`-es`/`-ies`, `-ing`, `-ed`, a final `-e`,
    /// doubled final consonants. Other words are returned as they are.
    static func stem(_ word: String) -> String {
        var letters = Array(word.utf8)
        guard letters.count > 3, letters.allSatisfy({ (97...122).contains($0) }) else { return word }
        func ends(_ suffix: [UInt8]) -> Bool { letters.count > suffix.count && letters.suffix(suffix.count).elementsEqual(suffix) }
        let (s, e, y) = (UInt8(ascii: "s"), UInt8(ascii: "e"), UInt8(ascii: "y"))
        if ends(Suffix.ies), letters.count > 4 {
            letters.removeLast(3)
            letters.append(y)
        } else if ends(Suffix.sses) {
            letters.removeLast(2)
        } else if ends(Suffix.ss) || ends(Suffix.us) || ends(Suffix.is) {
            // "press", "status", "crisis": not plurals
        } else if letters.last == s {
            letters.removeLast()
        }
        if ends(Suffix.ing), letters.count > 5 {
            letters.removeLast(3)
            undouble(&letters)
        } else if ends(Suffix.ied), letters.count > 4 {
            letters.removeLast(3)
            letters.append(y)
        } else if ends(Suffix.ed), letters.count > 4 {
            letters.removeLast(2)
            undouble(&letters)
        }
        if letters.last == e, letters.count > 4 { letters.removeLast() }
        return String(decoding: letters, as: UTF8.self)
    }

    private enum Suffix {
        static let ies = Array("ies".utf8), sses = Array("sses".utf8), ss = Array("ss".utf8), us = Array("us".utf8)
        static let `is` = Array("is".utf8), ing = Array("ing".utf8), ied = Array("ied".utf8), ed = Array("ed".utf8)
        static let keepDoubled = Array("aeiouylsz".utf8)
    }

    /// "shipp" → "ship", "plann" → "plan"; keeps "ll", "ss", "zz" ("kill", "press").
    private static func undouble(_ letters: inout [UInt8]) {
        guard letters.count > 3, let last = letters.last, last == letters[letters.count - 2], !Suffix.keepDoubled.contains(last) else { return }
        letters.removeLast()
    }
}
