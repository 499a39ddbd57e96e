import ArtifactaCore
import Foundation
import GRDB

extension Store {
    /// Creates a project note; each attachment file is copied into the store under its file name.
    /// A NUL in the Markdown is stored as U+FFFD.
    public func createNote(
        project: String, title: String, markdown: String, attachments: [URL] = [], at time: Date = Date()
    ) throws -> Note {
        do throws(ValidationError) {
            try NameRules.validate(project, as: "project")
            try NameRules.validate(title, as: "note title")
        } catch { throw StoreError.invalid(error) }
        // Every attachment is checked before any is copied, so a refused note leaves no blob behind.
        var names: [String] = []
        for url in attachments {
            let name = ArtifactPath.safeFileName(url.lastPathComponent)
            if names.contains(name) {
                throw StoreError.invalid(ValidationError("two attachments are named \(NameRules.quoted(name))"))
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw StoreError.unreadableFile(path: url.path, reason: "no such file")
            }
            names.append(name)
        }
        var stored: [NoteAttachment] = []
        for (url, name) in zip(attachments, names) {
            let blob = try blobs.put(fileAt: url)
            stored.append(NoteAttachment(name: name, hash: blob.hash, sizeBytes: blob.sizeBytes, mediaType: MediaType.forFileName(name)))
        }
        // SQLite text bound from Swift ends at a NUL; Markdown shows NUL as U+FFFD anyway (CommonMark).
        let markdown = markdown.contains("\0") ? markdown.replacingOccurrences(of: "\0", with: "\u{FFFD}") : markdown
        let id = try write("creating note \(title)") { db in
            let projectID = try Self.projectID(named: project, in: db, at: time)
            try db.execute(
                sql: "INSERT INTO notes (project_id, title, markdown, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [projectID, title, markdown, time.storeTime, time.storeTime])
            let id = db.lastInsertedRowID
            for attachment in stored {
                try db.execute(
                    sql: "INSERT INTO note_attachments (note_id, name, hash, size_bytes, media_type) VALUES (?, ?, ?, ?, ?)",
                    arguments: [id, attachment.name, attachment.hash, attachment.sizeBytes, attachment.mediaType])
            }
            return id
        }
        guard let note = try notes(project: project).first(where: { $0.id == id }) else { throw StoreError.unknownNote(id) }
        return note
    }

    /// A project's notes in creation order, or every note when `project` is nil.
    public func notes(project: String? = nil) throws -> [Note] {
        try read("reading notes") { db in
            var sql = "SELECT notes.*, projects.name AS project_name FROM notes JOIN projects ON projects.id = notes.project_id"
            var arguments: StatementArguments = []
            if let project {
                sql += " WHERE projects.name = ?"
                arguments += [project]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY notes.id", arguments: arguments).map { row in
                let id: Int64 = row["id"]
                let attachments = try Row.fetchAll(
                    db, sql: "SELECT * FROM note_attachments WHERE note_id = ? ORDER BY name", arguments: [id]
                ).map { NoteAttachment(name: $0["name"], hash: $0["hash"], sizeBytes: $0["size_bytes"], mediaType: $0["media_type"]) }
                return Note(
                    id: id, project: row["project_name"], title: row["title"], markdown: row["markdown"], attachments: attachments,
                    createdAt: Date(storeTime: row["created_at"]), updatedAt: Date(storeTime: row["updated_at"]))
            }
        }
    }
}
