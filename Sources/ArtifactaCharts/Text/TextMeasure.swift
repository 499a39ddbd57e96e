/// Estimates the rendered width of text, to lay labels out without a font engine.
///
/// Widths are in em of a typical sans-serif UI font; estimates err on the wide side so
/// labels that are judged to fit do fit.
public enum TextMeasure {
    /// The estimated width of `text` at `fontSize` pixels.
    public static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += em(scalar) }
        return ems * fontSize
    }

    /// `text` shortened with a middle ellipsis to fit `maxWidth`, and whether it was shortened.
    ///
    /// The middle goes because run names usually differ at their start and end.
    public static func truncated(_ text: String, maxWidth: Double, fontSize: Double) -> (text: String, truncated: Bool) {
        if width(text, fontSize: fontSize) <= maxWidth { return (text, false) }
        let characters = Array(text)
        var keep = characters.count
        while keep > 1 {
            keep -= 1
            let head = (keep + 1) / 2
            let tail = keep - head
            let candidate = String(characters[0..<head]) + "…" + String(characters[(characters.count - tail)...])
            if width(candidate, fontSize: fontSize) <= maxWidth { return (candidate, true) }
        }
        return ("…", true)
    }

    /// `text` shortened at its end with an ellipsis to fit `maxWidth`.
    public static func truncatedEnd(_ text: String, maxWidth: Double, fontSize: Double) -> (text: String, truncated: Bool) {
        if width(text, fontSize: fontSize) <= maxWidth { return (text, false) }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters) + "…"
            if width(candidate, fontSize: fontSize) <= maxWidth { return (candidate, true) }
        }
        return ("…", true)
    }

    private static func em(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "i", "l", "j", "!", "|", ".", ",", ":", ";", "'", "I", "[", "]", "(", ")", "`": 0.32
        case " ", "f", "t", "r", "/", "\\", "-", "\"": 0.4
        case "m", "w", "M", "W", "@", "%": 0.92
        case "0"..."9", "$", "_", "+", "=", "<", ">", "~", "#", "?", "*", "^": 0.64
        case "A"..."Z": 0.72
        case "a"..."z": 0.61
        default: scalar.value < 0x2E80 ? 0.66 : 1.05
        }
    }
}
