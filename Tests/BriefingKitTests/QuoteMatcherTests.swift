import Testing
@testable import BriefingKit

@Suite struct QuoteNormaliserTests {
    private func normalised(_ text: String) -> String {
        QuoteNormaliser.normalise(text).text
    }

    @Test func curlyApostrophesBecomeStraight() {
        #expect(normalised("the minister’s ‘plan’ ‚x‛") == "the minister's 'plan' 'x'")
    }

    @Test func curlyDoubleQuotesAndGuillemetsBecomeStraight() {
        #expect(normalised("“a grave error” „so“ «non» 5″") == "\"a grave error\" \"so\" \"non\" 5\"")
    }

    @Test func dashesBecomeOneHyphen() {
        #expect(normalised("2020–21 — then ‒ ― −5 and a--b") == "2020-21 - then - - -5 and a-b")
    }

    @Test func ellipsisFormsBecomeOne() {
        #expect(normalised("wait…") == normalised("wait..."))
        #expect(normalised("wait. no") == "wait. no")
    }

    @Test func whiteSpaceRunsBecomeOneSpace() {
        #expect(normalised("  5\u{00A0}000\u{202F}troops\u{2007}in\t\n\n  total  ") == "5 000 troops in total")
    }

    @Test func emphasisMarkersAreDropped() {
        #expect(normalised("**bold** and __strong__, *em*, _em_ and ~~gone~~") == "bold and strong, em, em and gone")
    }

    @Test func asterisksAndUnderscoresThatAreNotEmphasisStay() {
        #expect(normalised("snake_case, f*ck, 2*3, a * b, ~5,000") == "snake_case, f*ck, 2*3, a * b, ~5,000")
    }

    @Test func linksKeepTheirText() {
        #expect(normalised("see [the report](https://example.org/a_(b)) and ![a chart](c.png) or [ref][1]") == "see the report and a chart or ref")
        #expect(normalised("at <https://example.org/x>") == "at https://example.org/x")
    }

    @Test func lineStartMarkersAreDropped() {
        #expect(normalised("# Title\n> quoted\n- one\n* two\n• three\n12. four\n3) five") == "title quoted one two three four five")
    }

    @Test func markersInsideALineStay() {
        #expect(normalised("a - b # c > d 1. e") == "a - b # c > d 1. e")
    }

    @Test func escapesEntitiesAndTagsAreResolved() {
        #expect(normalised(#"5\*3 \_x\_ AT&amp;T &#8217; &rsquo; a<br>b <em>c</em>"#) == "5*3 _x_ at&t ' ' a b c")
    }

    @Test func caseIsFolded() {
        #expect(normalised("The ÉLYSÉE Said") == "the élysée said")
    }

    @Test func originalRangeMapsBack() {
        let text = QuoteNormaliser.normalise("Say **“Hello”**\n  world")
        #expect(text.text == "say \"hello\" world")
        let start = text.characters.firstIndex(of: "\"")!
        let range = text.originalRange(of: start..<(start + 7))
        #expect(text.original[range] == "“Hello”")
        let widened = text.originalRange(of: start..<(start + 7), includingAdjacentMarkers: true)
        #expect(text.original[widened] == "**“Hello”**")
    }
}

@Suite struct QuoteMatcherTests {
    private let troops = """
        The ministry said on Monday that 3,000 troops were deployed to the border region.

        Officials declined to comment further.
        """

    // MARK: Each normalisation class

    @Test func curlyApostropheInBodyMatchesStraightInQuote() {
        #expect(QuoteMatcher.find("the minister's decision", in: "It was the minister’s decision.") == .found(paragraph: 1))
        #expect(QuoteMatcher.find("the minister’s decision", in: "It was the minister's decision.") == .found(paragraph: 1))
    }

    @Test func curlyDoubleQuotesMatchStraight() {
        #expect(QuoteMatcher.find(#"called it "a grave error""#, in: "He called it “a grave error” today.") == .found(paragraph: 1))
    }

    @Test func dashesMatchHyphen() {
        #expect(QuoteMatcher.find("the 2020-21 season - a disaster", in: "In the 2020–21 season — a disaster — prices rose.") == .found(paragraph: 1))
    }

    @Test func ellipsisMatchesThreeDots() {
        #expect(QuoteMatcher.find("and then... nothing", in: "And then… nothing happened.") == .found(paragraph: 1))
    }

    @Test func nonBreakingSpaceMatchesSpace() {
        #expect(QuoteMatcher.find("5 000 troops", in: "Some 5\u{00A0}000\u{202F}troops arrived.") == .found(paragraph: 1))
    }

    @Test func lineBreakInsideThePassageMatchesSpace() {
        #expect(QuoteMatcher.find("troops were deployed to the border region", in: "3,000 troops were deployed\nto the border region.") == .found(paragraph: 1))
    }

    @Test func boldInBodyMatches() {
        #expect(QuoteMatcher.find("3,000 troops were deployed", in: "Then **3,000 troops** were deployed.") == .found(paragraph: 1))
    }

