import ArtifactaCharts
import ArtifactaCore
import ArtifactaStore
import Foundation

/// The note editor that `artifacta ui` serves at `/edit-note`, and its live preview: the
/// Markdown rendered exactly as the Notebooks pages render it.
public enum NoteEditor {
    struct AttachmentRow: Sendable {
        var name: String
        var size: String
    }

    struct Model {
        var page: PageContext
        var site: SiteContext
        var heading: String
        var noteID: String
        var title: String
        var markdown: String
        var attachments: [AttachmentRow]
        var previewHTML: String
        var backHref: String
    }

    /// The page's Content-Security-Policy: the site's, plus requests to the server (preview,
    /// save) and previews of files chosen but not saved yet.
    public static let contentSecurityPolicy = PageContext.contentSecurityPolicy
        .replacingOccurrences(of: "default-src 'none';", with: "default-src 'none'; connect-src 'self';")
        .replacingOccurrences(of: "img-src 'self' data:", with: "img-src 'self' data: blob:")
        .replacingOccurrences(of: "media-src 'self'", with: "media-src 'self' blob:")
        .replacingOccurrences(of: "object-src 'self'", with: "object-src 'self' blob:")

    /// The editor for `note`, or for a new note of `project`.
    public static func page(project: String, note: Note?, projects: [String], siteTitle: String, blobs: BlobStore) throws -> String {
        let path = "edit-note.html"
        let paths = SitePaths(projects: projects.contains(project) ? projects : projects + [project])
        var page = PageContext.project(project, title: note.map { "Edit \($0.title)" } ?? "New note", path: path, kind: "notebooks", paths: paths)
        page.csp = contentSecurityPolicy
        let model = Model(
            page: page, site: SiteContext(title: siteTitle, version: SiteBuilder.version), heading: note == nil ? "New note" : "Edit note",
            noteID: note.map { String($0.id) } ?? "", title: note?.title ?? "", markdown: note?.markdown ?? "",
            attachments: (note?.attachments ?? []).map { AttachmentRow(name: $0.name, size: NumberText.bytes($0.sizeBytes)) },
            previewHTML: preview(markdown: note?.markdown ?? "", attachments: note?.attachments ?? [], blobs: blobs, noteID: note?.id).html,
            backHref: paths.projectPage(project, "notebooks.html"))
        return try TemplateRenderer().renderText(model, template: "note-editor")
    }

    /// Markdown rendered as on the Notebooks pages; a saved attachment links to the API's copy.
    public static func preview(markdown: String, attachments: [NoteAttachment], blobs: BlobStore, noteID: Int64?) -> (html: String, warnings: [String]) {
        let document = NotebookDocument(
            title: "", markdown: markdown, updated: Date(), origin: .note(attachments: attachments), source: "preview", noteID: noteID)
        let output = MarkdownRenderer().render(markdown) { link, isImage in
            guard !link.contains("://"), !link.hasPrefix("#"), let noteID, let found = document.attachment(for: link, blobs: blobs) else { return .keep }
            let href = "api/notes/\(noteID)/attachments?name=" + (found.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            if isImage, FilePreview.isInlinePreview(found.mediaType) {
                return .html(FilePreview.html(name: found.name, mediaType: found.mediaType, size: 0, content: found.content, href: href))
            }
            return .url(href)
        }
        return (output.html, output.diagnostics)
    }
}
