import ArtifactaCore

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; text that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
enum CSVWriter {
    static func csv(header: [String], rows: [[String]]) -> String {
        var output = line(header.map { text($0) })
        for row in rows { output += line(row) }
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

    private static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    private static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
