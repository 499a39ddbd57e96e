import ArtifactaCore
import Foundation
import GRDB

extension Store {
    /// Copies a file or a directory tree into the store and links it to a run.
    ///
    /// The path given is followed if it is a symbolic link; inside a directory, links are
    /// neither followed nor stored. `path` is kept only as provenance.
    /// - Throws: ``StoreError/unreadableFile(path:reason:)`` when the path does not exist or
    ///   cannot be read; ``StoreError/unknownRun(_:)``; ``StoreError/invalid(_:)``.
    public func logArtifact(
        runID: String, name: String, path: URL, role: ArtifactRole = .output, metadata: JSONValue = [:],
        at time: Date = Date()
    ) throws -> Artifact {
        do throws(ValidationError) {
            try ArtifactPath.validateName(name)
            guard case .object = metadata else { throw ValidationError("metadata must be a JSON object, not \(metadata.typeName)") }
        } catch { throw StoreError.invalid(error) }
        guard try run(id: runID) != nil else { throw StoreError.unknownRun(runID) }
        let source = path.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory) else {
            throw StoreError.unreadableFile(path: path.path, reason: "no such file or directory")
        }
        let content: ArtifactContent
        if isDirectory.boolValue {
            content = try ArtifactContent.directory(at: source, blobs: blobs)
        } else {
            // The file's name becomes its path in the artifact: the rules of a path inside a directory apply.
            do throws(ValidationError) { try ArtifactPath.validateRelativePath(source.lastPathComponent) } catch {
                throw StoreError.invalid(error)
            }
            let stored = try blobs.put(fileAt: source)
            let mediaType = MediaType.forFileName(source.lastPathComponent)
            content = ArtifactContent(
                kind: .file, hash: stored.hash, sizeBytes: stored.sizeBytes, mediaType: mediaType,
                files: [ArtifactFile(path: source.lastPathComponent, hash: stored.hash, sizeBytes: stored.sizeBytes, mediaType: mediaType)])
        }
        let id = try insertArtifact(
            runID: runID, name: name, role: role, content: content, metadata: metadata, sourcePath: path.path, at: time)
        guard let artifact = try artifact(id: id) else { throw StoreError.unknownArtifact(id) }
        return artifact
    }

    /// Records an artifact by hash and path without content (`POST /api/artifacts`). With
    /// declared files it is a directory at once: its files' rows name their hashes, and each
    /// file's content arrives by upload (until then the site reports it missing).
    /// - Throws: ``StoreError/invalid(_:)`` when a directory's registered hash is not the
    ///   manifest hash of its files; ``StoreError/unknownRun(_:)``.
    public func registerArtifact(_ registration: ArtifactRegistration, at time: Date = Date()) throws -> Artifact {
        let content: ArtifactContent
        if registration.files.isEmpty {
            content = ArtifactContent(
                kind: .reference, hash: registration.hash ?? "", sizeBytes: registration.sizeBytes, mediaType: nil, files: [])
        } else {
            let files = registration.files.map {
                ArtifactFile(path: $0.path, hash: $0.hash, sizeBytes: $0.sizeBytes, mediaType: MediaType.forFileName($0.path))
            }.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
            let manifest = ArtifactContent.manifestHash(files)
            if let hash = registration.hash, hash != manifest {
                throw StoreError.invalid(ValidationError(
                    "the hash \(hash) is not the manifest hash of the declared files (\(manifest), docs/STORE.md)"))
            }
            content = ArtifactContent(
                kind: .directory, hash: manifest, sizeBytes: files.reduce(0) { $0 + $1.sizeBytes }, mediaType: "inode/directory",
                files: files)
        }
        let id = try insertArtifact(
            runID: registration.runID, name: registration.name, role: registration.role, content: content,
            metadata: registration.metadata, sourcePath: registration.storagePath, at: time)
        guard let artifact = try artifact(id: id) else { throw StoreError.unknownArtifact(id) }
        return artifact
    }

    private func insertArtifact(
        runID: String, name: String, role: ArtifactRole, content: ArtifactContent, metadata: JSONValue, sourcePath: String?,
        at time: Date
    ) throws -> Int64 {
        try write("logging artifact \(name)") { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM runs WHERE id = ?", arguments: [runID]) == true else {
                throw StoreError.unknownRun(runID)
            }
            try db.execute(
                sql: """
                    INSERT INTO artifacts (run_id, name, role, kind, hash, size_bytes, media_type, metadata, source_path, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    runID, name, role.rawValue, content.kind.rawValue, content.hash, content.sizeBytes, content.mediaType,
                    metadata.jsonText, sourcePath, time.storeTime,
                ])
            let id = db.lastInsertedRowID
            for file in content.files {
                try db.execute(
                    sql: "INSERT INTO artifact_files (artifact_id, path, hash, size_bytes, media_type) VALUES (?, ?, ?, ?, ?)",
                    arguments: [id, file.path, file.hash, file.sizeBytes, file.mediaType])
            }
            try db.execute(sql: "UPDATE runs SET heartbeat_at = ? WHERE id = ?", arguments: [time.storeTime, runID])
            return id
        }
    }

    /// A run's artifacts in logging order, each with its files.
    public func artifacts(runID: String) throws -> [Artifact] {
        try read("reading the artifacts of run \(runID)") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM artifacts WHERE run_id = ? ORDER BY id", arguments: [runID])
                .map { try Self.artifact(from: $0, in: db) }
        }
    }

    /// One artifact, or `nil` when unknown.
    public func artifact(id: Int64) throws -> Artifact? {
        try read("reading artifact \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM artifacts WHERE id = ?", arguments: [id]).map { try Self.artifact(from: $0, in: db) }
        }
    }

    static func artifact(from row: Row, in db: Database) throws -> Artifact {
        let id: Int64 = row["id"]
        let files = try Row.fetchAll(db, sql: "SELECT * FROM artifact_files WHERE artifact_id = ? ORDER BY path", arguments: [id])
            .map(artifactFile(from:))
        return try artifact(from: row, files: files)
    }

    static func artifactFile(from row: Row) -> ArtifactFile {
        ArtifactFile(path: row["path"], hash: row["hash"], sizeBytes: row["size_bytes"], mediaType: row["media_type"])
    }

    static func artifact(from row: Row, files: [ArtifactFile]) throws -> Artifact {
        Artifact(
            id: row["id"], runID: row["run_id"], name: row["name"], role: try ArtifactRole(name: row["role"]),
            kind: Artifact.Kind(rawValue: row["kind"]) ?? .reference, hash: row["hash"], sizeBytes: row["size_bytes"],
            mediaType: row["media_type"], metadata: try storedJSON(row["metadata"]), sourcePath: row["source_path"],
            createdAt: Date(storeTime: row["created_at"]), files: files)
    }
}
