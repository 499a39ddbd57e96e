import ArtifactaCore
import Foundation

/// The site a rebuild replaces, and the fingerprints of its pages (`.artifacta-manifest.json`),
/// so that unchanged pages are reused rather than drawn again.
struct PreviousSite: Sendable {
    static let manifestName = ".artifacta-manifest.json"

    let folder: URL
    private let folderPath: String
    let fingerprints: [String: String]
    /// The size of each fingerprinted file (manifests since version 2).
    let sizes: [String: Int64]
    /// The ``PageFingerprint/toolDigest`` of the build that wrote the site (version 2).
    let tool: String?

    /// Reads the manifest of the site at `folder`; none (a first build) means nothing is reused.
    init(folder: URL) {
        self.folder = folder
        folderPath = folder.path
        var fingerprints: [String: String] = [:]
        var sizes: [String: Int64] = [:]
        var tool: String?
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(Self.manifestName).path),
            let manifest = try? JSONParser.parse(data)
        {
            if case .object(let pages)? = manifest["pages"] {
                for (path, value) in pages { if case .string(let digest) = value { fingerprints[path] = digest } }
            }
            if case .object(let known)? = manifest["sizes"] {
                for (path, value) in known { if case .number(let size) = value { sizes[path] = Int64(size) } }
            }
            if case .string(let digest)? = manifest["tool"] { tool = digest }
        }
        self.fingerprints = fingerprints
        self.sizes = sizes
        self.tool = tool
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

    /// The manifest of a new build: each fingerprinted file's fingerprint and size.
    /// Written as text directly, one path per line (the JSON of a value tree of thousands of
    /// pages took a rebuild's last 10 ms, when nothing else is left to do).
    static func manifest(_ fingerprints: [String: String], sizes: [String: Int64]) -> Data {
        let paths = fingerprints.keys.sorted()
        var text = "{\"version\": 2, \"tool\": "
        text.reserveCapacity(paths.count * 200)
        JSONWriter.writeString(PageFingerprint.toolDigest, to: &text)
        text += ",\n\"pages\": {"
        for (index, path) in paths.enumerated() {
            text += index == 0 ? "\n" : ",\n"
            JSONWriter.writeString(path, to: &text)
            text += ": "
            JSONWriter.writeString(fingerprints[path] ?? "", to: &text)
        }
        text += "},\n\"sizes\": {"
        var first = true
        for path in paths {
            guard let size = sizes[path] else { continue }
            text += first ? "\n" : ",\n"
            JSONWriter.writeString(path, to: &text)
            text += ": " + String(size)
            first = false
        }
        text += "}}\n"
        return Data(text.utf8)
    }
}
