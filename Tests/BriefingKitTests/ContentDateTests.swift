import Testing
@testable import BriefingKit

/// Dates as written in content: parsed strictly, shown as written, sorted by the instant they denote.
@Suite struct ContentDateTests {
    private func date(_ text: String) throws -> ContentDate {
        try #require(ContentDate(parsing: text), "'\(text)' should parse")
    }

    @Test func aPlainDate() throws {
        let value = try date("2024-10-23")
        #expect([value.year, value.month, value.day] == [2024, 10, 23])
        #expect(value.instant == 1_729_641_600)  // 2024-10-23T00:00:00Z
        #expect(value.iso == "2024-10-23")
    }

    @Test func aDateTimeWithAnOffsetDenotesTheUTCInstant() throws {
        let value = try date("2024-10-24T09:30:00+09:00")
        #expect([value.year, value.month, value.day] == [2024, 10, 24])
        #expect(value.instant == 1_729_729_800)  // 2024-10-24T00:30:00Z
        #expect(value.iso == "2024-10-24T09:30:00+09:00")
    }

    @Test func aNegativeOffsetAddsToTheInstant() throws {
        #expect(try date("2024-10-23T20:00:00-05:00").instant == 1_729_731_600)  // 2024-10-24T01:00:00Z
    }

    @Test func equivalentSpellingsOfOneInstantAgree() throws {
        let instant = try date("2024-10-24T01:00:00Z").instant
        for text in [
            "2024-10-24T01:00Z", "2024-10-24T01:00:00z", "2024-10-24T01:00:00.250Z", "2024-10-24T01:00:00,5Z",
            "2024-10-24T10:00:00+09:00", "2024-10-24T10:00+0900", "2024-10-24T10:00:00+09",
            "2024-10-24 01:00:00Z", "2024-10-24T01:00:00", "  2024-10-24T01:00:00Z  ",
        ] {
            #expect(try date(text).instant == instant, "\(text)")
        }
    }

    @Test func fractionalSecondsAreAccepted() throws {
        let value = try date("2024-10-24T09:30:15.123456Z")
        #expect(value.instant == 1_729_762_215)
        #expect(value.day == 24)
    }

    @Test func aLeapDayExistsOnlyInLeapYears() throws {
        #expect(try date("2024-02-29").day == 29)
        #expect(try date("2000-02-29").day == 29)
        #expect(ContentDate(parsing: "2023-02-29") == nil)
        #expect(ContentDate(parsing: "1900-02-29") == nil)
        #expect(try date("2024-03-01").instant - date("2024-02-28").instant == 2 * 86_400)
    }

    @Test func datesBeforeTheEpochHaveNegativeInstants() throws {
        #expect(try date("1969-12-31").instant == -86_400)
        #expect(try date("1970-01-01").instant == 0)
    }

    @Test(arguments: [
        "2024-13-01", "2024-00-10", "2024-02-30", "2024-04-31", "2023-02-29", "2024-10-00", "2024-10-32",
        "24-10-23", "2024-1-23", "2024/10/23", "20241023", "2024-10-2x", "2024-10-23x", "2024-10-23 extra",
        "2024-10-23T", "2024-10-23T25:00", "2024-10-23T24:00", "2024-10-23T09:60", "2024-10-23T9:30",
        "2024-10-23T09:30:61", "2024-10-23T09:30:00+9", "2024-10-23T09:30:00+09:00 trailing", "2024-10-23T09:30:00Zx",
        "2024-10-23T09:30:00 UTC", "", "yesterday", "２０２４-10-23", "October 23, 2024",
    ])
    func invalidDatesAreRejected(_ text: String) {
        #expect(ContentDate(parsing: text) == nil, "'\(text)' should not parse")
    }

    @Test func theLongFormIsTheWrittenCalendarDate() throws {
        #expect(try date("2024-10-24").long == "24 October 2024")
        #expect(try date("2024-03-01").long == "1 March 2024")
        // 09:30 in Tokyo is 00:30 UTC, and 23:30 in New York is already the next day in UTC: the page shows
        // the day the author wrote, not the UTC day.
        #expect(try date("2024-10-24T09:30:00+09:00").long == "24 October 2024")
        #expect(try date("2024-10-24T23:30:00-05:00").long == "24 October 2024")
        #expect(try date("2024-01-01T00:30:00+09:00").long == "1 January 2024")
    }

    @Test func theShortFormIsZeroPadded() throws {
        #expect(try date("2024-03-01T23:59:00-08:00").short == "2024-03-01")
        #expect(try date("0999-01-05").short == "0999-01-05")
    }

    @Test func datesSortByInstantNotByText() throws {
        let tokyo = try date("2024-10-24T09:30+09:00")
        let utc = try date("2024-10-24T01:00Z")
        let dayBefore = try date("2024-10-23")
        let sameDay = try date("2024-10-24")
        #expect(tokyo < utc, "09:30 in Tokyo is 00:30 UTC")
        #expect(!(utc < tokyo))
        #expect(sameDay < tokyo, "a date alone counts as midnight UTC")
        #expect([utc, tokyo, sameDay, dayBefore].sorted() == [dayBefore, sameDay, tokyo, utc])
    }

    @Test func twoSpellingsOfOneInstantAreOrderedConsistently() throws {
        let a = try date("2024-10-24T00:30:00Z")
        let b = try date("2024-10-24T09:30:00+09:00")
        #expect(a != b, "they are written differently")
        #expect((a < b) != (b < a), "exactly one orders first, so sorting is stable across runs")
    }
}