    @Test func underscoreEmphasisInBodyMatches() {
        #expect(QuoteMatcher.find("the troops were withdrawn", in: "By May _the troops_ were withdrawn.") == .found(paragraph: 1))
    }

    @Test func linkInBodyMatchesItsText() {
        #expect(QuoteMatcher.find("according to the UN report, prices rose", in: "Yet according to the [UN report](https://example.org), prices rose.") == .found(paragraph: 1))
    }

    @Test func caseIsIgnored() {
        #expect(QuoteMatcher.find("THE MINISTRY SAID", in: troops) == .found(paragraph: 1))
    }

    @Test func listMarkerAtLineStartIsIgnored() {
        #expect(QuoteMatcher.find("prices rose sharply wages fell", in: "Findings:\n\n- prices rose sharply\n- wages fell") == .found(paragraph: 2))
    }

    // MARK: Paragraphs

    @Test func paragraphNumberIsWhereTheQuoteStarts() {
        let body = "First paragraph.\n\nSecond one,\nstill second.\n\n   \n\nThe third paragraph holds the quote.\n\nFourth."
        #expect(QuoteMatcher.find("holds the quote", in: body) == .found(paragraph: 3))
        #expect(QuoteMatcher.find("still second", in: body) == .found(paragraph: 2))
        #expect(QuoteMatcher.find("Fourth.", in: "\n\n" + body) == .found(paragraph: 4))
    }

    @Test func quoteAcrossAParagraphBreakStartsInTheFirst() {
        #expect(QuoteMatcher.find("comment further. Next", in: troops + "\n\nNext paragraph.") == .found(paragraph: 2))
    }

    // MARK: Not found

    @Test func changedFigureIsNotFoundAndTheClosestPassageIsTheRealOne() {
        let result = QuoteMatcher.find("5,000 troops were deployed to the border region", in: troops)
        guard case let .notFound(closest, similarity, paragraph) = result else {
            Issue.record("expected not found, got \(result)")
            return
        }
        #expect(closest == "3,000 troops were deployed to the border region")
        #expect(similarity > 0.8 && similarity < 1)
        #expect(paragraph == 1)
    }

    @Test func figureInsideALargerNumberIsNotFound() {
        #expect(QuoteMatcher.find("5,000 troops", in: "Some 15,000 troops arrived.") != .found(paragraph: 1))
        #expect(QuoteMatcher.find("5,000", in: "Some 5,000,000 dollars.") != .found(paragraph: 1))
        #expect(QuoteMatcher.find("5% growth", in: "Only 0.5% growth.") != .found(paragraph: 1))
        #expect(QuoteMatcher.find("growth of 5", in: "A growth of 5% a year.") != .found(paragraph: 1))
        #expect(QuoteMatcher.find("5 degrees", in: "It was -5 degrees.") != .found(paragraph: 1))
        #expect(QuoteMatcher.find("50bn", in: "A $50bn package.") != .found(paragraph: 1))
        #expect(QuoteMatcher.find("troops", in: "Some stroopsy word.") != .found(paragraph: 1))
    }

    @Test func numbersOnBoundariesAreStillFound() {
        #expect(QuoteMatcher.find("5,000 troops", in: "Some 5,000 troops.") == .found(paragraph: 1))
        #expect(QuoteMatcher.find("21 season", in: "The 2020-21 season.") == .found(paragraph: 1))
        #expect(QuoteMatcher.find("in 2024", in: "It happened in 2024. Then more.") == .found(paragraph: 1))
    }

    @Test func differentCurrencyAmountIsNotFound() {
        #expect(QuoteMatcher.find("a $50bn package", in: "They approved a $5bn package.") != .found(paragraph: 1))
        #expect(QuoteMatcher.find("a $5bn package", in: "They approved a $50bn package.") != .found(paragraph: 1))
        #expect(QuoteMatcher.find("a £5bn package", in: "They approved a $5bn package.") != .found(paragraph: 1))
    }

    @Test func punctuationStaysSignificant() {
        #expect(QuoteMatcher.find("about ~5,000 troops", in: "about 5,000 troops") != .found(paragraph: 1))
        #expect(QuoteMatcher.find("5.000 troops", in: "5,000 troops") != .found(paragraph: 1))
        #expect(QuoteMatcher.find("it rose 5%", in: "it rose 5 points") != .found(paragraph: 1))
    }

    @Test func droppedWordIsNotFound() {
        #expect(QuoteMatcher.find("troops were withdrawn", in: "The troops were quickly withdrawn.") != .found(paragraph: 1))
    }

    @Test func typoFindsTheRightSentence() {
        let body = """
            The weather was mild.

            Around 3,000 soldiers crossed the river at dawn.

            Markets closed early.
            """
        let result = QuoteMatcher.find("Around 3,000 soliders crossed the river at dawn.", in: body)
        guard case let .notFound(closest, similarity, paragraph) = result else {
            Issue.record("expected not found, got \(result)")
            return
        }
        #expect(closest == "Around 3,000 soldiers crossed the river at dawn.")
        #expect(similarity > 0.9)
        #expect(paragraph == 2)
    }

