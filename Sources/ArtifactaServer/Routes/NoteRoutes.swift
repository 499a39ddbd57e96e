import ArtifactaCore
import ArtifactaStore
import Foundation
import ArtifactaSite
import Hummingbird

/// Project notes: Markdown documents with attached files.
enum NoteRoutes {
    static func add<Context: RequestContext>(to table: RouteTable<Context>, _ dependencies: ServerDependencies) {
        let store = dependencies.store
        let limit = dependencies.configuration.maxJSONBytes

        table.add(.get, "/api/notes") { request, _ in
            let project = QueryParameters(request).string("project")
            let notes = try await store.run { try $0.notes(project: project) }
            return JSONResponse.make(["notes": .array(notes.map(\.json))])
        }

        table.add(.post, "/api/notes") { request, _ in
            let draft = try NoteDraft(json: try await RequestJSON.read(request, limit: limit))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("artifacta-note-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let files = try draft.writeAttachments(to: folder)
            let note = try await store.run {
                try $0.createNote(project: draft.project, title: draft.title, markdown: draft.markdown, attachments: files)
            }
            return JSONResponse.make(note.json, status: .created)
        }

        table.add(.put, "/api/notes/{note_id}") { request, context in
            let id = try noteID(context)
            let draft = try NoteDraft(json: try await RequestJSON.read(request, limit: limit))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("artifacta-note-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let files = try draft.writeAttachments(to: folder)
            let note = try await store.run {
                try $0.updateNote(id: id, title: draft.title, markdown: draft.markdown, attachments: files)
            }
            return JSONResponse.make(note.json)
        }

        table.add(.post, "/api/notes/preview") { request, _ in
            let body = try await RequestJSON.read(request, limit: limit)
            guard case .string(let markdown)? = body["markdown"] else { throw APIError(.badRequest, "missing field \"markdown\"") }
            let noteID: Int64? = if case .number(let number)? = body["note_id"] { Int64(exactly: number) } else { nil }
            let rendered = try await store.run { store -> (html: String, warnings: [String]) in
                let attachments = try noteID.flatMap { try store.note(id: $0) }?.attachments ?? []
                return NoteEditor.preview(markdown: markdown, attachments: attachments, blobs: store.blobs, noteID: noteID)
            }
            return JSONResponse.make(["html": .string(rendered.html), "warnings": .array(rendered.warnings.map(JSONValue.string))])
        }

        table.add(.get, "/edit-note") { request, _ in
            let query = QueryParameters(request)
            let title = dependencies.configuration.siteTitle
            let html = try await store.run { store -> String in
                var note: Note?
                if let text = query.string("id") {
                    guard let id = Int64(text), let found = try store.note(id: id) else { throw StoreError.unknownNote(Int64(text) ?? -1) }
                    note = found
                }
                guard let project = note?.project ?? query.string("project"), !project.isEmpty else {
                    throw APIError(.badRequest, "say which note (?id=) or which project (?project=) to write in")
                }
                return try NoteEditor.page(
                    project: project, note: note, projects: try store.projects().map(\.name), siteTitle: title, blobs: store.blobs)
            }
            var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"]
            headers[.contentSecurityPolicy] = NoteEditor.contentSecurityPolicy
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        }

        table.add(.get, "/api/notes/{note_id}/attachments") { request, context in
            let id = try noteID(context)
            let name = try QueryParameters(request).requiredString("name")
            let attachment = try await store.run { store in
                guard let note = try store.note(id: id) else { throw StoreError.unknownNote(id) }
                guard let attachment = note.attachments.first(where: { $0.name == name }) else {
                    throw APIError(.notFound, "note \(id) has no attachment \(NameRules.quoted(name))")
                }
                return attachment
            }
            return try await Download.blob(
                attachment.hash, name: attachment.name, mediaType: attachment.mediaType, store: store, context: context)
        }
    }

    private static func noteID(_ context: some RequestContext) throws -> Int64 {
        let text = try context.parameters.require("note_id")
        guard let id = Int64(text) else { throw APIError(.notFound, "no note with id \(NameRules.quoted(text))") }
        return id
    }
}
