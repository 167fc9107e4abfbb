import ArgumentParser
import BriefingKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site folder that builds at once.",
        discussion: """
            Writes Content/site.yml, one topic, one source, one note that cites it, one claims file and a .gitignore. \
            Refuses a folder that holds anything (but a .git folder).
            """
    )

    @Argument(help: "The new site's folder (created if missing; must be empty).")
    var directory: String

    @Option(help: "The digest's title (default: made from the folder's name).")
    var title: String?

    @Option(name: .customLong("base-url"), help: "Where the digest will be published, e.g. https://example.org/briefing/.")
    var baseURL: String?

    func run() throws {
        do {
            let files = try SiteScaffold.create(at: directory, title: title, baseURL: baseURL)
            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
            for file in files { print("created \(prefix)\(file)") }
            print("Next: cd \(directory) && briefing serve")
        } catch {
            printToStandardError("error: \(error.message)")
            throw ExitCode.failure
        }
    }
}
