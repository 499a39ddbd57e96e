import ArtifactaCore
import ArtifactaStore
import Foundation

/// The Notebooks pages: a list per project (or for the whole site) and one page per document,
/// rendered from Markdown with math, with the files it links to copied into the site.
struct NotebookPages {
    struct Item: Sendable {
        var title: String
        var href: String
        var updated: String
        var source: String
    }

    struct ListModel {
        var page: PageContext
        var site: SiteContext
        var notebooks: [Item]
        var hasNotebooks: Bool
        var folderHint: String
        /// The live site's editor for a new note of the project.
        var newHref: String?
    }

    struct DocumentModel {
        var page: PageContext
        var site: SiteContext
        var title: String
        var updated: String
        var source: String
        var html: String
        /// The live site's editor for this note (store notes only).
        var editHref: String?
    }

    struct Output {
        var pages: [RenderedPage] = []
        var copies: [ArtifactPages.CopiedFile] = []
        var diagnostics: [Diagnostic] = []
    }

    /// - Parameters:
    ///   - project: the project, or nil for the site-wide notebooks.
    static func render(
        _ documents: [NotebookDocument], project: String?, store: Store, paths: SitePaths, site: SiteContext,
        templates: TemplateRenderer
    ) throws -> Output {
        var output = Output()
        let folder = project.map { paths.projectFolder($0) } ?? ""
        let listPath = folder + "notebooks.html"
        let renderer = MarkdownRenderer()
        var items: [Item] = []
        var usedSlugs = Set<String>()
        for document in documents {
            var slug = SitePaths.slug(document.title)
            var counter = 2
            while !usedSlugs.insert(slug).inserted {
                slug = "\(SitePaths.slug(document.title))-\(counter)"
                counter += 1
            }
            let path = folder + "notebooks/\(slug).html"
            let rendered = renderer.render(document.markdown) { link, isImage in
                resolve(link, isImage: isImage, document: document, from: path, store: store, paths: paths, output: &output)
            }
            for message in rendered.diagnostics { output.diagnostics.append(Diagnostic(.warning, "notebook \(document.source)", message)) }
            let page = project.map {
                PageContext.project($0, title: document.title, path: path, kind: "notebooks", paths: paths)
            } ?? PageContext.global(title: document.title, path: path, kind: "notebook")
            let model = DocumentModel(
                page: page, site: site, title: document.title, updated: Timestamp.short(document.updated), source: document.source,
                html: rendered.html, editHref: document.noteID.map { SitePaths.root(from: path) + "edit-note?id=\($0)" })
            output.pages.append(RenderedPage(path: path, html: try templates.render(model, template: "notebook")))
            items.append(Item(title: document.title, href: "notebooks/\(slug).html", updated: Timestamp.short(document.updated), source: document.source))
        }
        let page = project.map { PageContext.project($0, title: "Notebooks of \($0)", path: listPath, kind: "notebooks", paths: paths) }
            ?? PageContext.global(title: "Notebooks", path: listPath, kind: "notebooks")
        let model = ListModel(
            page: page, site: site, notebooks: items, hasNotebooks: !items.isEmpty,
            folderHint: project.map { "notebooks/\($0)/" } ?? "notebooks/",
            newHref: project.map { SitePaths.root(from: listPath) + "edit-note?project=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") })
        output.pages.append(RenderedPage(path: listPath, html: try templates.render(model, template: "notebooks")))
        return output
    }

    private static func resolve(
        _ link: String, isImage: Bool, document: NotebookDocument, from page: String, store: Store, paths: SitePaths,
        output: inout Output
    ) -> MarkdownRenderer.Target {
        if link.hasPrefix("#") || link.contains("://") || link.hasPrefix("mailto:") || link.hasPrefix("//") {
            if isImage {
                output.diagnostics.append(Diagnostic(.warning, "notebook \(document.source)", "the image \(link) is not on this machine and will not load (the site makes no outside requests)"))
            }
            return .keep
        }
        guard let attachment = document.attachment(for: link, blobs: store.blobs) else {
            output.diagnostics.append(Diagnostic(.warning, "notebook \(document.source)", "broken link: \(link) is not an attachment of the note or a file in the notebooks folder"))
            return .keep
        }
        let target = paths.file(hash: attachment.hash, name: attachment.name)
        output.copies.append(ArtifactPages.CopiedFile(hash: attachment.hash, path: target, source: attachment.content.path))
        let href = SitePaths.link(from: page, to: target)
        if isImage, FilePreview.isInlinePreview(attachment.mediaType) {
            return .html(FilePreview.html(name: attachment.name, mediaType: attachment.mediaType, size: 0, content: attachment.content, href: href))
        }
        return .url(href)
    }
}
