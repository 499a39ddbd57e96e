import ArtifactaCore
import Foundation
import HTTPTypes
import Testing

/// Notes written and edited in the browser: the editor page, its live preview, saving.
@Suite struct NoteEditingTests {
    static let note = ##"""
        {"project": "p", "title": "Findings", "markdown": "# Result\n\nLoss is $\\frac{1}{n}$.\n\n![plot](plot.png)",
         "attachments": [{"name": "plot.png", "content_base64": "iVBORw0K"}]}
        """##

    @Test func `the preview renders Markdown and math as the site does, attachments through the API`() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client in
            let id = try #require(try await client.send(.post, "/api/notes", json: Self.note).json["id"]?.integer)
            let preview = try await client.send(.post, "/api/notes/preview", json: ##"{"markdown": "# Hi $x^2$ ![plot](plot.png) <script>alert(1)</script>", "note_id": \##(id)}"##)
            #expect(preview.status == .ok)
            let html = try #require(preview.json["html"].flatMap { if case .string(let text) = $0 { text } else { nil } })
            #expect(html.contains("<msup>"))
            #expect(html.contains("<img src=\"api/notes/\(id)/attachments?name=plot%2Epng\""))
            #expect(!html.contains("<script>"))
            let bad = try await client.send(.post, "/api/notes/preview", json: #"{"text": "x"}"#)
            #expect(bad.status == .badRequest)
        }
    }

    @Test func `saving changes a note's text and adds attachments, keeping the others`() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client in
            let id = try #require(try await client.send(.post, "/api/notes", json: Self.note).json["id"]?.integer)
            let saved = try await client.send(
                .put, "/api/notes/\(id)",
                json: #"{"title": "Findings v2", "markdown": "New text", "attachments": [{"name": "data.csv", "content_base64": "YSxiCjEsMgo="}]}"#)
            #expect(saved.status == .ok, "\(saved.text)")
            #expect(saved.json["title"] == "Findings v2")
            #expect(saved.json["attachments"]?.arrayElements.map { $0["name"] } == ["data.csv", "plot.png"])
            #expect(try fixture.store.note(id: Int64(id))?.markdown == "New text")
            let missing = try await client.send(.put, "/api/notes/999", json: #"{"title": "x", "markdown": ""}"#)
            #expect(missing.status == .notFound)
            let untitled = try await client.send(.put, "/api/notes/\(id)", json: #"{"title": "", "markdown": ""}"#)
            #expect(untitled.status == .badRequest)
            #expect(try fixture.store.note(id: Int64(id))?.title == "Findings v2", "a rejected save changes nothing")
        }
    }

    @Test func `the editor page opens a note or a new note of a project`() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client in
            let id = try #require(try await client.send(.post, "/api/notes", json: Self.note).json["id"]?.integer)
            let page = try await client.send(.get, "/edit-note?id=\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("id=\"note-editor\""))
            #expect(page.text.contains("value=\"Findings\""))
            #expect(page.text.contains("assets/note-editor.js"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("connect-src 'self'") == true)
            let fresh = try await client.send(.get, "/edit-note?project=p")
            #expect(fresh.text.contains("New note"))
            #expect(try await client.send(.get, "/edit-note").status == .badRequest)
            #expect(try await client.send(.get, "/edit-note?id=999").status == .notFound)
        }
    }
}