    @Test func closestPassageIsShownAsInTheOriginal() {
        let body = "Intro.\n\nHe said “**3,000** troops\nwere deployed” on Monday."
        let result = QuoteMatcher.find("\"5,000 troops were deployed\"", in: body)
        guard case let .notFound(closest, _, paragraph) = result else {
            Issue.record("expected not found, got \(result)")
            return
        }
        #expect(closest == "“**3,000** troops\nwere deployed”")
        #expect(paragraph == 2)
    }

    @Test func closestPassageTakesInEmphasisMarkersAtItsEdges() {
        let result = QuoteMatcher.find("5,000 troops were deployed", in: "They said **3,000 troops were deployed** on Monday.")
        guard case let .notFound(closest, _, _) = result else {
            Issue.record("expected not found, got \(result)")
            return
        }
        #expect(closest == "**3,000 troops were deployed**")
    }

    @Test func quoteStartingInsideAWordIsNotFoundAndTheWholeWordIsShown() {
        let result = QuoteMatcher.find("oldiers crossed the river", in: "Around 3,000 soldiers crossed the river at dawn.")
        guard case let .notFound(closest, similarity, _) = result else {
            Issue.record("expected not found, got \(result)")
            return
        }
        #expect(closest == "soldiers crossed the river")
        #expect(similarity > 0.9 && similarity < 1)
    }

    @Test func windowsLineEndingsSeparateParagraphs() {
        #expect(QuoteMatcher.find("second paragraph runs on", in: "First.\r\n\r\nSecond paragraph\r\nruns on.") == .found(paragraph: 2))
    }

    @Test func decomposedAccentsMatchComposed() {
        #expect(QuoteMatcher.find("à l'Élysée", in: "Il est arrivé a\u{300} l’E\u{301}lyse\u{301}e hier.") == .found(paragraph: 1))
    }

    @Test func scriptsWithoutSpacesMatchInsideRuns() {
        #expect(QuoteMatcher.find("中国", in: "事件在中国发生。") == .found(paragraph: 1))
    }

    @Test func absentQuoteHasLowSimilarity() {
        let result = QuoteMatcher.find("Parliament voted unanimously to dissolve itself", in: troops)
        guard case let .notFound(_, similarity, _) = result else {
            Issue.record("expected not found, got \(result)")
            return
        }
        #expect(similarity < 0.5)
    }

    @Test func emptyBodyFindsNothing() {
        #expect(QuoteMatcher.find("anything", in: "") == .notFound(closest: "", similarity: 0, paragraph: 1))
        #expect(QuoteMatcher.find("anything", in: " \n\n ") == .notFound(closest: "", similarity: 0, paragraph: 1))
    }

    @Test func emptyQuoteIsNeverFound() {
        #expect(QuoteMatcher.find("  ", in: troops) == .notFound(closest: "", similarity: 0, paragraph: 1))
    }

    @Test func quoteLongerThanBody() {
        let result = QuoteMatcher.find("Officials declined to comment further, citing security.", in: "Officials declined to comment.")
        guard case let .notFound(closest, similarity, paragraph) = result else {
            Issue.record("expected not found, got \(result)")
            return
        }
        #expect(closest == "Officials declined to comment.")
        #expect(similarity > 0.4 && similarity < 0.8)
        #expect(paragraph == 1)
    }

    @Test func tiesGoToTheEarliestPassage() {
        let body = "Troops were sent north.\n\nShips left the harbour.\n\nTroops were sent north."
        let result = QuoteMatcher.find("Troops were sent south.", in: body)
        guard case let .notFound(closest, _, paragraph) = result else {
            Issue.record("expected not found, got \(result)")
            return
        }
        #expect(closest == "Troops were sent north.")
        #expect(paragraph == 1)
        #expect(QuoteMatcher.find("troops were sent north", in: body) == .found(paragraph: 1))
    }

    @Test func longClosestPassageIsCut() {
        let sentence = String(repeating: "The committee reviewed the evidence at length. ", count: 10)
        let result = QuoteMatcher.find(sentence + "and found nothing", in: sentence + "and found something")
        guard case let .notFound(closest, _, _) = result else {
            Issue.record("expected not found, got \(result)")
            return
        }
        #expect(closest.count <= QuoteMatcher.excerptLimit + 1)
        #expect(closest.hasSuffix("…"))
    }

    @Test func preNormalisedBodyGivesTheSameAnswer() {
        let body = QuoteNormaliser.normalise(troops)
        #expect(QuoteMatcher.find(QuoteNormaliser.normalise("declined to comment"), in: body) == .found(paragraph: 2))
        #expect(QuoteMatcher.find(QuoteNormaliser.normalise("5,000 troops"), in: body) == QuoteMatcher.find("5,000 troops", in: troops))
    }
}
