import Testing

@testable import ArtifactaSite

@Suite("Site output")
struct SiteOutputTests {
    @Test(arguments: [
        ("p/w1/index.html", true), (".artifacta-manifest.json", true), ("files/ab-c...d", true), ("...", true), ("a/.b/c", true),
        ("", false), ("/etc/passwd", false), ("a//b", false), ("a/b/", false), ("../x", false), ("a/../b", false), ("a/./b", false),
        (".", false), ("..", false), ("a\\b", false), ("a\u{0}b", false),
    ])
    func `only plain relative paths are written`(path: String, safe: Bool) {
        #expect(SiteOutput.isSafeRelativePath(path) == safe, "\(path)")
    }
}
