import ArtifactaCharts
/// Converts a TeX formula to MathML at build time, so that math needs no script to show.
///
/// Supports fractions, scripts, roots, Greek, operators and relations, sums and integrals
/// with limits, `\left…\right`, matrices and cases, accents, `\text`, and the font commands
/// (`\mathbf`, `\mathbb`, `\mathcal`, …). Anything else is an ``UnsupportedTeX`` error, which
/// the notebook shows as code with a diagnostic.
struct TeXToMathML {
    private let tokens: [TeXToken]
    private var position = 0
    private let display: Bool
    private var variant: String?

    private init(tex: String, display: Bool) {
        tokens = TeXTokenizer.tokens(tex)
        self.display = display
    }

    /// The `<math>` element of a formula.
    static func convert(_ tex: String, display: Bool) throws(UnsupportedTeX) -> String {
        var parser = TeXToMathML(tex: tex, display: display)
        let body = try parser.sequence()
        if parser.position < parser.tokens.count { throw UnsupportedTeX(reason: "unbalanced braces or a stray \\right or \\end") }
        return "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"\(display ? " display=\"block\"" : "")><mrow>\(body)</mrow></math>"
    }

    private var current: TeXToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func skipSpaces() {
        while current == .character(" ") { position += 1 }
    }

    /// Elements up to a closing brace, `&`, `\\`, `\right`, `\end` or the end.
    private mutating func sequence() throws(UnsupportedTeX) -> String {
        var output = ""
        while true {
            skipSpaces()
            guard let token = current else { return output }
            switch token {
            case .close, .alignment, .command("\\"), .command("right"), .command("end"): return output
            default: output += try scripted()
            }
        }
    }

    /// One element with its sub- and superscripts.
    private mutating func scripted() throws(UnsupportedTeX) -> String {
        var limitsBelow = false
        let base = try primary(limitsBelow: &limitsBelow)
        var sub: String?
        var sup: String?
        while true {
            skipSpaces()
            if current == .subscript, sub == nil {
                position += 1
                sub = try argument()
            } else if current == .superscript, sup == nil {
                position += 1
                sup = try argument()
            } else if case .character("'")? = current {
                position += 1
                sup = (sup ?? "") + "<mo>′</mo>"
            } else {
                break
            }
        }
        let under = limitsBelow && display
        switch (sub, sup) {
        case (nil, nil): return base
        case (let sub?, nil): return under ? "<munder>\(base)\(row(sub))</munder>" : "<msub>\(base)\(row(sub))</msub>"
        case (nil, let sup?): return under ? "<mover>\(base)\(row(sup))</mover>" : "<msup>\(base)\(row(sup))</msup>"
        case (let sub?, let sup?):
            return under ? "<munderover>\(base)\(row(sub))\(row(sup))</munderover>" : "<msubsup>\(base)\(row(sub))\(row(sup))</msubsup>"
        }
    }

    private func row(_ content: String) -> String { "<mrow>\(content)</mrow>" }

    /// A braced group, or one token, as a script or command argument.
    private mutating func argument() throws(UnsupportedTeX) -> String {
        skipSpaces()
        guard let token = current else { throw UnsupportedTeX(reason: "a command is missing its argument") }
        if token == .open {
            position += 1
            let content = try sequence()
            guard current == .close else { throw UnsupportedTeX(reason: "missing }") }
            position += 1
            return row(content)
        }
        var ignored = false
        return try primary(limitsBelow: &ignored)
    }

    /// The raw text of a braced group, for `\text` and `\operatorname`.
    private mutating func rawGroup() throws(UnsupportedTeX) -> String {
        skipSpaces()
        guard current == .open else { throw UnsupportedTeX(reason: "\\text needs {…}") }
        position += 1
        var text = ""
        var depth = 0
        while let token = current {
            position += 1
            switch token {
            case .close where depth == 0: return text
            case .close: depth -= 1; text += "}"
            case .open: depth += 1; text += "{"
            case .character(let character): text.append(character)
            case .command(let name): text += name.count == 1 ? name : "\\" + name
            case .superscript: text += "^"
            case .subscript: text += "_"
            case .alignment: text += "&"
            }
        }
        throw UnsupportedTeX(reason: "missing }")
    }

    private func escape(_ text: String) -> String { XMLText.escape(text) }

    private func identifier(_ character: Character) -> String {
        if let variant {
            if variant == "normal" { return "<mi mathvariant=\"normal\">\(escape(String(character)))</mi>" }
            return "<mi>\(escape(String(MathAlphabet.map(character, variant: variant))))</mi>"
        }
        return "<mi>\(escape(String(character)))</mi>"
    }

    private mutating func primary(limitsBelow: inout Bool) throws(UnsupportedTeX) -> String {
        skipSpaces()
        guard let token = current else { throw UnsupportedTeX(reason: "unexpected end of formula") }
        position += 1
        switch token {
        case .open:
            let content = try sequence()
            guard current == .close else { throw UnsupportedTeX(reason: "missing }") }
            position += 1
            return row(content)
        case .close, .alignment: throw UnsupportedTeX(reason: "unexpected } or &")
        case .superscript, .subscript:
            // A script with no base, as in `^2`: an empty base, the script read by the caller.
            position -= 1
            return "<mrow></mrow>"
        case .character(let character):
            if character.isNumber || character == "." {
                var number = String(character)
                while case .character(let next)? = current, next.isNumber || next == "." {
                    number.append(next)
                    position += 1
                }
                if let variant, variant != "normal" { number = String(number.map { MathAlphabet.map($0, variant: variant) }) }
                return "<mn>\(escape(number))</mn>"
            }
            if character.isLetter { return identifier(character) }
            if character == "'" { return "<mo>′</mo>" }
            return "<mo>\(escape(String(character)))</mo>"
        case .command(let name):
            return try command(name, limitsBelow: &limitsBelow)
        }
    }

