/// A parsed Mustache template: the subset the site's templates use, rendered from a
/// ``TemplateValue`` without reflection or dynamic casts.
///
/// Supported: `{{name}}` (HTML-escaped), `{{{name}}}` and `{{&name}}` (raw), dotted names
/// and `{{.}}`, sections `{{#name}}…{{/name}}` over lists, objects and booleans, inverted
/// sections `{{^name}}…{{/name}}`, comments `{{! … }}` and partials `{{> name}}`.
/// Standalone tags (alone on their line) remove their line, and a standalone partial is
/// indented like its tag, as the Mustache specification says.
struct MustacheTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case variable(path: [String], escaped: Bool)
        case section(path: [String], inverted: Bool, body: [Node])
        case partial(name: String, indentation: String)
    }

    struct ParseError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    let nodes: [Node]

    init(_ source: String) throws {
        nodes = try Parser(source).parse()
    }

    // MARK: - Rendering

    /// Renders with `context` as the top of the stack; partials come from `partials`.
    func render(_ context: TemplateValue, partials: [String: MustacheTemplate]) -> String {
        String(decoding: renderBytes(context, partials: partials), as: UTF8.self)
    }

    /// ``render(_:partials:)`` as UTF-8, for a page written as it is: a page of megabytes
    /// need not be checked as UTF-8 again (its parts are Swift strings, valid already).
    func renderBytes(_ context: TemplateValue, partials: [String: MustacheTemplate]) -> [UInt8] {
        // UTF-8 bytes while it grows (appending to a String checks and copies more), with room
        // for the model's text at once: a page of megabytes of charts would otherwise be
        // copied again each time the output outgrows its storage.
        var output: [UInt8] = []
        output.reserveCapacity(context.textBytes + 16_384)
        var stack = [context]
        Self.render(nodes, stack: &stack, partials: partials, into: &output)
        return output
    }

    private static func render(_ nodes: [Node], stack: inout [TemplateValue], partials: [String: MustacheTemplate], into output: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output.append(contentsOf: text.utf8)
            case .variable(let path, let escaped):
                guard let value = lookup(path, in: stack) else { continue }
                if case .bytes(let bytes) = value, !escaped {
                    output.append(contentsOf: bytes)
                } else if escaped {
                    appendEscaped(value.text, to: &output)
                } else {
                    output.append(contentsOf: value.text.utf8)
                }
            case .section(let path, let inverted, let body):
                let value = lookup(path, in: stack)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(body, stack: &stack, partials: partials, into: &output) }
                    continue
                }
                guard let value, value.isTruthy else { continue }
                switch value {
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(body, stack: &stack, partials: partials, into: &output)
                        stack.removeLast()
                    }
                case .bool:
                    render(body, stack: &stack, partials: partials, into: &output)
                case .text, .bytes, .object:
                    stack.append(value)
                    render(body, stack: &stack, partials: partials, into: &output)
                    stack.removeLast()
                }
            case .partial(let name, let indentation):
                guard let partial = partials[name] else { continue }
                if indentation.isEmpty {
                    render(partial.nodes, stack: &stack, partials: partials, into: &output)
                } else {
                    var text: [UInt8] = []
                    render(partial.nodes, stack: &stack, partials: partials, into: &text)
                    output.append(contentsOf: indent(String(decoding: text, as: UTF8.self), by: indentation).utf8)
                }
            }
        }
    }

    /// `.` is the top of the stack; `a.b` finds `a` in the nearest context that has it and
    /// `b` in `a` only.
    private static func lookup(_ path: [String], in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.first else { return stack.last }
        var found: TemplateValue?
        for context in stack.reversed() {
            if let value = context.field(first) {
                found = value
                break
            }
        }
        for name in path.dropFirst() {
            found = found?.field(name)
        }
        return found
    }

    private static func indent(_ text: String, by indentation: String) -> String {
        var result = ""
        var atLineStart = true
        for character in text {
            if atLineStart && character != "\n" { result += indentation }
            result.append(character)
            atLineStart = character == "\n"
        }
        return result
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values, and nothing
    /// else: unlike `XMLText.escape` (SVG), control characters are kept as the values hold them.
    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            output.append(contentsOf: utf8)
            return
        }
        // The five are ASCII, never part of a longer UTF-8 sequence: escaped byte by byte.
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
    }
}
