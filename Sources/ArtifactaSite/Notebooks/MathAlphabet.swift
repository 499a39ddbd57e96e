/// Maps letters and digits to Unicode's mathematical alphanumeric symbols, which is how
/// MathML Core draws `\mathbf`, `\mathbb`, `\mathcal` and the other font commands.
enum MathAlphabet {
    private struct Offsets {
        var upper: UInt32
        var lower: UInt32?
        var digit: UInt32?
        var exceptions: [Character: Character] = [:]
    }

    private static let alphabets: [String: Offsets] = [
        "bold": Offsets(upper: 0x1D400, lower: 0x1D41A, digit: 0x1D7CE),
        "italic": Offsets(upper: 0x1D434, lower: 0x1D44E, digit: nil, exceptions: ["h": "ℎ"]),
        "bold-italic": Offsets(upper: 0x1D468, lower: 0x1D482, digit: 0x1D7CE),
        "script": Offsets(
            upper: 0x1D49C, lower: 0x1D4B6, digit: nil,
            exceptions: ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ", "e": "ℯ", "g": "ℊ", "o": "ℴ"]),
        "fraktur": Offsets(upper: 0x1D504, lower: 0x1D51E, digit: nil, exceptions: ["C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"]),
        "double-struck": Offsets(
            upper: 0x1D538, lower: 0x1D552, digit: 0x1D7D8,
            exceptions: ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]),
        "sans-serif": Offsets(upper: 0x1D5A0, lower: 0x1D5BA, digit: 0x1D7E2),
        "monospace": Offsets(upper: 0x1D670, lower: 0x1D68A, digit: 0x1D7F6),
    ]

    /// The character in `variant`, or the character itself when the variant has no form for it.
    static func map(_ character: Character, variant: String) -> Character {
        guard let alphabet = alphabets[variant], let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else {
            return character
        }
        if let exception = alphabet.exceptions[character] { return exception }
        let value = scalar.value
        var mapped: UInt32?
        if (65...90).contains(value) { mapped = alphabet.upper + value - 65 }
        if (97...122).contains(value), let lower = alphabet.lower { mapped = lower + value - 97 }
        if (48...57).contains(value), let digit = alphabet.digit { mapped = digit + value - 48 }
        guard let mapped, let result = Unicode.Scalar(mapped) else { return character }
        return Character(result)
    }
}
