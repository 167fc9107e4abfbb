import Foundation
import Testing
@testable import BriefingKit

@Suite struct SmokeBuildTests {
    @Test func minimalSiteBuildsEveryPageType() throws {
        let site = try TestSite.minimal()
        let report = try site.build()
        #expect(report.warnings.map(\.message) == [Publishing.missingBaseURLMessage])
        for page in ["index.html", "404.html", "claims/index.html", "sources/index.html", "sources/src/index.html",
                     "notes/first/index.html", "topics/alpha/index.html", "assets/style.css"] {
            #expect(site.exists("Output/\(page)"), "missing \(page)")
        }
    }
}
