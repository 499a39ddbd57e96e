import ArtifactaCore
import Foundation
import GRDB

extension Store {
    /// Gives a registered artifact (kind `reference`) its content, already in the blobs:
    /// it becomes a one-file artifact named `fileName` whose hash is the content's SHA-256.
    ///
    /// Used by uploads over HTTP, which stream the content into the blobs first.
    /// - Throws: ``StoreError/unknownArtifact(_:)``; ``StoreError/invalid(_:)`` when the
    ///   artifact already has content or the file name is unsafe; ``StoreError/missingBlob(hash:)``.
    public func attachContent(artifactID: Int64, blob: BlobStore.Stored, fileName: String, at time: Date = Date()) throws -> Artifact {
        do throws(ValidationError) { try ArtifactPath.validateRelativePath(fileName) } catch { throw StoreError.invalid(error) }
        guard !fileName.contains("/") else {
            throw StoreError.invalid(ValidationError("file name \(NameRules.quoted(fileName)) must not contain '/'"))
        }
        guard blobs.contains(blob.hash) else { throw StoreError.missingBlob(hash: blob.hash) }
        let mediaType = MediaType.forFileName(fileName)
        try write("storing the content of artifact \(artifactID)") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT kind, run_id FROM artifacts WHERE id = ?", arguments: [artifactID]) else {
                throw StoreError.unknownArtifact(artifactID)
            }
            let kind: String = row["kind"]
            guard kind == Artifact.Kind.reference.rawValue else {
                throw StoreError.invalid(ValidationError("artifact \(artifactID) already has its content (it is a \(kind))"))
            }
            try db.execute(
                sql: "UPDATE artifacts SET kind = 'file', hash = ?, size_bytes = ?, media_type = ? WHERE id = ?",
                arguments: [blob.hash, blob.sizeBytes, mediaType, artifactID])
            try db.execute(
                sql: "INSERT INTO artifact_files (artifact_id, path, hash, size_bytes, media_type) VALUES (?, ?, ?, ?, ?)",
                arguments: [artifactID, fileName, blob.hash, blob.sizeBytes, mediaType])
            try db.execute(sql: "UPDATE runs SET heartbeat_at = ? WHERE id = ?", arguments: [time.storeTime, row["run_id"] as String])
        }
        guard let artifact = try artifact(id: artifactID) else { throw StoreError.unknownArtifact(artifactID) }
        return artifact
    }
}