    private mutating func command(_ name: String, limitsBelow: inout Bool) throws(UnsupportedTeX) -> String {
        if let symbol = TeXSymbols.identifiers[name] { return "<mi>\(symbol)</mi>" }
        if let symbol = TeXSymbols.operators[name] { return "<mo>\(escape(symbol))</mo>" }
        if let symbol = TeXSymbols.largeOperators[name] {
            limitsBelow = !name.contains("int")
            return "<mo largeop=\"true\"\(display ? "" : " movablelimits=\"true\"")>\(symbol)</mo>"
        }
        if TeXSymbols.functions.contains(name) {
            limitsBelow = TeXSymbols.limitFunctions.contains(name)
            return "<mi mathvariant=\"normal\">\(name)</mi>"
        }
        if let width = TeXSymbols.spaces[name] { return "<mspace width=\"\(width)\"/>" }
        if let style = TeXSymbols.styles[name] {
            let saved = variant
            variant = style
            defer { variant = saved }
            return try argument()
        }
        if let accent = TeXSymbols.accents[name] {
            return "<mover accent=\"true\">\(try argument())<mo stretchy=\"\(name.hasPrefix("wide") || name.hasPrefix("over") ? "true" : "false")\">\(escape(accent))</mo></mover>"
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let numerator = try argument()
            return "<mfrac>\(numerator)\(try argument())</mfrac>"
        case "binom", "dbinom", "tbinom":
            let top = try argument()
            return "<mrow><mo>(</mo><mfrac linethickness=\"0\">\(top)\(try argument())</mfrac><mo>)</mo></mrow>"
        case "sqrt":
            skipSpaces()
            if current == .character("[") {
                position += 1
                var index = ""
                while let token = current, token != .character("]") {
                    let start = position
                    index += try scripted()
                    // Every step must consume input, or a stray script would loop forever.
                    if position == start { throw UnsupportedTeX(reason: "unexpected token in the root's index") }
                }
                guard current == .character("]") else { throw UnsupportedTeX(reason: "\\sqrt[ without ]") }
                position += 1
                return "<mroot>\(try argument())\(row(index))</mroot>"
            }
            return "<msqrt>\(try argument())</msqrt>"
        case "underline":
            return "<munder accent=\"true\">\(try argument())<mo stretchy=\"true\">_</mo></munder>"
        case "text", "textrm", "textit", "textbf", "mbox", "textsf", "texttt":
            return "<mtext>\(escape(try rawGroup()))</mtext>"
        case "operatorname":
            limitsBelow = false
            return "<mi mathvariant=\"normal\">\(escape(try rawGroup()))</mi>"
        case "left":
            let open = try delimiter()
            let content = try sequence()
            guard current == .command("right") else { throw UnsupportedTeX(reason: "\\left without \\right") }
            position += 1
            let close = try delimiter()
            return "<mrow>\(fence(open))\(content)\(fence(close))</mrow>"
        case "begin":
            return try environment()
        case "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr":
            return fence(try delimiter())
        case "displaystyle", "textstyle", "limits", "nolimits":
            return ""
        case "\\": return ""
        default:
            throw UnsupportedTeX(reason: "\\\(name) is not supported")
        }
    }

    private func fence(_ symbol: String) -> String {
        symbol.isEmpty ? "" : "<mo fence=\"true\" stretchy=\"true\">\(escape(symbol))</mo>"
    }

    /// The delimiter after `\left`, `\right` or `\big`: a character, a command, or `.` for none.
    private mutating func delimiter() throws(UnsupportedTeX) -> String {
        skipSpaces()
        guard let token = current else { throw UnsupportedTeX(reason: "missing delimiter") }
        position += 1
        switch token {
        case .character("."): return ""
        case .character(let character): return String(character)
        case .command(let name):
            if let symbol = TeXSymbols.operators[name] { return symbol }
            throw UnsupportedTeX(reason: "\\\(name) is not a delimiter")
        default: throw UnsupportedTeX(reason: "missing delimiter")
        }
    }

    /// `\begin{pmatrix} a & b \\ c & d \end{pmatrix}` and the other matrix-like environments.
    private mutating func environment() throws(UnsupportedTeX) -> String {
        let name = try rawGroup()
        guard let fences = TeXSymbols.environments[name] else { throw UnsupportedTeX(reason: "environment \(name) is not supported") }
        if name == "array" { _ = try? rawGroup() }
        var rows: [[String]] = [[]]
        while true {
            let cell = try sequence()
            rows[rows.count - 1].append(cell)
            guard let token = current else { throw UnsupportedTeX(reason: "\\begin{\(name)} without \\end") }
            position += 1
            switch token {
            case .alignment: continue
            case .command("\\"): rows.append([])
            case .command("end"):
                let end = try rawGroup()
                guard end == name else { throw UnsupportedTeX(reason: "\\begin{\(name)} ended by \\end{\(end)}") }
                if rows.count > 1, rows[rows.count - 1].allSatisfy(\.isEmpty) { rows.removeLast() }
                let align = name == "cases" || name.hasPrefix("align") || name == "split" ? " columnalign=\"left\"" : ""
                let table = "<mtable\(align)>" + rows.map { "<mtr>" + $0.map { "<mtd><mrow>\($0)</mrow></mtd>" }.joined() + "</mtr>" }.joined() + "</mtable>"
                return "<mrow>\(fence(fences.open))\(table)\(fence(fences.close))</mrow>"
            default: throw UnsupportedTeX(reason: "unexpected token in \\begin{\(name)}")
            }
        }
    }
}

/// A formula the converter cannot draw, and why.
struct UnsupportedTeX: Error, Equatable {
    var reason: String
}
