/// An artifact registered by hash and path, without content: wire shape
/// `{run_id, name, hash, storage_path, size_bytes, metadata, role}` of `POST /api/artifacts`.
public struct ArtifactRegistration: Sendable, Equatable {
    public var runID: String
    public var name: String
    public var hash: String
    public var storagePath: String?
    public var sizeBytes: Int64
    public var metadata: JSONValue
    public var role: ArtifactRole

    public init(json: JSONValue) throws(ValidationError) {
        let object = try JSONFields(
            json, what: "artifact",
            allowed: ["run_id", "name", "hash", "storage_path", "size_bytes", "metadata", "role"])
        runID = try object.string("run_id")
        name = try object.string("name")
        hash = try object.string("hash")
        storagePath = try object.optionalString("storage_path")
        let size = object.optional("size_bytes").flatMap(JSONFields.number) ?? 0
        guard size >= 0, size == size.rounded(), size < 9e18 else {
            throw ValidationError("field \"size_bytes\" must be a whole number of bytes ≥ 0")
        }
        sizeBytes = Int64(size)
        metadata = object.optional("metadata") ?? [:]
        role = try ArtifactRole(name: try object.optionalString("role") ?? "output")
        try NameRules.validateRunID(runID)
        try ArtifactPath.validateName(name)
        try NameRules.validate(hash, as: "hash")
        guard case .object = metadata else { throw ValidationError("metadata must be a JSON object") }
    }
}
