/// One rendered page on its way into the staging folder: each piece the renderer hands over is written to the file
/// and link-checked at once, so a page of hundreds of megabytes (the printable digest of a large site) is never held
/// whole. A small page arrives as one piece, the last.
final class PageStream {
    private let path: String
    private let staging: StagingFolder
    private var scanner: LinkChecker.PageScanner
    private var file: PlainFile.Writer?
    /// The end of the pieces so far that the link check has yet to read: a tag the last piece cut in two.
    private var unscanned: [UInt8] = []
    private var failure: Diagnostic?

    init(path: String, staging: StagingFolder, resolver: LinkResolver) {
        self.path = path
        self.staging = staging
        scanner = LinkChecker.PageScanner(page: path, resolver: resolver)
    }

    /// Writes and checks one piece, and empties `bytes` for the renderer to go on with.
    func take(_ bytes: inout [UInt8]) {
        add(bytes, isFinal: false)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes and checks the last piece, and gives the page's links, or the first write failure.
    func finish(_ bytes: [UInt8]) -> Result<LinkChecker.PageLinks, Diagnostic> {
        add(bytes, isFinal: true)
        file = nil
        if let failure { return .failure(failure) }
        return .success(scanner.finish())
    }

    private func add(_ bytes: [UInt8], isFinal: Bool) {
        guard failure == nil else { return }
        let written = Result { () throws(Diagnostic) in
            let file: PlainFile.Writer
            if let open = self.file { file = open } else { file = try staging.open(path) }
            self.file = file
            let piece = bytes.withUnsafeBytes { piece in Result { () throws(Diagnostic) in try staging.write(piece, to: file, path: path) } }
            try piece.get()
        }
        if case .failure(let error) = written {
            failure = error
            return
        }
        if unscanned.isEmpty {
            let consumed = bytes.withUnsafeBufferPointer { scanner.scan($0, isFinal: isFinal) }
            unscanned = Array(bytes[consumed...])
        } else {
            unscanned += bytes
            let consumed = unscanned.withUnsafeBufferPointer { scanner.scan($0, isFinal: isFinal) }
            unscanned.removeFirst(consumed)
        }
    }
}
