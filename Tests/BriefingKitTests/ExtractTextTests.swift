import Testing
@testable import BriefingKit

/// Statement finding for `briefing extract`: sentences, clauses, figures, boilerplate.
@Suite struct ExtractTextTests {
    private func sentences(_ text: String) -> [String] {
        let body = BodyText(text)
        return ParagraphSplitter.paragraphs(of: body).flatMap { paragraph in
            BlockSegmenter.runs(of: paragraph, in: body).flatMap { run in
                SentenceSplitter.sentences(in: run, of: body).map { body.text($0) }
            }
        }
    }

    private func figures(_ text: String) -> [Figure] {
        let body = BodyText(text)
        return FigureParser.figures(in: Tokenizer.tokens(in: 0..<body.count, of: body))
    }

    private func quotes(_ text: String) -> [String] {
        var spellings: [String: String] = [:]
        return StatementFinder.mentions(inSource: 0, body: text, spellings: &spellings).map(\.quote)
    }

    @Test func abbreviationsTitlesAndInitialsDoNotEndSentences() {
        #expect(sentences("Dr. Amara Osei met Gen. Taro Ike on Oct. 24 in the U.S. capital. J. K. Rowe was there too. They agreed.")
            == ["Dr. Amara Osei met Gen. Taro Ike on Oct. 24 in the U.S. capital.", "J. K. Rowe was there too.", "They agreed."])
    }

    @Test func quotationsAreKeptWhole() {
        #expect(sentences("He said: \"We will win. They will lose.\" Then he left. She replied: “No. Never.” It ended.")
            == ["He said: \"We will win. They will lose.\"", "Then he left.", "She replied: “No. Never.”", "It ended."])
    }

    @Test func numbersAndMoneyDoNotEndSentences() {
        #expect(sentences("Exports rose 3.5% to $50bn, or 3,000 crates. Imports fell by 1.2 per cent.")
            == ["Exports rose 3.5% to $50bn, or 3,000 crates.", "Imports fell by 1.2 per cent."])
    }

    @Test func bulletsAndHeadingsAreSeparateRuns() {
        let text = "**Fighting**\n\n• The town is at risk of encirclement.\n• A commander warned of an attack\nin the south.\n- Plain dash item here.\n1. Numbered item here."
        #expect(sentences(text) == [
            "The town is at risk of encirclement.", "A commander warned of an attack\nin the south.", "Plain dash item here.", "Numbered item here.",
        ])
    }

    @Test func semicolonsSplitStatements() {
        #expect(sentences("Nobody knows why; Russia is hiring interpreters in a hurry.") == ["Nobody knows why", "Russia is hiring interpreters in a hurry."])
    }

    @Test func boilerplateIsSkipped() {
        let text = """
            Home | World | Business | Sport

            The council approved a new budget of $4m for the harbour on Monday.

            Subscribe to our newsletter to get the daily digest in your inbox.

            Read more: Our full coverage of the harbour

            Share this article
            """
        #expect(quotes(text) == ["The council approved a new budget of $4m for the harbour on Monday."])
    }

    @Test func questionsAndOpinionAreSkipped() {
        let text = "Will the truce hold? We think you should read the full report. The ministry confirmed that 40 people were arrested in Ostrava on Friday."
        #expect(quotes(text) == ["The ministry confirmed that 40 people were arrested in Ostrava on Friday."])
    }

    @Test func figuresKeepTheirUnitsAndScale() throws {
        let found = figures("About 3,000 North Korean soldiers, a $50bn loan, inflation of 6.1%, two brigades and 1.5 million people.")
        #expect(found.map(\.magnitude) == [3000, 50e9, 6.1, 2, 1.5e6])
        #expect(found.map(\.unit) == ["troops", "usd", "percent", "brigad", "people"])
        #expect(found[1].written == 50 && found[1].scale == "bn")
        #expect(found[3].spelled)
    }

    @Test func datesOrdinalsTimesAndLabelsAreNotFigures() {
        #expect(figures("On Wednesday, 23 October 2024, the 973rd day, at 10:30, an F-16 flew; by Nov. 1 and on day 12 of the 2020-21 season.").isEmpty)
    }

    @Test func spelledNumbersCountOnlyWithAUnitAndNotAfterADeterminer() {
        #expect(figures("The two countries met; two brigades and three more tanks followed.").map(\.magnitude) == [2, 3])
    }

    @Test func roundedFiguresAgreeWithPreciseOnes() throws {
        let precise = try #require(figures("with 52.4% of the vote").first)
        let rounded = try #require(figures("just over 52% of ballots").first)
        let round = try #require(figures("about 10,000 soldiers").first)
        let other = try #require(figures("some 12,000 soldiers").first)
        #expect(precise.agrees(with: rounded))
        #expect(!round.agrees(with: other))
    }

    @Test func aSentenceWithSeveralFiguresGivesOneMentionPerFigure() {
        #expect(quotes("North Korea has moved about 3,000 soldiers to Russia and intends to send around 10,000 in total by December, officials said.") == [
            "North Korea has moved about 3,000 soldiers to Russia", "intends to send around 10,000 in total by December, officials said",
        ])
    }

    @Test func clausesWithANewSubjectAreSeparateStatements() {
        #expect(quotes("Vladimir Putin and Kim Jong Un signed a treaty at a summit in June, and Ukraine and its allies have long accused Pyongyang of supplying shells.") == [
            "Vladimir Putin and Kim Jong Un signed a treaty at a summit in June", "Ukraine and its allies have long accused Pyongyang of supplying shells",
        ])
    }

    @Test func datelinesAreLeftOutOfQuotes() {
        #expect(quotes("SEOUL, Oct. 24 (Wire) -- North Korea has now dispatched about 3,000 soldiers to Russia.") == [
            "North Korea has now dispatched about 3,000 soldiers to Russia.",
        ])
    }

    @Test func paragraphsAreNumberedLikeTheQuoteCheck() {
        var spellings: [String: String] = [:]
        let body = "First paragraph says 12 ships docked in Valmora.\n\n>\n\nSecond paragraph: the port authority offered 4% on Monday.\n  \nThird: the union rejected the offer of the authority."
        for mention in StatementFinder.mentions(inSource: 0, body: body, spellings: &spellings) {
            #expect(QuoteMatcher.find(mention.quote, in: body) == .found(paragraph: mention.paragraph))
        }
    }
}
