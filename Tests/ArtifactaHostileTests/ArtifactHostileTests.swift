import Artifacta
import ArtifactaCore
import Foundation
import Testing

/// Hostile artifact and attachment files: traversal in names, symbolic links out of the
/// folder and in loops, absolute and missing paths, control characters in file names.
@Suite struct ArtifactHostileTests {
    static func started(_ fixture: HostileStoreFixture) throws -> ActiveRun {
        try ActiveRun.start(project: "p", name: "r", store: fixture.location, captureEnvironment: false)
    }

    @Test(arguments: ["../../etc/passwd", "/etc/passwd", "..", "a/../../b", "C:\\Windows\\x", "<script>alert(1)</script>"])
    func `a traversal in an artifact name is only a name`(_ name: String) throws {
        let fixture = HostileStoreFixture()
        let run = try Self.started(fixture)
        let file = fixture.folder.path("model.bin")
        try Data("weights".utf8).write(to: file)
        let artifact = try run.logArtifact(name, path: file.path)
        #expect(artifact.name == name)
        #expect(artifact.files.map(\.path) == ["model.bin"])
        try run.finish()
        let before = fixture.filesOutsideStoreAndSite()
        try fixture.build()
        #expect(fixture.filesOutsideStoreAndSite() == before)
        #expect(try fixture.unsafeMarkup() == [])
    }

    @Test func `links inside a directory artifact are neither followed nor stored`() throws {
        let fixture = HostileStoreFixture()
        let run = try Self.started(fixture)
        let folder = fixture.folder.path("checkpoint")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("w".utf8).write(to: folder.appendingPathComponent("sub/weights.bin"))
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("passwd").path, withDestinationPath: "/etc/passwd")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("up").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("sub/loop").path, withDestinationPath: "../sub")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("self").path, withDestinationPath: "self")
        let artifact = try run.logArtifact("checkpoint", path: folder.path)
        #expect(artifact.files.map(\.path) == ["sub/weights.bin"])
        try run.finish()
        try fixture.build()
        #expect(try fixture.unsafeMarkup() == [])
    }

    @Test(arguments: ["/no/such/file", "", "relative/missing", "/dev/null/x"])
    func `a path that holds no file is a clear error and stores nothing`(_ path: String) throws {
        let fixture = HostileStoreFixture()
        let run = try Self.started(fixture)
        let before = try fixture.state()
        #expect(throws: StoreError.self) { try run.logArtifact("m", path: path) }
        #expect(try fixture.state() == before)
        try run.finish()
    }

    @Test(arguments: ["", "a\u{0}b", "line\nbreak", String(repeating: "x", count: 300)])
    func `a bad artifact name is refused and stores nothing`(_ name: String) throws {
        let fixture = HostileStoreFixture()
        let run = try Self.started(fixture)
        let file = fixture.folder.path("f.txt")
        try Data("x".utf8).write(to: file)
        let before = try fixture.state()
        #expect(throws: StoreError.self) { try run.logArtifact(name, path: file.path) }
        #expect(try fixture.state() == before)
        try run.finish()
    }

    @Test func `a directory holding a file whose name has a control character is refused with no blob written`() throws {
        let fixture = HostileStoreFixture()
        let run = try Self.started(fixture)
        let folder = fixture.folder.path("data")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["a.txt", "b.txt", "c\u{1}d.txt", "e.txt", "z.txt"] {
            try Data("content of \(name)".utf8).write(to: folder.appendingPathComponent(name))
        }
        let before = try fixture.state()
        #expect(throws: StoreError.self) { try run.logArtifact("data", path: folder.path) }
        #expect(try fixture.state() == before)
        try run.finish()
    }

    @Test func `a single file whose name has a control character is refused like one inside a directory`() throws {
        let fixture = HostileStoreFixture()
        let run = try Self.started(fixture)
        let file = fixture.folder.path("bad\nname.txt")
        try Data("x".utf8).write(to: file)
        let before = try fixture.state()
        #expect(throws: StoreError.self) { try run.logArtifact("m", path: file.path) }
        #expect(try fixture.state() == before)
        try run.finish()
    }

    @Test func `a note whose attachments clash or are missing stores nothing`() throws {
        let fixture = HostileStoreFixture()
        let run = try Self.started(fixture)
        let one = fixture.folder.path("one")
        let two = fixture.folder.path("two")
        for folder in [one, two] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try Data("1".utf8).write(to: one.appendingPathComponent("plot.png"))
        try Data("2".utf8).write(to: two.appendingPathComponent("plot.png"))
        let before = try fixture.state()
        #expect(throws: StoreError.self) {
            try run.createNote(title: "n", markdown: "x", attachments: [one.appendingPathComponent("plot.png").path, two.appendingPathComponent("plot.png").path])
        }
        #expect(throws: StoreError.self) {
            try run.createNote(title: "n", markdown: "x", attachments: [one.appendingPathComponent("plot.png").path, "/no/such/attachment"])
        }
        #expect(throws: StoreError.self) { try run.createNote(title: "", markdown: "x") }
        #expect(throws: StoreError.self) { try run.createNote(title: "a\u{0}", markdown: "x") }
        #expect(try fixture.state() == before)
        try run.finish()
    }

    @Test func `a note attachment named with a traversal is stored under a safe name`() throws {
        let fixture = HostileStoreFixture()
        let run = try Self.started(fixture)
        let folder = fixture.folder.path("..evil")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("..<img src=x onerror=alert(1)>.png")
        try Data("png".utf8).write(to: file)
        let note = try run.createNote(title: "n", markdown: "![x](../../..<img src=x onerror=alert(1)>.png)", attachments: [file.path])
        #expect(note.attachments.map(\.name) == ["_img src=x onerror=alert(1)_.png"])
        try run.finish()
        let before = fixture.filesOutsideStoreAndSite()
        try fixture.build()
        #expect(fixture.filesOutsideStoreAndSite() == before)
        #expect(try fixture.unsafeMarkup() == [])
    }
}
