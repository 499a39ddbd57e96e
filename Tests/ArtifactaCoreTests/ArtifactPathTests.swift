import ArtifactaCore
import Testing

@Suite struct ArtifactPathTests {
    @Test(arguments: [
        ("model.pt", "model.pt"), ("a:b*c?.txt", "a_b_c_.txt"), ("..hidden", "hidden"), ("", "file"), ("...", "file"),
        ("tab\there", "tab_here"), ("ünïcode.csv", "ünïcode.csv"), ("back\\slash<>|\"", "back_slash____"),
        (String(repeating: "a", count: 130), String(repeating: "a", count: 120)),
    ])
    func `a file name is made safe to store and serve`(name: String, safe: String) {
        #expect(ArtifactPath.safeFileName(name) == safe)
    }
}
