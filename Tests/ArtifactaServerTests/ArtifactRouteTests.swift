import ArtifactaCore
import ArtifactaServer
import ArtifactaStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct ArtifactRouteTests {
    static func sha256(_ text: String) -> String {
        var hasher = SHA256()
        hasher.update(Array(text.utf8))
        return hasher.hexDigest()
    }

    static func registration(hash: String, size: Int = 0, path: String = "/path/to/model.pt") -> String {
        #"{"run_id": "r", "name": "model", "hash": "\#(hash)", "storage_path": "\#(path)", "size_bytes": \#(size)}"#
    }

    @Test func `uploaded content is checked against the registered hash, stored, and downloaded as an attachment`() async throws {
        let fixture = try ServerFixture()
        _ = try fixture.store.createRun(try RunStart(id: "r", project: "p", name: "r"))
        let content = "model weights"
        try await fixture.withClient { client in
            let registered = try await client.send(.post, "/api/artifacts", json: Self.registration(hash: Self.sha256(content), size: 13))
            let id = try #require(registered.json["id"].flatMap { if case .number(let n) = $0 { Int(n) } else { nil } })
            let uploaded = try await client.send(
                .put, "/api/artifacts/\(id)/content", body: ByteBuffer(string: content), headers: [.contentType: "application/octet-stream"])
            #expect(uploaded.status == .ok, "\(uploaded.text)")
            #expect(uploaded.json["kind"] == "file")
            #expect(uploaded.json["files"]?.arrayElements.first?["path"] == "model.pt")

            let download = try await client.send(.get, "/api/artifacts/\(id)/content")
            #expect(download.status == .ok)
            #expect(download.text == content)
            #expect(download.headers[.contentDisposition] == #"attachment; filename="model.pt"; filename*=UTF-8''model.pt"#)
            #expect(download.headers[.xContentTypeOptions] == "nosniff")

            let again = try await client.send(.put, "/api/artifacts/\(id)/content", body: ByteBuffer(string: content))
            #expect(again.status == .conflict)
            let listed = try await client.send(.get, "/api/runs/r/artifacts")
            #expect(listed.json["artifacts"]?.arrayCount == 1)
        }
    }

    @Test func `a directory registered with its files is one artifact, filled by one upload per file`() async throws {
        let fixture = try ServerFixture()
        _ = try fixture.store.createRun(try RunStart(id: "r", project: "p", name: "r"))
        let files = [("src/train.py", "print('train')\n"), ("README.md", "# code\n")]
        let declared = files.map { #"{"path": "\#($0.0)", "hash": "\#(Self.sha256($0.1))", "size_bytes": \#($0.1.utf8.count)}"# }
        try await fixture.withClient { client in
            let registered = try await client.send(
                .post, "/api/artifacts", json: #"{"run_id": "r", "name": "training_code", "files": [\#(declared.joined(separator: ", "))]}"#)
            #expect(registered.status == .created, "\(registered.text)")
            #expect(registered.json["kind"] == "directory")
            #expect(registered.json["files"]?.arrayCount == 2)
            let id = try #require(registered.json["id"].flatMap { if case .number(let n) = $0 { Int(n) } else { nil } })

            let wrong = try await client.send(.put, "/api/artifacts/\(id)/content?path=README.md", body: ByteBuffer(string: "other"))
            #expect(wrong.status == .badRequest)
            let unknown = try await client.send(.put, "/api/artifacts/\(id)/content?path=nope.txt", body: ByteBuffer(string: "x"))
            #expect(unknown.status == .notFound)
            let unnamed = try await client.send(.put, "/api/artifacts/\(id)/content", body: ByteBuffer(string: "x"))
            #expect(unnamed.status == .badRequest)
            for (path, content) in files {
                let uploaded = try await client.send(.put, "/api/artifacts/\(id)/content?path=\(path)", body: ByteBuffer(string: content))
                #expect(uploaded.status == .ok, "\(uploaded.text)")
            }
            let download = try await client.send(.get, "/api/artifacts/\(id)/content?path=src/train.py")
            #expect(download.text == files[0].1)
        }
        // The same directory logged locally gets the same hash (the manifest of docs/STORE.md).
        let artifact = try #require(try fixture.store.artifacts(runID: "r").first)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("artifacta-dir-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, content) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        let local = try fixture.store.logArtifact(runID: "r", name: "training_code", path: folder)
        #expect(local.hash == artifact.hash)
        #expect(local.files.map(\.path) == artifact.files.map(\.path))
    }

    @Test func `content whose hash or size differs from the registration is rejected and nothing is stored`() async throws {
        let fixture = try ServerFixture()
        _ = try fixture.store.createRun(try RunStart(id: "r", project: "p", name: "r"))
        let before = fixture.blobFiles()
        try await fixture.withClient { client in
            let byHash = try await client.send(.post, "/api/artifacts", json: Self.registration(hash: Self.sha256("other")))
            let hashID = try #require(byHash.json["id"]?.integer)
            let wrongHash = try await client.send(.put, "/api/artifacts/\(hashID)/content", body: ByteBuffer(string: "model"))
            #expect(wrongHash.status == .badRequest)
            #expect(wrongHash.errorMessage?.contains("not the registered hash") == true)

            let bySize = try await client.send(.post, "/api/artifacts", json: Self.registration(hash: "abcd1234", size: 99))
            let sizeID = try #require(bySize.json["id"]?.integer)
            let wrongSize = try await client.send(.put, "/api/artifacts/\(sizeID)/content", body: ByteBuffer(string: "model"))
            #expect(wrongSize.status == .badRequest)
            #expect(wrongSize.errorMessage == "the content is 5 bytes, not the registered size_bytes 99; nothing was stored")
            #expect(try await client.send(.get, "/api/artifacts/\(sizeID)").json["kind"] == "reference")
        }
        #expect(fixture.blobFiles() == before)
    }

    @Test func `an upload over the limit is 413 and leaves no blob or temporary file`() async throws {
        let fixture = try ServerFixture { $0.maxUploadBytes = 1_024 }
        _ = try fixture.store.createRun(try RunStart(id: "r", project: "p", name: "r"))
        let before = fixture.blobFiles()
        try await fixture.withClient { client in
            let registered = try await client.send(.post, "/api/artifacts", json: Self.registration(hash: "abcd1234"))
            let id = try #require(registered.json["id"]?.integer)
            let response = try await client.send(.put, "/api/artifacts/\(id)/content", body: ByteBuffer(repeating: 7, count: 5_000))
            #expect(response.status == .contentTooLarge)
            #expect(response.errorMessage == "the upload is larger than the server's limit of 1 KiB")
        }
        #expect(fixture.blobFiles() == before)
    }

    @Test func `a registered storage path is never read: the content of a reference is 404`() async throws {
        let fixture = try ServerFixture()
        _ = try fixture.store.createRun(try RunStart(id: "r", project: "p", name: "r"))
        try await fixture.withClient { client in
            let registered = try await client.send(.post, "/api/artifacts", json: Self.registration(hash: "abcd1234", path: "/etc/passwd"))
            let id = try #require(registered.json["id"]?.integer)
            let response = try await client.send(.get, "/api/artifacts/\(id)/content")
            #expect(response.status == .notFound)
            #expect(!response.text.contains("root:"))
            #expect(try await client.send(.get, "/api/artifacts/\(id)/content?path=/etc/passwd").status == .notFound)
            #expect(try await client.send(.get, "/api/artifacts/999/content").status == .notFound)
        }
    }

    @Test func `a note with an attachment is written, listed and its attachment downloaded`() async throws {
        let fixture = try ServerFixture()
        let note = #"""
            {"project": "p", "title": "Findings", "markdown": "See ![plot](plot.png)",
             "attachments": [{"name": "plot.png", "content_base64": "iVBORw0K"}]}
            """#
        try await fixture.withClient { client in
            let created = try await client.send(.post, "/api/notes", json: note)
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created.json["id"]?.integer)
            #expect(created.json["attachments"]?.arrayElements.first?["media_type"] == "image/png")
            let listed = try await client.send(.get, "/api/notes?project=p")
            #expect(listed.json["notes"]?.arrayElements.first?["title"] == "Findings")
            let attachment = try await client.send(.get, "/api/notes/\(id)/attachments?name=plot.png")
            #expect(attachment.status == .ok)
            #expect(Array(attachment.body.readableBytesView) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A])
            #expect(attachment.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(try await client.send(.get, "/api/notes/\(id)/attachments?name=../../etc/passwd").status == .notFound)
            let untitled = try await client.send(.post, "/api/notes", json: #"{"project": "p"}"#)
            #expect(untitled.status == .badRequest)
            #expect(untitled.errorMessage == #"missing field "title""#)
        }
    }
}

extension JSONValue {
    var integer: Int? {
        if case .number(let number) = self, number == number.rounded() { return Int(number) }
        return nil
    }
}
