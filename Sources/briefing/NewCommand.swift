import ArgumentParser
import BriefingKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Add a note, source or topic file with its front matter filled in.",
        discussion: "Never overwrites a file. Prints the path of the file written.",
        subcommands: [NewNote.self, NewSource.self, NewTopic.self]
    )
}

/// The options every `new` subcommand shares.
struct SiteOption: ParsableArguments {
    @Option(help: "The site folder, holding Content/site.yml.")
    var site: String = "."
}

/// Prints the written path, or the reason nothing was written.
private func report(_ write: () throws(ScaffoldError) -> String) throws {
    do {
        print(try write())
    } catch {
        printToStandardError("error: \(error.message)")
        throw ExitCode.failure
    }
}

struct NewNote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Write Content/notes/<slug>.md, the slug made from the title."
    )

    @Argument(help: "The note's title.")
    var title: String

    @Option(name: .customLong("topic"), help: "A topic slug (repeat for several).")
    var topics: [String] = []

    @Option(help: "YYYY-MM-DD or an ISO 8601 date-time (default: today).")
    var date: String?

    @Option(help: "The file name, instead of one made from the title.")
    var slug: String?

    @OptionGroup var options: SiteOption

    func run() throws {
        try report { () throws(ScaffoldError) in
            try ContentScaffold(sitePath: options.site).note(title: title, topics: topics, date: date, slug: slug)
        }
    }
}

struct NewSource: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source",
        abstract: "Write Content/sources/<id>.md."
    )

    @Argument(help: "The source's id, e.g. reuters-2024-10-23.")
    var id: String

    @Option(help: "The outlet that published it.")
    var outlet: String

    @Option(help: "Where it was published (http or https).")
    var url: String?

    @Option(help: "Its headline (default: made from the id).")
    var title: String?

    @OptionGroup var options: SiteOption

    func run() throws {
        try report { () throws(ScaffoldError) in
            try ContentScaffold(sitePath: options.site).source(id: id, outlet: outlet, url: url, title: title)
        }
    }
}

struct NewTopic: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topic",
        abstract: "Write Content/topics/<slug>.md."
    )

    @Argument(help: "The topic's slug, e.g. russia-dprk-alliance.")
    var slug: String

    @Option(help: "Its title (default: made from the slug).")
    var title: String?

    @OptionGroup var options: SiteOption

    func run() throws {
        try report { () throws(ScaffoldError) in
            try ContentScaffold(sitePath: options.site).topic(slug: slug, title: title)
        }
    }
}
