import ArtifactaCore
import ArtifactaStore
import Foundation

/// One Markdown document of the Notebooks pages: a note from the store or a file from the
/// notebooks folder, with a way to find the files it links to.
struct NotebookDocument: Sendable {
    enum Origin: Sendable {
        /// A store note; attachments are blobs named in the note.
        case note(attachments: [NoteAttachment])
        /// A Markdown file; links resolve next to it, inside `root` only.
        case file(url: URL, root: URL)
    }

    var title: String
    var markdown: String
    var updated: Date
    var origin: Origin
    /// Where the document came from, for diagnostics and the page.
    var source: String
    /// The store note's id, which the live site's editor opens; nil for files.
    var noteID: Int64?

    /// A file the document links to: where its bytes are, its hash, name and media type.
    struct Attachment: Sendable {
        var content: URL
        var hash: String
        var name: String
        var mediaType: String
    }

    /// The attachment a relative link names, or nil when there is none (or it lies outside the folder).
    func attachment(for link: String, blobs: BlobStore) -> Attachment? {
        let path = (link.removingPercentEncoding ?? link).split(separator: "#").first.map(String.init) ?? ""
        guard !path.isEmpty, !path.hasPrefix("/") else { return nil }
        switch origin {
        case .note(let attachments):
            let name = (path as NSString).lastPathComponent
            guard let found = attachments.first(where: { $0.name == path || $0.name == name }), blobs.contains(found.hash) else { return nil }
            return Attachment(content: blobs.url(for: found.hash), hash: found.hash, name: found.name, mediaType: found.mediaType)
        case .file(let url, let root):
            let target = url.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath()
            let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path + "/"
            var isDirectory: ObjCBool = false
            guard target.path.hasPrefix(rootPath), FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory),
                !isDirectory.boolValue, let data = FileManager.default.contents(atPath: target.path)
            else { return nil }
            return Attachment(
                content: target, hash: SHA256.hex(of: data), name: target.lastPathComponent,
                mediaType: MediaType.forFileName(target.lastPathComponent))
        }
    }
}

/// Finds the notebooks of the site: store notes per project and Markdown files in the
/// notebooks folder (`<folder>/<project>/*.md` for a project, `<folder>/*.md` for the site).
enum NotebookSource {
    static func documents(from notes: [Note]) -> [NotebookDocument] {
        notes.map { note in
            NotebookDocument(
                title: note.title, markdown: note.markdown, updated: note.updatedAt, origin: .note(attachments: note.attachments),
                source: "note \(note.id)", noteID: note.id)
        }
    }

    /// Markdown files directly inside `folder`, sorted by name; a file (or a folder) that is a
    /// link leading out of `root` is not read.
    static func documents(in folder: URL, root: URL) -> [NotebookDocument] {
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".md") }.sorted().compactMap { name in
            let url = folder.appendingPathComponent(name)
            guard url.standardizedFileURL.resolvingSymlinksInPath().path.hasPrefix(rootPath), let data = FileManager.default.contents(atPath: url.path) else { return nil }
            let markdown = String(decoding: data, as: UTF8.self)
            let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
            return NotebookDocument(
                title: title(of: markdown) ?? String(name.dropLast(3)), markdown: markdown, updated: modified,
                origin: .file(url: url, root: root), source: url.path)
        }
    }

    /// The folder of a project's notebooks, `<folder>/<project>`, or nil when the project's
    /// name is not one plain folder name (`..`, `a/b`): such a name must not reach outside.
    static func projectFolder(_ project: String, in folder: URL) -> URL? {
        guard project != ".", project != "..", !project.contains("/"), !project.contains("\0") else { return nil }
        return folder.appendingPathComponent(project)
    }

    /// The text of the first `# ` heading.
    static func title(of markdown: String) -> String? {
        for line in markdown.split(separator: "\n") where line.hasPrefix("# ") {
            let title = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
            if !title.isEmpty { return title }
        }
        return nil
    }
}
