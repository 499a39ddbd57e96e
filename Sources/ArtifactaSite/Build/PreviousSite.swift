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
        let bytes = FileBytes.read(folder.appendingPathComponent(Self.manifestName).path)
        if let bytes, let lines = Self.readLines(bytes) {
            (fingerprints, sizes, tool) = lines
        } else if let bytes, let manifest = try? JSONParser.parse(bytes) {
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

    /// The manifest as ``manifest(_:sizes:)`` writes it, one entry per line, read without a
    /// JSON tree (a rebuild reads two manifests of thousands of pages before it can draw);
    /// nil for anything else, such as a path written with escapes, which is read as JSON.
    static func readLines(_ bytes: [UInt8]) -> (fingerprints: [String: String], sizes: [String: Int64], tool: String?)? {
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
        guard !bytes.contains(UInt8(ascii: "\\")) else { return nil }
        let lines = bytes.split(separator: newline, omittingEmptySubsequences: true)
        let head = Array("{\"version\": 2, \"tool\": \"".utf8)
        guard let first = lines.first, first.starts(with: head), first.last == UInt8(ascii: ","), first.count >= head.count + 2,
            first[first.endIndex - 2] == quote
        else { return nil }
        let tool = String(decoding: first[(first.startIndex + head.count)..<(first.endIndex - 2)], as: UTF8.self)
        var fingerprints: [String: String] = [:], sizes: [String: Int64] = [:]
        fingerprints.reserveCapacity(lines.count / 2)
        sizes.reserveCapacity(lines.count / 2)
        var section = 0  // 1: pages, 2: sizes
        // The pages' paths in order: the sizes list the same paths in the same order (those
        // with a size), and take their strings from here rather than making them again.
        var paths: [String] = []
        paths.reserveCapacity(lines.count / 2)
        var next = 0
        for line in lines.dropFirst() {
            if line.elementsEqual("\"pages\": {".utf8) || line.elementsEqual("\"pages\": {},".utf8) {
                guard section == 0 else { return nil }
                section = 1
                continue
            }
            if line.elementsEqual("\"sizes\": {".utf8) || line.elementsEqual("\"sizes\": {}}".utf8) {
                guard section == 1 else { return nil }
                section = 2
                continue
            }
            // `"path": "fingerprint"` or `"path": size`, then `,`, `},` or `}}`.
            guard line.first == quote, let keyEnd = line.dropFirst().firstIndex(of: quote), section != 0 else { return nil }
            let keyBytes = line[(line.startIndex + 1)..<keyEnd]
            let key: String
            if section == 2, let found = paths[next...].prefix(64).firstIndex(where: { $0.utf8.elementsEqual(keyBytes) }) {
                key = paths[found]
                next = found + 1
            } else {
                key = String(decoding: keyBytes, as: UTF8.self)
                if section == 1 { paths.append(key) }
            }
            var value = line[(keyEnd + 1)...]
            guard value.starts(with: ": ".utf8) else { return nil }
            value = value.dropFirst(2)
            while let last = value.last, last == UInt8(ascii: ",") || last == UInt8(ascii: "}") { value = value.dropLast() }
            if section == 1 {
                guard value.count >= 2, value.first == quote, value.last == quote else { return nil }
                fingerprints[key] = String(decoding: value.dropFirst().dropLast(), as: UTF8.self)
            } else {
                guard !value.isEmpty, value.count < 19 else { return nil }
                var size: Int64 = 0
                for digit in value {
                    guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
                    size = size * 10 + Int64(digit - UInt8(ascii: "0"))
                }
                sizes[key] = size
            }
        }
        return section == 2 ? (fingerprints, sizes, tool) : nil
    }

    /// The manifest of a new build: each fingerprinted file's fingerprint and size, by path
    /// in the order of their UTF-8 bytes. Written as bytes directly, one path per line (the
    /// JSON of a value tree of thousands of pages took a rebuild's last 10 ms, when nothing
    /// else is left to do).
    static func manifest(_ fingerprints: [String: String], sizes: [String: Int64]) -> [UInt8] {
        let paths = fingerprints.keys.map { (path: $0, utf8: Array($0.utf8)) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 + paths.count * 160)
        func string(_ text: String) { JSONWriter.writeString(text, to: &bytes) }
        bytes.append(contentsOf: "{\"version\": 2, \"tool\": ".utf8)
        string(PageFingerprint.toolDigest)
        bytes.append(contentsOf: ",\n\"pages\": {".utf8)
        for (index, path) in paths.enumerated() {
            bytes.append(contentsOf: index == 0 ? "\n".utf8 : ",\n".utf8)
            string(path.path)
            bytes.append(contentsOf: ": ".utf8)
            string(fingerprints[path.path] ?? "")
        }
        bytes.append(contentsOf: "},\n\"sizes\": {".utf8)
        var first = true
        for path in paths {
            guard let size = sizes[path.path] else { continue }
            bytes.append(contentsOf: first ? "\n".utf8 : ",\n".utf8)
            string(path.path)
            bytes.append(contentsOf: ": ".utf8)
            bytes.append(contentsOf: String(size).utf8)
            first = false
        }
        bytes.append(contentsOf: "}}\n".utf8)
        return bytes
    }
}
