/// Some of the site's notes, in the site's order: a topic's notes, or the notes that cite a source. Holds positions
/// into the one array of every note instead of a copy of each note, which on a large site kept several copies of
/// every note for the whole build.
public struct NoteSelection: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    private let all: [Note]
    private let positions: [Int]

    init(all: [Note], positions: [Int]) {
        self.all = all
        self.positions = positions
    }

    public init(arrayLiteral notes: Note...) {
        self.init(all: notes, positions: Array(notes.indices))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(position: Int) -> Note { all[positions[position]] }
}
