import ArtifactaCore
import ArtifactaStore
import Foundation
import Hummingbird

/// A request body streamed into a temporary file of the store while it is hashed, with a
/// size limit: nothing of it reaches the blobs until it is whole and checked.
struct ContentUpload: Sendable {
    let file: URL
    let sha256: String
    let sizeBytes: Int64

    /// Streams `request`'s body to `blobs/.tmp/`.
    /// - Throws: 413 past `limit` bytes (announced or sent); the partial file is removed.
    static func receive(_ request: Request, into blobs: BlobStore, limit: Int) async throws -> ContentUpload {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIError.tooLarge(limit: limit, what: "the upload")
        }
        let file = blobs.directory.appendingPathComponent(".tmp").appendingPathComponent("upload-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: file.path, contents: nil), let output = FileHandle(forWritingAtPath: file.path) else {
            throw APIError(.internalServerError, "cannot create a temporary file in the store's blobs/.tmp")
        }
        var hasher = SHA256()
        var size = 0
        do {
            defer { try? output.close() }
            for try await chunk in request.body {
                size += chunk.readableBytes
                if size > limit { throw APIError.tooLarge(limit: limit, what: "the upload") }
                try chunk.withUnsafeReadableBytes { bytes in
                    hasher.update(bytes)
                    try output.write(contentsOf: bytes)
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw error
        }
        return ContentUpload(file: file, sha256: hasher.hexDigest(), sizeBytes: Int64(size))
    }

    /// Moves the content into the blobs and removes the temporary file.
    func store(in blobs: BlobStore) throws -> BlobStore.Stored {
        defer { discard() }
        return try blobs.put(fileAt: file)
    }

    /// Removes the temporary file.
    func discard() {
        try? FileManager.default.removeItem(at: file)
    }
}
