import Testing
@testable import BriefingKit

/// Standing rules and independent-origin counting of the claims ledger.
@Suite struct ClaimLedgerTests {
    static let here = SourceLocation(path: "Content/claims/test.yml")

    static func source(_ id: String, outlet: String, basedOn: [String] = []) -> Source {
        Source(
            id: id, title: id, outlet: outlet, author: nil, published: nil, url: nil, accessed: nil, language: nil,
            basedOn: basedOn.map { Located($0, at: here) }, body: nil, location: here
        )
    }

    static func claim(_ id: String, sources: [String], subject: String? = nil, value: Double? = nil, asOf: String? = nil) -> Claim {
        Claim(
            id: id, statement: id, topics: [],
            sources: sources.map { ClaimSource(sourceID: $0, quote: nil, locator: nil, location: here, quoteLocation: nil) },
            asOf: asOf.flatMap(ContentDate.init(parsing:)), subject: subject, value: value, location: here
        )
    }

    static let sources = [
        source("kyiv", outlet: "The Kyiv Independent"),
        source("kyiv-later", outlet: "the kyiv  independent"),
        source("wire-a", outlet: "Ukraine News Wire", basedOn: ["Reuters"]),
        source("wire-b", outlet: "War Digest", basedOn: ["reuters"]),
        source("seoul", outlet: "Seoul Wire", basedOn: ["NIS briefing"]),
        source("weekly", outlet: "The Weekly Review", basedOn: ["seoul"]),
        source("loop-a", outlet: "Loop A", basedOn: ["loop-b"]),
        source("loop-b", outlet: "Loop B", basedOn: ["loop-a"]),
    ]

    func assess(_ claims: [Claim]) -> [String: ClaimAssessment] {
        ClaimLedger.assess(claims, origins: Origins(sourcesByID: Dictionary(uniqueKeysWithValues: Self.sources.map { ($0.id, $0) })))
    }

    @Test func oneSourceIsSingleSource() throws {
        let result = try #require(assess([Self.claim("c", sources: ["kyiv"])])["c"])
        #expect(result.standing == .singleSource)
        #expect(result.reason == "1 report, 1 independent origin: The Kyiv Independent")
    }

    @Test func twoIndependentOriginsCorroborate() throws {
        let result = try #require(assess([Self.claim("c", sources: ["kyiv", "seoul"])])["c"])
        #expect(result.standing == .corroborated)
        #expect(result.reportCount == 2)
        #expect(result.origins == ["NIS briefing", "The Kyiv Independent"])
    }

    @Test func reportsRelayingOneAgencyAreOneOrigin() throws {
        let result = try #require(assess([Self.claim("c", sources: ["wire-a", "wire-b"])])["c"])
        #expect(result.standing == .singleSource)
        #expect(result.reason == "2 reports, 1 independent origin: Reuters")
    }

    @Test func twoSourcesFromOneOutletAreOneOrigin() throws {
        let result = try #require(assess([Self.claim("c", sources: ["kyiv", "kyiv-later"])])["c"])
        #expect(result.origins.count == 1)
        #expect(result.standing == .singleSource)
    }

    @Test func basedOnASourceIDTakesThatSourcesOrigins() throws {
        let result = try #require(assess([Self.claim("c", sources: ["seoul", "weekly"])])["c"])
        #expect(result.origins == ["NIS briefing"])
        #expect(result.standing == .singleSource)
    }

    @Test func aBasedOnCycleEndsAndCountsNoOrigin() throws {
        let result = try #require(assess([Self.claim("c", sources: ["loop-a", "kyiv"])])["c"])
        #expect(result.origins == ["The Kyiv Independent"])
    }

    @Test func differentValuesForOneSubjectAtOneDateAreDisputed() throws {
        let results = assess([
            Self.claim("ten", sources: ["seoul", "kyiv"], subject: "promised", value: 10000, asOf: "2024-10-23"),
            Self.claim("ten-again", sources: ["wire-a"], subject: "promised", value: 10000, asOf: "2024-10-23"),
            Self.claim("twelve", sources: ["weekly"], subject: "promised", value: 12000, asOf: "2024-10-23"),
        ])
        for id in ["ten", "ten-again", "twelve"] {
            #expect(results[id]?.standing == .disputed, "\(id)")
            #expect(results[id]?.reason == "10,000 (3 reports) vs 12,000 (1 report)")
        }
        #expect(results["ten"]?.competingFigures.map(\.sourceIDs) == [["seoul", "kyiv", "wire-a"], ["weekly"]])
    }

    @Test func aFigureWithoutADateIsComparedWithEveryDate() throws {
        let results = assess([
            Self.claim("ten", sources: ["seoul"], subject: "promised", value: 10000, asOf: "2024-10-23"),
            Self.claim("twelve", sources: ["weekly"], subject: "promised", value: 12000),
        ])
        #expect(results["ten"]?.standing == .disputed)
        #expect(results["twelve"]?.standing == .disputed)
    }

    @Test func figuresAtDifferentDatesAreAProgressionNotADispute() throws {
        let results = assess([
            Self.claim("early", sources: ["seoul"], subject: "in-russia", value: 1500, asOf: "2024-10-18"),
            Self.claim("later", sources: ["seoul", "kyiv"], subject: "in-russia", value: 3000, asOf: "2024-10-23"),
        ])
        #expect(results["early"]?.standing == .singleSource)
        #expect(results["later"]?.standing == .corroborated)
    }

    @Test func disputedTakesPrecedenceOverCorroborated() throws {
        let results = assess([
            Self.claim("a", sources: ["kyiv", "seoul"], subject: "s", value: 1),
            Self.claim("b", sources: ["wire-a"], subject: "s", value: 2),
        ])
        #expect(results["a"]?.standing == .disputed)
    }

    @Test func theSameValueFromTwoClaimsIsNoDispute() throws {
        let results = assess([
            Self.claim("a", sources: ["kyiv"], subject: "s", value: 3000, asOf: "2024-10-23"),
            Self.claim("b", sources: ["seoul"], subject: "s", value: 3000, asOf: "2024-10-23"),
        ])
        #expect(results["a"]?.standing == .singleSource)
        #expect(results["a"]?.competingFigures.count == 1)
    }
}
