import Foundation
import Mustache

/// The theme a site builds with: the built-in default theme, overridden file by file by the site's `Templates/`.
///
/// `*.mustache` files are templates (named by their path without the extension); every other file is an asset
/// copied to the output as it is (e.g. `assets/style.css`).
public struct Theme: Sendable {
    struct File: Sendable {
        var contents: String
        /// Where the file came from, for diagnostics.
        var displayPath: String
    }

    let templates: [String: File]
    let assets: [String: File]
    let library: MustacheLibrary
    /// The templates parsed for `DirectRenderer`, which renders them; nil when one of them uses a feature it does not
    /// take (set delimiters, dynamic partials, another content type, unusual whitespace), and swift-mustache renders.
    let directTemplates: [String: [DirectNode]]?

    /// Loads and checks the theme. Every template error is reported, with its file, line and column.
    static func load(_ layout: SiteLayout, log: inout DiagnosticLog) -> Theme? {
        var files: [String: File] = [:]
        for (path, contents) in DefaultTheme.files {
            files[path] = File(contents: contents, displayPath: "(built-in theme)/\(path)")
        }
        for (path, url) in overrideFiles(in: layout.templatesDirectory) {
            guard layout.isInsideSite(url) else {
                log.error(SourceLocation(path: layout.displayPath("Templates/\(path)")), "refusing to read a link that points outside the site folder")
                continue
            }
            do {
                let file = try TextFile.read(url, displayPath: layout.displayPath("Templates/\(path)"))
                files[path] = File(contents: file.text, displayPath: file.displayPath)
            } catch {
                log.append(error)
            }
        }
        var templates: [String: File] = [:]
        var assets: [String: File] = [:]
        for (path, file) in files {
            if path.hasSuffix(".mustache") {
                templates[String(path.dropLast(".mustache".count))] = file
            } else {
                assets[path] = file
            }
        }
        var library = MustacheLibrary()
        for name in templates.keys.sorted() {
            guard let file = templates[name] else { continue }
            do {
                library.register(try MustacheTemplate(string: textContentType + file.contents), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma stands before the template's first line: columns there are counted without it.
                let column = error.context.columnNumber + 1 - (error.context.lineNumber == 1 ? textContentType.count : 0)
                let location = SourceLocation(path: file.displayPath, line: error.context.lineNumber, column: column)
                log.error(location, "template syntax error: \(TemplateChecker.describe(error.error))")
            } catch {
                log.error(SourceLocation(path: file.displayPath), "template error: \(error)")
            }
        }
        TemplateChecker.check(templates, log: &log)
        for required in PageTemplates.required where templates[required] == nil {
            log.error(SourceLocation(path: layout.displayPath("Templates/\(required).mustache")), "the theme has no template '\(required)'")
        }
        guard !log.hasErrors else { return nil }
        return Theme(templates: templates, assets: assets, library: library, directTemplates: directTemplates(templates))
    }

    /// Put before every template, partials included (swift-mustache starts each partial in HTML again): values are
    /// escaped once, by the renderer's values (`DirectSlot.write`, `TemplateValue.mustacheValue`), so templates must
    /// not escape them a second time.
    static let textContentType = "{{%CONTENT_TYPE:TEXT}}"

    /// Renders a page with its template, as UTF-8. With a `sink`, a large page goes to it in pieces as it is
    /// rendered (see `DirectRenderer.render`), and the last piece is returned.
    func renderBytes(_ page: Page, sink: ((inout [UInt8]) -> Void)? = nil) -> [UInt8] {
        guard let directTemplates else { return Array(renderWithSwiftMustache(page).utf8) }
        return DirectRenderer.render(page.context, template: page.template, templates: directTemplates, sink: sink) ?? []
    }

    /// Renders a page with its template.
    func render(_ page: Page) -> String {
        String(decoding: renderBytes(page), as: UTF8.self)
    }

    /// Renders a page with swift-mustache, which renders the themes `DirectRenderer` cannot.
    func renderWithSwiftMustache(_ page: Page) -> String {
        library.render(page.context.mustacheValue, withTemplate: page.template) ?? ""
    }

    private static func overrideFiles(in directory: URL) -> [(String, URL)] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [(String, URL)] = []
        let base = directory.standardizedFileURL.path
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                  !url.lastPathComponent.hasPrefix(".")
            else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            files.append((path, url))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}

/// Marker for the generated `DefaultTheme+Files.swift` (the EmbedTheme plugin writes `files`).
enum DefaultTheme {}

/// The templates the Pages stage renders with.
enum PageTemplates {
    static let required = ["index", "topic", "note", "source", "sources", "claims", "404", "print"]
}
