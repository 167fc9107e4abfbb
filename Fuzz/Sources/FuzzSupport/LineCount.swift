/// The number of lines of `text` as an editor counts them (a final line break opens no new line of its own, but a
/// position just past the text is still a valid place to point at).
public func lineCount(ofFileBytes data: [UInt8]) -> Int {
    var lines = 1
    var previous: UInt8 = 0
    for byte in data {
        // CR LF, lone CR and LF each end a line, as TextFile counts them.
        if byte == 0x0A, previous != 0x0D { lines += 1 }
        if byte == 0x0D { lines += 1 }
        previous = byte
    }
    return lines
}
