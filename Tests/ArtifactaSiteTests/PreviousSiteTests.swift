@testable import ArtifactaSite
import Foundation
import Testing

@Suite struct PreviousSiteTests {
    @Test func `a manifest reads back as written: fingerprints, sizes and the tool`() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("previous-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fingerprints = ["p/a/index.html": "f1", "p/a/runs/\"quoted\"\\.html": "f2", "p/ü/ñ.html": "f3", "assets/x.css": "f4"]
        let sizes: [String: Int64] = ["p/a/index.html": 12, "p/ü/ñ.html": 5_000_000_000]
        try PreviousSite.manifest(fingerprints, sizes: sizes).write(to: folder.appendingPathComponent(PreviousSite.manifestName))
        let previous = PreviousSite(folder: folder)
        #expect(previous.fingerprints == fingerprints)
        #expect(previous.sizes == sizes)
        #expect(previous.tool == PageFingerprint.toolDigest)
    }
}
