import Foundation

/// A file or directory logged by a run, as the store holds it.
public struct Artifact: Sendable, Equatable {
    /// Whether the content is in the store.
    public enum Kind: String, Sendable {
        /// One file, its content in the blob named by `hash`.
        case file
        /// A tree of files, each in its own blob; `hash` covers the manifest.
        case directory
        /// Registered by hash and path only (`POST /api/artifacts`); no content was given.
        case reference
    }

    public var id: Int64
    public var runID: String
    public var name: String
    public var role: ArtifactRole
    public var kind: Kind
    /// SHA-256 in hex of the file, or of the directory's manifest, or as registered.
    public var hash: String
    public var sizeBytes: Int64
    public var mediaType: String?
    public var metadata: JSONValue
    /// Where the content came from on the logging machine: provenance only, never read.
    public var sourcePath: String?
    public var createdAt: Date
    /// The files of the artifact; one for a file, the tree for a directory, none for a reference.
    public var files: [ArtifactFile]

    public init(
        id: Int64, runID: String, name: String, role: ArtifactRole, kind: Kind, hash: String, sizeBytes: Int64,
        mediaType: String?, metadata: JSONValue, sourcePath: String?, createdAt: Date, files: [ArtifactFile]
    ) {
        self.id = id
        self.runID = runID
        self.name = name
        self.role = role
        self.kind = kind
        self.hash = hash
        self.sizeBytes = sizeBytes
        self.mediaType = mediaType
        self.metadata = metadata
        self.sourcePath = sourcePath
        self.createdAt = createdAt
        self.files = files
    }

    /// The wire shape: `{run_id, name, hash, storage_path, size_bytes, metadata, role}` plus kind and files.
    public var json: JSONValue {
        .object([
            ("id", .number(Double(id))), ("run_id", .string(runID)), ("name", .string(name)),
            ("hash", .string(hash)), ("storage_path", sourcePath.map(JSONValue.string) ?? .null),
            ("size_bytes", .number(Double(sizeBytes))), ("metadata", metadata), ("role", .string(role.rawValue)),
            ("kind", .string(kind.rawValue)), ("media_type", mediaType.map(JSONValue.string) ?? .null),
            ("files", .array(files.map(\.json))),
        ])
    }
}

/// One file inside an artifact: its path relative to the artifact, and its blob.
public struct ArtifactFile: Sendable, Equatable {
    /// A relative path with `/` separators, never `..` or absolute.
    public var path: String
    public var hash: String
    public var sizeBytes: Int64
    public var mediaType: String

    public init(path: String, hash: String, sizeBytes: Int64, mediaType: String) {
        self.path = path
        self.hash = hash
        self.sizeBytes = sizeBytes
        self.mediaType = mediaType
    }

    public var json: JSONValue {
        .object([
            ("path", .string(path)), ("hash", .string(hash)), ("size_bytes", .number(Double(sizeBytes))),
            ("media_type", .string(mediaType)),
        ])
    }
}
