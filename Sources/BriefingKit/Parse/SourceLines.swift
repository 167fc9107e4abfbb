/// The lines of a Markdown body, as `text.split(separator: "\n", omittingEmptySubsequences: false)` gives them, found
/// only once a citation needs its location: most bodies are parsed without ever looking at a line.
struct SourceLines {
    let text: String
    private var utf8: [UInt8] = []
    /// The UTF-8 offset where each line starts, once computed.
    private var starts: [Int]?

    init(_ text: String) {
        self.text = text
    }

    var count: Int {
        mutating get { lineStarts().count }
    }

    /// Line `number`, counted from 1.
    mutating func line(_ number: Int) -> CharacterCodes {
        let starts = lineStarts()
        let end = number < starts.count ? starts[number] - 1 : utf8.count
        return CharacterCodes(utf8: Array(utf8[starts[number - 1]..<end]))
    }

    private mutating func lineStarts() -> [Int] {
        if let starts { return starts }
        utf8 = Array(text.utf8)
        var found = [0]
        // A line feed after a carriage return is part of one Character, "\r\n", which is no "\n".
        for offset in utf8.indices where utf8[offset] == 0x0A && (offset == 0 || utf8[offset - 1] != 0x0D) {
            found.append(offset + 1)
        }
        starts = found
        return found
    }
}
