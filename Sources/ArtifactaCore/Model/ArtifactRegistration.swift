/// `POST /api/artifacts`: an artifact recorded by hash and path, its content uploaded later
/// (or never). With `files` it is a directory whose files are declared up front and uploaded
/// one by one; its hash is then the manifest hash of those files (docs/STORE.md).
public struct ArtifactRegistration: Sendable, Equatable {
    /// One file a directory artifact will hold.
    public struct DeclaredFile: Sendable, Equatable {
        public var path: String
        /// The SHA-256 of the file's content (64 lowercase hex digits).
        public var hash: String
        public var sizeBytes: Int64
    }

    public var runID: String
    public var name: String
    /// As registered; `nil` for a directory that names no hash (the manifest hash is used).
    public var hash: String?
    public var storagePath: String?
    public var sizeBytes: Int64
    public var metadata: JSONValue
    public var role: ArtifactRole
    /// The declared files of a directory; empty for a single artifact.
    public var files: [DeclaredFile]

    public init(json: JSONValue) throws(ValidationError) {
        let object = try JSONFields(
            json, what: "artifact",
            allowed: ["run_id", "name", "hash", "storage_path", "size_bytes", "metadata", "role", "files"])
        runID = try object.string("run_id")
        name = try object.string("name")
        storagePath = try object.optionalString("storage_path")
        sizeBytes = try Self.size(object.optional("size_bytes"), field: "size_bytes")
        metadata = object.optional("metadata") ?? [:]
        role = try ArtifactRole(name: try object.optionalString("role") ?? "output")
        files = try Self.files(object.optional("files"))
        hash = try object.optionalString("hash")
        try NameRules.validateRunID(runID)
        try ArtifactPath.validateName(name)
        if let hash {
            try NameRules.validate(hash, as: "hash")
        } else if files.isEmpty {
            throw ValidationError("missing field \"hash\"")
        }
        guard case .object = metadata else { throw ValidationError("metadata must be a JSON object") }
    }

    private static func size(_ value: JSONValue?, field: String) throws(ValidationError) -> Int64 {
        let size = value.flatMap(JSONFields.number) ?? 0
        guard size >= 0, size == size.rounded(), size < 9e18 else {
            throw ValidationError("field \"\(field)\" must be a whole number of bytes ≥ 0")
        }
        return Int64(size)
    }

    private static func files(_ value: JSONValue?) throws(ValidationError) -> [DeclaredFile] {
        guard let value else { return [] }
        guard case .array(let elements) = value, !elements.isEmpty else {
            throw ValidationError("field \"files\" must be a non-empty array of {path, hash, size_bytes}")
        }
        var files: [DeclaredFile] = []
        var seen = Set<String>()
        for (index, element) in elements.enumerated() {
            do throws(ValidationError) {
                let object = try JSONFields(element, what: "file", allowed: ["path", "hash", "size_bytes"])
                let path = try object.string("path")
                try ArtifactPath.validateRelativePath(path)
                let hash = try object.string("hash")
                guard hash.utf8.count == 64, hash.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
                    throw ValidationError("field \"hash\" must be the SHA-256 of the file, 64 lowercase hex digits")
                }
                guard seen.insert(path).inserted else { throw ValidationError("the path \(NameRules.quoted(path)) appears twice") }
                files.append(DeclaredFile(path: path, hash: hash, sizeBytes: try size(object.optional("size_bytes"), field: "size_bytes")))
            } catch {
                throw error.prefixed("files[\(index)]")
            }
        }
        return files
    }
}
