/// The rules for artifact and attachment names and the relative paths inside a directory
/// artifact, so that no name can reach outside the store or the site.
public enum ArtifactPath {
    /// Checks an artifact's display name.
    public static func validateName(_ name: String) throws(ValidationError) {
        try NameRules.validate(name, as: "artifact name")
    }

    /// Checks a relative path inside a directory artifact: `/`-separated, no empty, `.` or
    /// `..` component, not absolute, no backslash or NUL.
    public static func validateRelativePath(_ path: String) throws(ValidationError) {
        if path.isEmpty { throw ValidationError("file path must not be empty") }
        if path.hasPrefix("/") { throw ValidationError("file path \(NameRules.quoted(path)) is absolute") }
        if path.contains("\\") || path.contains("\0") {
            throw ValidationError("file path \(NameRules.quoted(path)) contains a backslash or NUL")
        }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty || component == "." || component == ".." {
                throw ValidationError("file path \(NameRules.quoted(path)) has an empty, '.' or '..' component")
            }
        }
        try NameRules.validate(path, as: "file path")
    }

    /// The printable ASCII characters a file name may not hold.
    private static let forbiddenASCII: [UInt8] = Array("/\\:*?\"<>|".utf8)

    /// A name made safe to use as one file name: path separators, NUL and leading dots replaced.
    public static func safeFileName(_ name: String) -> String {
        // Most names are short printable ASCII with nothing to replace: kept as they are.
        if name.utf8.count <= 120, let first = name.utf8.first, first != UInt8(ascii: "."),
            name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && !forbiddenASCII.contains($0) })
        {
            return name
        }
        var result = String(name.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "/", "\\", "\0", ":", "*", "?", "\"", "<", ">", "|": "_"
            default: scalar.properties.generalCategory == .control ? "_" : Character(scalar)
            }
        })
        while result.hasPrefix(".") { result.removeFirst() }
        if result.isEmpty { result = "file" }
        return String(result.prefix(120))
    }
}
