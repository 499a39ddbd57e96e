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
        try Data(PreviousSite.manifest(fingerprints, sizes: sizes)).write(to: folder.appendingPathComponent(PreviousSite.manifestName))
        let previous = PreviousSite(folder: folder)
        #expect(previous.fingerprints == fingerprints)
        #expect(previous.sizes == sizes)
        #expect(previous.tool == PageFingerprint.toolDigest)
    }

    @Test(arguments: [0, 1, 3, 2_000])
    func `a manifest without escapes is read line by line, as its JSON reads`(count: Int) throws {
        var fingerprints: [String: String] = [:], sizes: [String: Int64] = [:]
        for index in 0..<count {
            fingerprints["p/ü/runs/run-\(index).html"] = String(index * 7919, radix: 16)
            if index % 3 != 0 { sizes["p/ü/runs/run-\(index).html"] = Int64(index) * 1_000_003 }
        }
        let data = PreviousSite.manifest(fingerprints, sizes: sizes)
        let lines = try #require(PreviousSite.readLines([UInt8](data)))
        #expect(lines.fingerprints == fingerprints)
        #expect(lines.sizes == sizes)
        #expect(lines.tool == PageFingerprint.toolDigest)
        // Anything else is left to the JSON parser.
        #expect(PreviousSite.readLines(Array("{\"pages\": {\"a\": \"b\"}}".utf8)) == nil)
        #expect(PreviousSite.readLines([UInt8](data).dropLast(3) + Array("x}}\n".utf8)) == nil, "a damaged last line")
    }
}
