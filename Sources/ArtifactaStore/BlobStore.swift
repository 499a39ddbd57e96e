import ArtifactaCore
import Foundation

/// Content-addressed file content: `blobs/<first two hex digits>/<sha256>`.
///
/// Content is streamed to `blobs/.tmp/`, hashed on the way, synced, then renamed into place,
/// so a blob is either whole or absent. Equal content is stored once.
public struct BlobStore: Sendable {
    public let directory: URL
    private let directoryPath: String
    private var temporaryDirectory: URL { directory.appendingPathComponent(".tmp") }

    init(directory: URL) {
        self.directory = directory
        directoryPath = directory.path
    }

    /// A blob's hash and size.
    public struct Stored: Sendable, Equatable {
        public var hash: String
        public var sizeBytes: Int64
    }

    /// The file holding a blob's content.
    public func url(for hash: String) -> URL { URL(fileURLWithPath: path(for: hash), isDirectory: false) }

    /// ``url(for:)`` as a path (a site build asks for thousands, and URL building is slow).
    public func path(for hash: String) -> String { "\(directoryPath)/\(hash.prefix(2))/\(hash)" }

    public func contains(_ hash: String) -> Bool {
        var status = stat()
        return Self.isHash(hash) && stat(path(for: hash), &status) == 0
    }

    /// The content of a blob.
    public func data(for hash: String) throws -> Data {
        guard Self.isHash(hash), let data = FileManager.default.contents(atPath: url(for: hash).path) else {
            throw StoreError.missingBlob(hash: hash)
        }
        return data
    }

    /// Copies a file's content into the store.
    public func put(fileAt source: URL) throws -> Stored {
        guard let input = FileHandle(forReadingAtPath: source.path) else {
            throw StoreError.unreadableFile(path: source.path, reason: "it does not exist or is not readable")
        }
        defer { try? input.close() }
        return try write { output, hasher in
            while true {
                let chunk: Data
                do { chunk = try input.read(upToCount: 1 << 20) ?? Data() } catch {
                    throw StoreError.unreadableFile(path: source.path, reason: "\(error.localizedDescription)")
                }
                if chunk.isEmpty { break }
                chunk.withUnsafeBytes { hasher.update($0) }
                try output.write(contentsOf: chunk)
            }
        }
    }

    /// Stores bytes given in memory.
    public func put(_ bytes: Data) throws -> Stored {
        try write { output, hasher in
            bytes.withUnsafeBytes { hasher.update($0) }
            try output.write(contentsOf: bytes)
        }
    }

    private func write(_ produce: (FileHandle, inout SHA256) throws -> Void) throws -> Stored {
        let manager = FileManager.default
        let temporary = temporaryDirectory.appendingPathComponent(UUID().uuidString)
        guard manager.createFile(atPath: temporary.path, contents: nil) else {
            throw StoreError.notWritable(path: temporaryDirectory.path, reason: "cannot create a temporary file")
        }
        var hasher = SHA256()
        var size: Int64 = 0
        do {
            let output = try FileHandle(forWritingTo: temporary)
            defer { try? output.close() }
            try produce(output, &hasher)
            size = Int64(try output.offset())
            try output.synchronize()
        } catch {
            try? manager.removeItem(at: temporary)
            if let storeError = error as? StoreError { throw storeError }
            throw StoreError.notWritable(path: temporaryDirectory.path, reason: "\(error.localizedDescription)")
        }
        let hash = hasher.hexDigest()
        let target = url(for: hash)
        if manager.fileExists(atPath: target.path) {
            try? manager.removeItem(at: temporary)
        } else {
            do {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try manager.moveItem(at: temporary, to: target)
            } catch {
                try? manager.removeItem(at: temporary)
                if !manager.fileExists(atPath: target.path) {
                    throw StoreError.notWritable(path: target.path, reason: "\(error.localizedDescription)")
                }
            }
        }
        return Stored(hash: hash, sizeBytes: size)
    }

    /// Whether `text` is 64 lowercase hex digits, so that it can never name a path outside the store.
    public static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
