import ArtifactaCore

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; text that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
enum CSVWriter {
    static func csv(header: [String], rows: [[String]]) -> String {
        var output = ""
        appendLine(header.map { text($0) }, to: &output)
        for row in rows { appendLine(row, to: &output) }
        return output
    }

    /// A text cell, defused when it looks like a formula.
    static func text(_ value: String) -> String {
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { return "'" + value }
        return value
    }

    /// A JSON table cell: numbers in full precision, strings defused, null empty.
    static func cell(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .number(let number): NumberText.exact(number)
        case .string(let string): text(string)
        case .bool(let flag): flag ? "true" : "false"
        default: text(value.jsonText)
        }
    }

    /// One line of fields (already made cells), with its line break.
    static func line(_ fields: [String]) -> String {
        var output = ""
        appendLine(fields, to: &output)
        return output
    }

    private static func appendLine(_ fields: [String], to output: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output += "," }
            // Byte by byte: a "\r\n" inside a field is one Character, which no single-character test matches.
            if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                output += "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                output += field
            }
        }
        output += "\r\n"
    }
}
