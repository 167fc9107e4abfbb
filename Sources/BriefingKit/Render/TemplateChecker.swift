import Foundation
import Mustache

/// Checks templates before any page is rendered, because swift-mustache renders an unknown variable or partial as
/// nothing: a misspelt `{{titel}}` would silently publish pages without titles.
///
/// - every variable and section name must be one the engine provides (`TemplateVocabulary`);
/// - every partial or parent (`{{> name}}`, `{{< name}}`) must be a template of the theme;
/// - unescaped output (`{{{x}}}`, `{{& x}}`) is allowed only for values that are HTML already (`*_html`), and those
///   must be written unescaped (values are escaped before rendering, so `{{x_html}}` cannot show HTML as text).
enum TemplateChecker {
    static func check(_ templates: [String: Theme.File], log: inout DiagnosticLog) {
        for name in templates.keys.sorted() {
            guard let file = templates[name] else { continue }
            for tag in tags(in: file.contents) {
                let location = SourceLocation(path: file.displayPath, line: tag.line, column: tag.column)
                check(tag, templates: templates, location: location, log: &log)
            }
        }
    }

    private static func check(_ tag: Tag, templates: [String: Theme.File], location: SourceLocation, log: inout DiagnosticLog) {
        switch tag.sigil {
        case ">", "<":
            if templates[tag.name] == nil { log.error(location, "unknown template '\(tag.name)' in {{\(tag.sigil.map(String.init) ?? "") \(tag.name)}}") }
        case "!", "/", "$", "%", "=":
            break
        default:
            let name = tag.name
            guard name != "." else { return }
            let head = String(name.split(separator: ".").first ?? "")
            if !TemplateVocabulary.names.contains(head) {
                log.error(location, "unknown variable '\(head)' (see the template variables in the README)")
            }
            let unescaped = tag.sigil == "{" || tag.sigil == "&"
            if unescaped && !name.hasSuffix("_html") {
                log.error(location, "'\(name)' is text and must be escaped: write {{\(name)}}, not {{{\(name)}}}")
            }
            if tag.sigil == nil && name.hasSuffix("_html") {
                log.error(location, "'\(name)' is HTML: write {{{\(name)}}}, not {{\(name)}}")
            }
        }
    }

    struct Tag {
        var sigil: Character?
        var name: String
        var line: Int
        var column: Int
    }

    /// The tags of a template with the default `{{ }}` delimiters, with their positions.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                let start = (line, column)
                var contentStart = text.index(index, offsetBy: 2)
                let triple = contentStart < text.endIndex && text[contentStart] == "{"
                let closing = triple ? "}}}" : "}}"
                guard let close = text[contentStart...].range(of: closing) else { break }
                var sigil: Character?
                if let first = text[contentStart..<close.lowerBound].first(where: { !$0.isWhitespace }),
                   "#^/>!<$&{%=".contains(first) {
                    sigil = first
                    contentStart = text.index(after: text[contentStart...].firstIndex(of: first)!)
                }
                var name = text[contentStart..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
                // A transform such as `uppercased(title)` applies to the name inside the parentheses.
                if let open = name.lastIndex(of: "("), let end = name.firstIndex(of: ")"), open < end {
                    name = String(name[name.index(after: open)..<end])
                }
                tags.append(Tag(sigil: sigil, name: name, line: start.0, column: start.1))
                for character in text[index..<close.upperBound] {
                    if character == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                index = close.upperBound
                continue
            }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return tags
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not finished (missing '}}')"
        case .expectedSectionEnd: return "a section is never closed (missing '{{/name}}')"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: return "only block definitions may stand inside a '{{<parent}}' section"
        case .textInsideInheritSection: return "text inside a '{{<parent}}' section is ignored; put it in a '{{$block}}'"
        case .invalidConfigVariableSyntax: return "invalid '{{% …}}' tag"
        case .unrecognisedConfigVariable: return "unknown '{{% …}}' setting"
        @unknown default: return "\(error)"
        }
    }
}
