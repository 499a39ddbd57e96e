/// The rules every user-given name obeys: runs, projects, entries, sections, fields, artifacts.
public enum NameRules {
    /// The longest name accepted, in characters.
    public static let maximumLength = 256

    /// Checks that `name` is non-empty, not overlong and free of control characters.
    /// - Parameter what: how the name is called in the message, e.g. `run name`.
    public static func validate(_ name: String, as what: String) throws(ValidationError) {
        if name.isEmpty { throw ValidationError("\(what) must not be empty") }
        // Fast path for the common case: short printable ASCII.
        if name.utf8.count <= maximumLength, name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return }
        if name.count > maximumLength {
            throw ValidationError("\(what) is \(name.count) characters long; the limit is \(maximumLength)")
        }
        if let bad = name.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            throw ValidationError("\(what) \(quoted(name)) contains the control character U+\(hex(bad.value))")
        }
    }

    /// Checks a run id: 1 to 128 characters of letters, digits, `.`, `_` and `-`, so that an
    /// id is safe in URLs and file names.
    public static func validateRunID(_ id: String) throws(ValidationError) {
        if id.isEmpty { throw ValidationError("run_id must not be empty") }
        if id.utf8.count > 128 { throw ValidationError("run_id is longer than 128 characters") }
        let allowed = id.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
        if !allowed || id.hasPrefix(".") {
            throw ValidationError(
                "run_id \(quoted(id)) may hold only letters, digits, '.', '_' and '-', and not start with '.'")
        }
    }

    /// A name in double quotes, shortened to 80 characters, for messages.
    public static func quoted(_ name: String) -> String {
        let short = name.count > 80 ? String(name.prefix(77)) + "..." : name
        return JSONValue.string(short).jsonText
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
