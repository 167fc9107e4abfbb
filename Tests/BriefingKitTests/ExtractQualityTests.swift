import Foundation
import Testing
@testable import BriefingKit

/// Quality of `briefing extract`, measured on hand-labelled texts (see `ExtractEvaluation` for the definitions).
/// The floors are the figures measured when the extractor was written, truncated to two decimals: a change that
/// lowers any of them fails here. Set EXTRACT_EVAL_VERBOSE=1 to print what each set's candidates get wrong.
@Suite struct ExtractQualityTests {
    /// 24 texts, 66 claims: the set the thresholds were chosen on.
    @Test func labelledSetMeetsItsFloors() throws {
        let evaluation = try ExtractEvaluation(set: "labelled")
        let (scores, extraction) = evaluation.run()
        print("labelled set:\n\(scores)")
        if ProcessInfo.processInfo.environment["EXTRACT_EVAL_VERBOSE"] != nil { print(evaluation.explain(extraction.candidates)) }
        #expect(scores.texts >= 20 && scores.goldClaims >= 30)
        #expect(scores.statementPrecision >= 1.00)
        #expect(scores.statementRecall >= 0.97)
        #expect(scores.linkPrecision >= 1.00)
        #expect(scores.linkRecall >= 0.86)
        #expect(scores.claimPrecision >= 0.86)
        #expect(scores.claimRecall >= 0.84)
        #expect(scores.multiSourceClaimRecall >= 0.85)
        #expect(scores.conflictPrecision >= 1.00)
        #expect(scores.conflictRecall >= 0.75)
    }

    /// 9 texts, 28 claims, written after the thresholds were chosen.
    @Test func heldOutSetMeetsItsFloors() throws {
        let evaluation = try ExtractEvaluation(set: "heldout")
        let (scores, extraction) = evaluation.run()
        print("held-out set:\n\(scores)")
        if ProcessInfo.processInfo.environment["EXTRACT_EVAL_VERBOSE"] != nil { print(evaluation.explain(extraction.candidates)) }
        #expect(scores.statementPrecision >= 1.00)
        #expect(scores.statementRecall >= 0.91)
        #expect(scores.linkPrecision >= 1.00)
        #expect(scores.linkRecall >= 0.62)
        #expect(scores.claimPrecision >= 0.84)
        #expect(scores.claimRecall >= 0.78)
        #expect(scores.conflictPrecision >= 0.50)
        #expect(scores.conflictRecall >= 0.33)
    }
}
