/// Finds `$…$` and `$$…$$` math in Markdown outside code, and replaces each with a plain
/// placeholder word that Markdown leaves alone; the rendered HTML then gets MathML in its place.
///
/// Inline math follows the usual rule: the opening `$` is not followed by a space, the closing
/// `$` is not preceded by one nor followed by a digit (so "$5 and $10" stays text); `\$` is a
/// literal dollar; inline math never reaches into a code span.
enum MathExtractor {
    struct Formula: Equatable {
        var tex: String
        var display: Bool
    }

    static func placeholder(_ index: Int) -> String { "ARTIFACTAMATH\(index)X" }

    static func extract(_ markdown: String) -> (markdown: String, formulas: [Formula]) {
        var formulas: [Formula] = []
        // Text outside fenced code and code spans; display math may span lines.
        let characters = Array(markdown)
        var result = ""
        var index = 0
        var fenceOpen = false
        var lineStart = true
        while index < characters.count {
            let character = characters[index]
            if lineStart {
                let rest = characters[index...].drop(while: { $0 == " " })
                if rest.starts(with: ["`", "`", "`"]) || rest.starts(with: ["~", "~", "~"]) { fenceOpen.toggle() }
            }
            lineStart = character == "\n"
            if fenceOpen {
                result.append(character)
                index += 1
                continue
            }
            if character == "`" {
                // A code span: copy through the matching run of backticks.
                var ticks = 0
                while index + ticks < characters.count, characters[index + ticks] == "`" { ticks += 1 }
                if let end = findClosingTicks(characters, from: index + ticks, count: ticks) {
                    result.append(contentsOf: characters[index..<(end + ticks)])
                    index = end + ticks
                } else {
                    result.append(contentsOf: characters[index..<(index + ticks)])
                    index += ticks
                }
                continue
            }
            if character == "\\", index + 1 < characters.count, characters[index + 1] == "$" {
                result += "\\$"
                index += 2
                continue
            }
            if character == "$" {
                let display = index + 1 < characters.count && characters[index + 1] == "$"
                if display, let end = find(characters, "$$", from: index + 2) {
                    let tex = String(characters[(index + 2)..<end]).trimmingCharacters(in: .whitespacesAndNewlines)
                    result += placeholder(formulas.count)
                    formulas.append(Formula(tex: tex, display: true))
                    index = end + 2
                    continue
                }
                if !display, index + 1 < characters.count, !characters[index + 1].isWhitespace,
                    let end = closingDollar(characters, from: index + 1)
                {
                    result += placeholder(formulas.count)
                    formulas.append(Formula(tex: String(characters[(index + 1)..<end]), display: false))
                    index = end + 1
                    continue
                }
            }
            result.append(character)
            index += 1
        }
        return (result, formulas)
    }

    private static func find(_ characters: [Character], _ needle: String, from start: Int) -> Int? {
        let target = Array(needle)
        var index = start
        while index + target.count <= characters.count {
            if characters[index] == "\\" { index += 2; continue }
            if Array(characters[index..<(index + target.count)]) == target { return index }
            index += 1
        }
        return nil
    }

    private static func closingDollar(_ characters: [Character], from start: Int) -> Int? {
        var index = start
        while index < characters.count {
            let character = characters[index]
            if character == "\n", index + 1 < characters.count, characters[index + 1] == "\n" { return nil }
            if character == "`" { return nil }
            if character == "\\" { index += 2; continue }
            if character == "$" {
                let before = characters[index - 1]
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                if !before.isWhitespace && !after.isNumber { return index }
            }
            index += 1
        }
        return nil
    }

    private static func findClosingTicks(_ characters: [Character], from start: Int, count: Int) -> Int? {
        var index = start
        while index < characters.count {
            if characters[index] == "`" {
                var run = 0
                while index + run < characters.count, characters[index + run] == "`" { run += 1 }
                if run == count { return index }
                index += run
            } else {
                index += 1
            }
        }
        return nil
    }
}

import Foundation
