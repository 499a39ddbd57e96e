import ArtifactaCore
import Foundation

/// The site a rebuild replaces, and the fingerprints of its pages (`.artifacta-manifest.json`),
/// so that unchanged pages are reused rather than drawn again.
struct PreviousSite: Sendable {
    static let manifestName = ".artifacta-manifest.json"

    let folder: URL
    private let folderPath: String
    private let fingerprints: [String: String]

    /// Reads the manifest of the site at `folder`; none (a first build) means nothing is reused.
    init(folder: URL) {
        self.folder = folder
        folderPath = folder.path
        var fingerprints: [String: String] = [:]
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(Self.manifestName).path),
            let manifest = try? JSONParser.parse(data), case .object(let pages)? = manifest["pages"]
        {
            for (path, value) in pages { if case .string(let digest) = value { fingerprints[path] = digest } }
        }
        self.fingerprints = fingerprints
    }

    /// A file of the previous site: where it is and its size.
    struct File: Sendable {
        var path: String
        var size: Int64
    }

    /// The file of the previous page at `path` when it was drawn from the same inputs.
    func reusable(_ path: String, fingerprint: String) -> File? {
        guard fingerprints[path] == fingerprint else { return nil }
        let file = folderPath + "/" + path
        var status = stat()
        return stat(file, &status) == 0 ? File(path: file, size: Int64(status.st_size)) : nil
    }

    /// The manifest of a new build.
    static func manifest(_ fingerprints: [String: String]) -> Data {
        let pages = fingerprints.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }
        return Data(JSONValue.object([("version", 1), ("pages", .object(pages))]).jsonText.utf8)
    }
}
