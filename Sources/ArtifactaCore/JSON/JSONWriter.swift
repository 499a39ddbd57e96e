/// Writes a ``JSONValue`` as compact, deterministic JSON text.
///
/// Keys keep their order; numbers use the shortest text that reads back to the same
/// `Double`, integral values without a fraction.
public struct JSONWriter: Sendable {
    /// How NaN and ±Infinity are spelled.
    public enum NonFiniteStyle: Sendable {
        /// `NaN`, `Infinity`, `-Infinity`: what Python's `json` writes and reads. Used in the store.
        case bareTokens
        /// `"NaN"`, `"Infinity"`, `"-Infinity"`: valid JSON for any reader. Used over HTTP.
        case strings
    }

    public var nonFinite: NonFiniteStyle

    public init(nonFinite: NonFiniteStyle = .bareTokens) { self.nonFinite = nonFinite }

    /// The JSON text of `value`.
    public func string(_ value: JSONValue) -> String {
        var output = ""
        write(value, to: &output)
        return output
    }

    private func write(_ value: JSONValue, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): writeNumber(number, to: &output)
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                write(element, to: &output)
            }
            output += "]"
        case .object(let pairs):
            output += "{"
            for (index, (key, element)) in pairs.enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, to: &output)
                output += ":"
                write(element, to: &output)
            }
            output += "}"
        }
    }

    private func writeNumber(_ number: Double, to output: inout String) {
        if number.isFinite {
            output += Self.numberText(number)
            return
        }
        let token = Self.nonFiniteToken(number)
        switch nonFinite {
        case .bareTokens: output += token
        case .strings: output += "\"\(token)\""
        }
    }

    /// `NaN`, `Infinity` or `-Infinity`.
    public static func nonFiniteToken(_ number: Double) -> String {
        number.isNaN ? "NaN" : (number > 0 ? "Infinity" : "-Infinity")
    }

    /// The shortest round-tripping text of a finite number; `3` rather than `3.0`.
    public static func numberText(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            return number == 0 ? "0" : String(Int64(number))
        }
        return "\(number)"
    }

    /// Appends `text` as a JSON string, quoted and escaped: for callers that write a large
    /// document piece by piece rather than as one ``JSONValue``.
    /// Whether `text` holds a character that a JSON string escapes (or may: 0xE2 starts
    /// U+2028 and U+2029, which are escaped for scripts).
    private static func needsEscape(_ text: String) -> Bool {
        text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 })
    }

    /// A JSON string of `text`, as the `String` form writes it, appended as UTF-8.
    public static func writeString(_ text: String, to output: inout [UInt8]) {
        guard needsEscape(text) else {
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: text.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        var quoted = ""
        writeString(text, to: &quoted)
        output.append(contentsOf: quoted.utf8)
    }

    public static func writeString(_ text: String, to output: inout String) {
        output += "\""
        // Most strings (names, ids, hashes) need no escape: copied whole.
        if !needsEscape(text) {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}

extension JSONValue {
    /// Compact JSON text with NaN and ±Infinity as bare tokens.
    public var jsonText: String { JSONWriter().string(self) }
}
