/// Escaping of text for XML content and attribute values.
public enum XMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped and characters that XML 1.0 forbids
    /// (control characters other than tab, line feed and carriage return) replaced by U+FFFD.
    public static func escape(_ text: String) -> String {
        var needsWork = false
        for unit in text.utf8 where (unit < 0x20 && unit != 0x09 && unit != 0x0A && unit != 0x0D) || unit == 0x26 || unit == 0x3C || unit == 0x3E || unit == 0x22 || unit == 0x27 {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }
}
