extension MustacheTemplate {
    /// Turns template text into nodes: tags are found first, standalone lines are then
    /// trimmed (decided on the text as written), and sections are nested last.
    struct Parser {
        private enum TagKind: Equatable {
            case variable(escaped: Bool)
            case open(inverted: Bool)
            case close
            case comment
            case partial
        }

        private enum Piece {
            case text(String)
            /// `indentation`: the blanks before a standalone partial.
            case tag(TagKind, name: String, indentation: String = "")
        }

        private let source: String

        init(_ source: String) {
            self.source = source
        }

        func parse() throws -> [Node] {
            var pieces = try scan()
            trimStandaloneLines(&pieces)
            var index = 0
            let nodes = try nest(pieces, from: &index, closing: nil)
            return nodes
        }

        private func scan() throws -> [Piece] {
            var pieces: [Piece] = []
            var rest = source[...]
            while let open = rest.firstRange(of: "{{") {
                if open.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<open.lowerBound]))) }
                let afterOpen = rest[open.upperBound...]
                let triple = afterOpen.first == "{"
                let closer = triple ? "}}}" : "}}"
                guard let close = afterOpen.firstRange(of: closer) else {
                    throw ParseError(message: "a tag opened at \"\(rest[open.lowerBound...].prefix(30))\" is never closed")
                }
                var content = afterOpen[..<close.lowerBound]
                if triple { content = content.dropFirst() }
                rest = afterOpen[close.upperBound...]
                let trimmed = content.trimmingWhitespace
                if triple {
                    pieces.append(.tag(.variable(escaped: false), name: String(trimmed)))
                    continue
                }
                let sigil = trimmed.first
                let name = String(trimmed.dropFirst().trimmingWhitespace)
                switch sigil {
                case "#": pieces.append(.tag(.open(inverted: false), name: name))
                case "^": pieces.append(.tag(.open(inverted: true), name: name))
                case "/": pieces.append(.tag(.close, name: name))
                case "!": pieces.append(.tag(.comment, name: ""))
                case ">": pieces.append(.tag(.partial, name: name))
                case "&": pieces.append(.tag(.variable(escaped: false), name: name))
                case "=", "<", "$":
                    throw ParseError(message: "the tag {{\(trimmed)}} is not supported (no delimiter changes, blocks or parents)")
                default: pieces.append(.tag(.variable(escaped: true), name: String(trimmed)))
                }
            }
            if !rest.isEmpty { pieces.append(.text(String(rest))) }
            return pieces
        }

        /// A section, close, comment or partial tag alone on its line takes the line with it.
        private func trimStandaloneLines(_ pieces: inout [Piece]) {
            let original = pieces
            var indentation: [Int: String] = [:]
            var standalone = Set<Int>()
            for (index, piece) in original.enumerated() {
                guard case .tag(let kind, _, _) = piece, kind != .variable(escaped: true), kind != .variable(escaped: false) else { continue }
                // Before: the start of the template, or text whose last line is blank.
                var lead = ""
                if index > 0 {
                    guard case .text(let text) = original[index - 1] else { continue }
                    let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
                    guard lastLine.allSatisfy({ $0 == " " || $0 == "\t" }), lastLine.count < text.count || index == 1 else { continue }
                    lead = String(lastLine)
                }
                // After: the end of the template, or text whose first line is blank.
                if index + 1 < original.count {
                    guard case .text(let text) = original[index + 1] else { continue }
                    let firstLine = text.prefix { $0 != "\n" }
                    guard firstLine.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }),
                        firstLine.count < text.count || index + 2 == original.count
                    else { continue }
                }
                standalone.insert(index)
                if kind == .partial { indentation[index] = lead }
            }
            for index in pieces.indices {
                guard case .text(var text) = pieces[index] else { continue }
                if standalone.contains(index - 1) {
                    // Drop the rest of the tag's line, with its line break.
                    if let newline = text.firstIndex(of: "\n") { text = String(text[text.index(after: newline)...]) } else { text = "" }
                }
                if standalone.contains(index + 1) {
                    // Drop the blanks that indent the tag.
                    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
                }
                pieces[index] = .text(text)
            }
            for (index, lead) in indentation {
                if case .tag(.partial, let name, _) = pieces[index] { pieces[index] = .tag(.partial, name: name, indentation: lead) }
            }
        }

        private func nest(_ pieces: [Piece], from index: inout Int, closing: String?) throws -> [Node] {
            var nodes: [Node] = []
            while index < pieces.count {
                let piece = pieces[index]
                index += 1
                switch piece {
                case .text(let text):
                    if !text.isEmpty { nodes.append(.text(text)) }
                case .tag(.variable(let escaped), let name, _):
                    nodes.append(.variable(path: Self.path(name), escaped: escaped))
                case .tag(.open(let inverted), let name, _):
                    let body = try nest(pieces, from: &index, closing: name)
                    nodes.append(.section(path: Self.path(name), inverted: inverted, body: body))
                case .tag(.close, let name, _):
                    guard name == closing else {
                        throw ParseError(message: closing.map { "{{/\(name)}} closes {{#\($0)}}" } ?? "{{/\(name)}} closes no section")
                    }
                    return nodes
                case .tag(.comment, _, _):
                    continue
                case .tag(.partial, let name, let indentation):
                    nodes.append(.partial(name: name, indentation: indentation))
                }
            }
            if let closing { throw ParseError(message: "{{#\(closing)}} is never closed") }
            return nodes
        }

        private static func path(_ name: String) -> [String] {
            name == "." ? [] : name.split(separator: ".").map(String.init)
        }
    }
}

extension Substring {
    fileprivate var trimmingWhitespace: Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
