import Foundation
import FuzzSupport
@testable import BriefingKit

// A claims file (`Content/claims/*.yml`) through the real loader: UTF-8 decoding, YAML (aliases, anchors, tags,
// deep nesting), the list of claims and their sources. Properties: nothing crashes or hangs, and every diagnostic
// points inside the file.

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let data = inputData(bytes, size)
    let path = "Content/claims/fuzz.yml"
    var log = DiagnosticLog()
    let claims = ClaimLoader.load(url: ScratchFile.holding(data), displayPath: path, log: &log)
    let lines = lineCount(ofFileBytes: [UInt8](data))
    expectPositionsInside(log.diagnostics, path: path, lines: lines)
    for claim in claims {
        expect(Slug.isValid(claim.id), "claim id '\(claim.id)' accepted though it is no valid slug")
        expectPositionsInside(claim.sources.map { Diagnostic.warning(at: $0.location, "source") }, path: path, lines: lines)
    }
    return 0
}

runFuzzer(testOneInput)
