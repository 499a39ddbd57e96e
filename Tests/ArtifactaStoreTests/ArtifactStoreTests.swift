import Artifacta
import Foundation
import Testing

@Suite struct ArtifactStoreTests {
    @Test func `a file artifact's content is copied into the blobs`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        let run = try store.createRun(try RunStart(project: "p", name: "n"))
        let file = fixture.folder.path("model.pt")
        try Data("weights".utf8).write(to: file)
        let artifact = try store.logArtifact(runID: run.id, name: "model.pt", path: file, metadata: ["framework": "PyTorch"])
        try FileManager.default.removeItem(at: file)
        #expect(artifact.kind == .file)
        #expect(artifact.hash == SHA256.hex(of: Array("weights".utf8)))
        #expect(artifact.sizeBytes == 7)
        #expect(artifact.sourcePath == file.path)
        #expect(try store.blobs.data(for: artifact.hash) == Data("weights".utf8))
        #expect(try store.artifacts(runID: run.id).first?.metadata == ["framework": "PyTorch"])
    }

    @Test func `equal content is stored once`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        let run = try store.createRun(try RunStart(project: "p", name: "n"))
        for name in ["a.txt", "b.txt"] {
            try Data("same bytes".utf8).write(to: fixture.folder.path(name))
            _ = try store.logArtifact(runID: run.id, name: name, path: fixture.folder.path(name))
        }
        let hash = SHA256.hex(of: Array("same bytes".utf8))
        let folder = store.blobs.directory.appendingPathComponent(String(hash.prefix(2)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [hash])
        #expect(try store.artifacts(runID: run.id).count == 2)
    }

    @Test func `a directory artifact keeps its tree and skips symbolic links`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        let run = try store.createRun(try RunStart(project: "p", name: "n"))
        let source = fixture.folder.path("src")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("pkg/sub"), withIntermediateDirectories: true)
        try Data("print(1)".utf8).write(to: source.appendingPathComponent("train.py"))
        try Data("x = 2".utf8).write(to: source.appendingPathComponent("pkg/sub/util.py"))
        try Data("secret".utf8).write(to: fixture.folder.path("secret.txt"))
        try FileManager.default.createSymbolicLink(at: source.appendingPathComponent("leak.txt"), withDestinationURL: fixture.folder.path("secret.txt"))
        try FileManager.default.createSymbolicLink(at: source.appendingPathComponent("up"), withDestinationURL: fixture.folder.url)
        let artifact = try store.logArtifact(runID: run.id, name: "training_code", path: source, role: .input)
        #expect(artifact.kind == .directory)
        #expect(artifact.role == .input)
        #expect(artifact.files.map(\.path) == ["pkg/sub/util.py", "train.py"])
        #expect(artifact.sizeBytes == 13)
        let manifest = artifact.files.map { "\($0.hash)  \($0.sizeBytes)  \($0.path)\n" }.joined()
        #expect(artifact.hash == SHA256.hex(of: Array(manifest.utf8)))
    }

    @Test func `a missing artifact path is an error that stores nothing`() throws {
        let fixture = StoreFixture()
        let store = try fixture.open()
        let run = try store.createRun(try RunStart(project: "p", name: "n"))
        let before = try fixture.snapshot()
        #expect(throws: StoreError.unreadableFile(path: "/no/such/model.pt", reason: "no such file or directory")) {
            try store.logArtifact(runID: run.id, name: "model.pt", path: URL(fileURLWithPath: "/no/such/model.pt"))
        }
        #expect(try store.artifacts(runID: run.id).isEmpty)
        #expect(try fixture.snapshot() == before)
    }

    @Test func `a registered artifact keeps its path as provenance and reads nothing`() throws {
        let store = try StoreFixture().open()
        _ = try store.createRun(try RunStart(id: "my-run-123", project: "p", name: "n"))
        let registration = try ArtifactRegistration(json: try JSONParser.parse(
            #"{"run_id": "my-run-123", "name": "model.pt", "hash": "abcd1234", "storage_path": "/etc/passwd", "size_bytes": 1024, "metadata": {"framework": "PyTorch"}, "role": "output"}"#))
        let artifact = try store.registerArtifact(registration)
        #expect(artifact.kind == .reference)
        #expect(artifact.files.isEmpty)
        #expect(artifact.sourcePath == "/etc/passwd")
        #expect(!store.blobs.contains(artifact.hash))
    }

    @Test(arguments: ["../../etc/passwd", "/etc/passwd", "ab/cd"])
    func `blob lookups never leave the blob folder`(hash: String) throws {
        let store = try StoreFixture().open()
        #expect(!store.blobs.contains(hash))
        #expect(throws: StoreError.missingBlob(hash: hash)) { try store.blobs.data(for: hash) }
    }
}
