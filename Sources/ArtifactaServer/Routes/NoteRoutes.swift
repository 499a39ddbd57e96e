import ArtifactaCore
import ArtifactaStore
import Foundation
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

        table.add(.get, "/api/notes/{note_id}/attachments") { request, context in
            let text = try context.parameters.require("note_id")
            let name = try QueryParameters(request).requiredString("name")
            guard let id = Int64(text) else { throw APIError(.notFound, "no note with id \(NameRules.quoted(text))") }
            let attachment = try await store.run { store in
                guard let note = try store.notes().first(where: { $0.id == id }) else { throw StoreError.unknownNote(id) }
                guard let attachment = note.attachments.first(where: { $0.name == name }) else {
                    throw APIError(.notFound, "note \(id) has no attachment \(NameRules.quoted(name))")
                }
                return attachment
            }
            return try await Download.blob(
                attachment.hash, name: attachment.name, mediaType: attachment.mediaType, store: store, context: context)
        }
    }
}
