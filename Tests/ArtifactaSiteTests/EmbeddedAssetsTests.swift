import ArtifactaAssets
import Foundation
import Testing

@Suite struct EmbeddedAssetsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func `every template file is embedded under its name`() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Templates").path)
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        #expect(Set(files) == Set(EmbeddedAssets.templates.keys))
        for name in files {
            let text = try String(contentsOf: Self.root.appendingPathComponent("Templates/\(name).mustache"), encoding: .utf8)
            #expect(EmbeddedAssets.templates[name] == text)
        }
    }

    @Test func `every site file is embedded`() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("site").path)
        #expect(Set(files) == Set(EmbeddedAssets.siteFiles.keys))
    }
}
