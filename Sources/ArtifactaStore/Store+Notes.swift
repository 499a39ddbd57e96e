import ArtifactaCore
import Foundation
import GRDB

extension Store {
    /// Creates a project note; each attachment file is copied into the store under its file name.
    public func createNote(
        project: String, title: String, markdown: String, attachments: [URL] = [], at time: Date = Date()
    ) throws -> Note {
        do throws(ValidationError) {
            try NameRules.validate(project, as: "project")
            try NameRules.validate(title, as: "note title")
        } catch { throw StoreError.invalid(error) }
        let stored = try storeAttachments(attachments)
        let markdown = Self.storable(markdown)
        let id = try write("creating note \(title)") { db in
            let projectID = try Self.projectID(named: project, in: db, at: time)
            try db.execute(
                sql: "INSERT INTO notes (project_id, title, markdown, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [projectID, title, markdown, time.storeTime, time.storeTime])
            let id = db.lastInsertedRowID
            try Self.attach(stored, to: id, in: db)
            return id
        }
        guard let note = try note(id: id) else { throw StoreError.unknownNote(id) }
        return note
    }

    /// Changes a note's title and Markdown; each attachment given is added, replacing one of the same name.
    public func updateNote(id: Int64, title: String, markdown: String, attachments: [URL] = [], at time: Date = Date()) throws -> Note {
        do throws(ValidationError) { try NameRules.validate(title, as: "note title") } catch { throw StoreError.invalid(error) }
        guard try note(id: id) != nil else { throw StoreError.unknownNote(id) }
        let stored = try storeAttachments(attachments)
        let markdown = Self.storable(markdown)
        try write("updating note \(id)") { db in
            try db.execute(
                sql: "UPDATE notes SET title = ?, markdown = ?, updated_at = ? WHERE id = ?", arguments: [title, markdown, time.storeTime, id])
            if db.changesCount == 0 { throw StoreError.unknownNote(id) }
            try Self.attach(stored, to: id, in: db)
        }
        guard let note = try note(id: id) else { throw StoreError.unknownNote(id) }
        return note
    }

    /// One note, or nil when unknown.
    public func note(id: Int64) throws -> Note? {
        try notes(where: "notes.id = ?", arguments: [id]).first
    }

    /// SQLite text bound from Swift ends at a NUL; Markdown shows NUL as U+FFFD anyway (CommonMark).
    private static func storable(_ markdown: String) -> String {
        markdown.contains("\0") ? markdown.replacingOccurrences(of: "\0", with: "\u{FFFD}") : markdown
    }

    /// Copies attachment files into the blobs, named by their safe file names. Every file is
    /// checked before any is copied, so a refused note leaves no blob behind.
    private func storeAttachments(_ files: [URL]) throws -> [NoteAttachment] {
        var names: [String] = []
        for url in files {
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
        for (url, name) in zip(files, names) {
            let blob = try blobs.put(fileAt: url)
            stored.append(NoteAttachment(name: name, hash: blob.hash, sizeBytes: blob.sizeBytes, mediaType: MediaType.forFileName(name)))
        }
        return stored
    }

    private static func attach(_ attachments: [NoteAttachment], to id: Int64, in db: Database) throws {
        for attachment in attachments {
            try db.execute(
                sql: """
                    INSERT INTO note_attachments (note_id, name, hash, size_bytes, media_type) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(note_id, name) DO UPDATE SET hash = excluded.hash, size_bytes = excluded.size_bytes, media_type = excluded.media_type
                    """,
                arguments: [id, attachment.name, attachment.hash, attachment.sizeBytes, attachment.mediaType])
        }
    }

    /// A project's notes in creation order, or every note when `project` is nil.
    public func notes(project: String? = nil) throws -> [Note] {
        if let project { return try notes(where: "projects.name = ?", arguments: [project]) }
        return try notes(where: nil, arguments: [])
    }

    private func notes(where condition: String?, arguments: StatementArguments) throws -> [Note] {
        try read("reading notes") { db in
            var sql = "SELECT notes.*, projects.name AS project_name FROM notes JOIN projects ON projects.id = notes.project_id"
            if let condition { sql += " WHERE " + condition }
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
