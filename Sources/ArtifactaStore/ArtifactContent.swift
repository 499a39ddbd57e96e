import ArtifactaCore
import Foundation

/// What an artifact holds once its content is in the blob store.
struct ArtifactContent {
    var kind: Artifact.Kind
    var hash: String
    var sizeBytes: Int64
    var mediaType: String?
    var files: [ArtifactFile]

    /// Copies every regular file under `root` into the blobs; links and special files are skipped.
    ///
    /// Every path is checked before any content is copied, so a refused directory leaves no blob behind.
    static func directory(at root: URL, blobs: BlobStore) throws -> ArtifactContent {
        let manager = FileManager.default
        guard
            let enumerator = manager.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey], options: [],
                errorHandler: { _, _ in true })
        else { throw StoreError.unreadableFile(path: root.path, reason: "cannot list the directory") }
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var found: [(url: URL, relative: String)] = []
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            if values?.isSymbolicLink == true {
                enumerator.skipDescendants()
                continue
            }
            guard values?.isRegularFile == true, url.path.hasPrefix(rootPath) else { continue }
            let relative = String(url.path.dropFirst(rootPath.count))
            do throws(ValidationError) { try ArtifactPath.validateRelativePath(relative) } catch { throw StoreError.invalid(error) }
            found.append((url, relative))
        }
        var files: [ArtifactFile] = []
        for (url, relative) in found {
            let stored = try blobs.put(fileAt: url)
            files.append(
                ArtifactFile(path: relative, hash: stored.hash, sizeBytes: stored.sizeBytes, mediaType: MediaType.forFileName(relative)))
        }
        files.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        return ArtifactContent(
            kind: .directory, hash: manifestHash(files), sizeBytes: files.reduce(0) { $0 + $1.sizeBytes },
            mediaType: "inode/directory", files: files)
    }

    /// SHA-256 of the lines `<hash>  <size>  <path>\n`, sorted by path (docs/STORE.md).
    static func manifestHash(_ files: [ArtifactFile]) -> String {
        var hasher = SHA256()
        for file in files { hasher.update(Array("\(file.hash)  \(file.sizeBytes)  \(file.path)\n".utf8)) }
        return hasher.hexDigest()
    }
}
