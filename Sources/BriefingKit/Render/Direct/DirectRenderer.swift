/// Renders a page's `TemplateValue` with `DirectNode` templates into UTF-8 bytes, with swift-mustache 2.1.1's
/// semantics (its `Template+Render.swift`): the same lookups down the context stack, sections, partials with their
/// indentation, inheritance, transforms and list positions. It works on the values as they are, with no conversion
/// to `Any`, one output buffer instead of a `String` per token, and names split at parse time.
struct DirectRenderer {
    /// What swift-mustache's `MustacheContext` carries besides the stack.
    private struct Frame {
        var sequence: DirectSlot?
        var indentation: [UInt8]?
        var overrides: [String: [DirectNode]]?
    }

    private let templates: [String: [DirectNode]]
    private var stack: [DirectSlot] = []
    private var output: [UInt8] = []
    /// Takes the output so far whenever it passes `pieceSize`, so a huge page is never held whole.
    private let sink: ((inout [UInt8]) -> Void)?
    /// How many indented partials or blocks are being rendered: their indentation needs the output since they
    /// started, so the output is not handed over inside them.
    private var indentedDepth = 0
    static let pieceSize = 256 * 1024

    private init(templates: [String: [DirectNode]], sink: ((inout [UInt8]) -> Void)?) {
        self.templates = templates
        self.sink = sink
    }

    /// Renders the template `name` with `value` at the bottom of the stack; nil when there is no such template.
    /// With a `sink`, the output goes to it in pieces of about `pieceSize` bytes as it is made, which the sink
    /// removes from the buffer; the last piece is returned.
    static func render(_ value: TemplateValue, template name: String, templates: [String: [DirectNode]],
                       sink: ((inout [UInt8]) -> Void)? = nil) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var renderer = DirectRenderer(templates: templates, sink: sink)
        renderer.output.reserveCapacity(16 * 1024)
        renderer.stack.append(.value(value, isHTML: false))
        renderer.render(nodes, Frame())
        return renderer.output
    }

    private mutating func handOverIfLarge() {
        guard output.count >= Self.pieceSize, indentedDepth == 0, let sink else { return }
        sink(&output)
    }

    private mutating func render(_ nodes: [DirectNode], _ frame: Frame) {
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, frame) }
            return
        }
        indentedDepth += 1
        defer { indentedDepth -= 1 }
        // A partial's indentation goes before each node that starts a line of this template's own output and is
        // not empty, as swift-mustache puts it before each rendered token that follows a newline of its own string.
        let start = output.count
        for node in nodes {
            guard endsWithNewline(since: start) else {
                render(node, frame)
                continue
            }
            output += indentation
            let mark = output.count
            render(node, frame)
            if output.count == mark { output.removeLast(indentation.count) }
        }
    }

    /// Whether the output written since `start` ends in a Character that is `\n` (not the `\r\n` pair).
    private func endsWithNewline(since start: Int) -> Bool {
        let end = output.count
        guard end > start, output[end - 1] == UInt8(ascii: "\n") else { return false }
        return end - 1 == start || output[end - 2] != UInt8(ascii: "\r")
    }

    private mutating func render(_ node: DirectNode, _ frame: Frame) {
        switch node {
        case .text(let bytes):
            output += bytes
            handOverIfLarge()
        case .variable(let name):
            resolve(name, frame)?.write(to: &output)
            handOverIfLarge()
        case .section(let name, let nodes, let inverted):
            let slot = resolve(name, frame)
            if inverted {
                renderInverted(slot, nodes, frame)
            } else {
                renderSection(slot, nodes, frame)
            }
        case .partial(let name, let indentation, let overrides):
            guard let nodes = templates[name] else { return }
            var inner = Frame(sequence: nil, indentation: frame.indentation, overrides: frame.overrides)
            if let indentation { inner.indentation = (frame.indentation ?? []) + indentation }
            if let overrides {
                // Overrides from further out win, as in swift-mustache's `withPartial`.
                inner.overrides = (frame.overrides ?? [:]).merging(overrides) { outer, _ in outer }
            }
            render(nodes, inner)
        case .block(let name, let defaultNodes, let indentation):
            let inner = Frame(sequence: nil, indentation: (frame.indentation ?? []) + indentation, overrides: frame.overrides)
            render(frame.overrides?[name] ?? defaultNodes, inner)
        case .blockDefinition:
            break
        }
    }

    private mutating func renderSection(_ slot: DirectSlot?, _ nodes: [DirectNode], _ frame: Frame) {
        guard let slot else { return }
        if let count = slot.itemCount {
            for index in 0..<count {
                let position = DirectSlot.sequence(first: index == 0, last: index == count - 1, index: index)
                // A deferred item is made here, as the section reaches it, and let go once rendered.
                push(slot.item(index).resolved, nodes, Frame(sequence: position, indentation: frame.indentation, overrides: frame.overrides))
            }
        } else if let flag = slot.flag {
            if flag { render(nodes, frame) }
        } else {
            push(slot, nodes, Frame(sequence: nil, indentation: frame.indentation, overrides: frame.overrides))
        }
    }

    private mutating func renderInverted(_ slot: DirectSlot?, _ nodes: [DirectNode], _ frame: Frame) {
        guard let slot else { return render(nodes, frame) }
        if let count = slot.itemCount {
            if count == 0 { push(slot, nodes, Frame(sequence: nil, indentation: frame.indentation, overrides: frame.overrides)) }
        } else if let flag = slot.flag {
            if !flag { render(nodes, frame) }
        }
    }

    private mutating func push(_ slot: DirectSlot, _ nodes: [DirectNode], _ frame: Frame) {
        stack.append(slot)
        render(nodes, frame)
        stack.removeLast()
    }

    /// What a tag's name stands for, as swift-mustache's `getChild(named:transforms:context:)` finds it.
    private func resolve(_ name: DirectName, _ frame: Frame) -> DirectSlot? {
        var found: DirectSlot?
        switch name.scope {
        case .current:
            found = stack.last
        case .sequence:
            found = frame.sequence
        case .anchored:
            found = stack.last.flatMap { descend(name, from: 0, in: $0) }
        case .stack:
            for object in stack.reversed() {
                if let child = object.child(named: name.components[0], isHTML: name.componentIsHTML[0]) {
                    found = descend(name, from: 1, in: child)
                    break
                }
            }
        }
        guard var slot = found?.resolved else { return nil }
        for transform in name.transforms {
            guard let next = slot.transformed(transform)?.resolved else { return nil }
            slot = next
        }
        return slot
    }

    private func descend(_ name: DirectName, from component: Int, in slot: DirectSlot) -> DirectSlot? {
        var slot = slot
        for index in component..<name.components.count {
            guard let child = slot.resolved.child(named: name.components[index], isHTML: name.componentIsHTML[index]) else { return nil }
            slot = child
        }
        return slot
    }
}
