/// The files of a new site: one topic, one source, one note that cites it, one claim quoting it. Each shows the
/// fields of its kind, so that copying it is the quickest way to add another.
enum SiteTemplate {
    static func files(title: String, baseURL: String?, today: String) -> [String: String] {
        [
            "Content/site.yml": """
                title: \(YAMLScalar.quoted(title))
                description: A briefing digest built with briefing.
                language: en
                \(baseURL.map { "base_url: \(YAMLScalar.quoted($0))" } ?? "# base_url: https://example.org/briefing/")

                """,
            "Content/topics/overview.md": """
                ---
                title: Overview
                summary: What this briefing follows, and why.
                ---
                Describe the topic here. Its page lists the notes and claims that name it in `topics`.

                """,
            "Content/sources/example-report.md": """
                ---
                title: Committee approves the plan after a short debate
                outlet: Example Wire
                author: A. Reporter
                published: \(today)
                url: https://example.org/committee-approves-plan
                accessed: \(today)
                language: en
                ---
                A source holds the text of one report, pasted as it is; its page in the digest shows it with every line break kept.

                The committee met on Tuesday and approved the plan by seven votes to two, the chair said.

                """,
            "Content/notes/welcome.md": """
                ---
                title: Welcome to the briefing
                date: \(today)
                topics: [overview]
                summary: A first note, showing how notes cite their sources.
                ---
                Notes are Markdown. Every statement can lead back to where it came from: the committee approved the plan \
                by seven votes to two [@example-report, para 2].

                Write a citation as `[@source-id]`, or `[@source-id, para 2]` with a locator. Run `briefing check` to \
                find unknown sources and quotes that do not match their source.

                """,
            "Content/claims/overview.yml": """
                - id: committee-approved-plan
                  statement: The committee approved the plan by seven votes to two.
                  topics: [overview]
                  sources:
                    - source: example-report
                      quote: "approved the plan by seven votes to two"
                      locator: para 2

                """,
            ".gitignore": """
                # Left behind by an interrupted `briefing build`: staging folders beside Output/.
                /.Output.building-*/
                /.Output.previous-*/
                # Caches of incremental builds.
                /.briefing-cache/
                # Output/ is the digest itself: commit it to publish from the repository, or ignore it too:
                # /Output/

                """,
        ]
    }
}
