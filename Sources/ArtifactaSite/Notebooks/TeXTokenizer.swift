/// One piece of a TeX formula.
enum TeXToken: Equatable {
    /// `\name`, or `\` and one non-letter such as `\\`, `\,`, `\{`.
    case command(String)
    case character(Character)
    case open
    case close
    case superscript
    case `subscript`
    case alignment
}

/// Splits a TeX formula into tokens; a run of whitespace becomes one space (kept for `\\text`).
enum TeXTokenizer {
    static func tokens(_ tex: String) -> [TeXToken] {
        var result: [TeXToken] = []
        let characters = Array(tex)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            switch character {
            case "\\":
                guard index < characters.count else { result.append(.character("\\")); break }
                if characters[index].isLetter {
                    var name = ""
                    while index < characters.count, characters[index].isLetter {
                        name.append(characters[index])
                        index += 1
                    }
                    if name == "begin" || name == "end", index < characters.count, characters[index] == "{" {
                        // Environment names may hold `*`: read them whole.
                        var environment = ""
                        var scan = index + 1
                        while scan < characters.count, characters[scan] != "}" {
                            environment.append(characters[scan])
                            scan += 1
                        }
                        result.append(.command(name))
                        result.append(.open)
                        for letter in environment { result.append(.character(letter)) }
                        result.append(.close)
                        index = min(scan + 1, characters.count)
                        continue
                    }
                    result.append(.command(name))
                } else {
                    result.append(.command(String(characters[index])))
                    index += 1
                }
            case "{": result.append(.open)
            case "}": result.append(.close)
            case "^": result.append(.superscript)
            case "_": result.append(.subscript)
            case "&": result.append(.alignment)
            case _ where character.isWhitespace:
                if result.last != .character(" ") { result.append(.character(" ")) }
            default: result.append(.character(character))
            }
        }
        return result
    }
}
