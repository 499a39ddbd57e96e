import ArtifactaCharts
import ArtifactaCore
import ArtifactaStore
import Foundation

/// `p/<project>/artifacts.html` (every run's artifacts) and one page per artifact with its
/// file browser, previews and downloads.
struct ArtifactPages {
    /// Files previewed inline on one artifact page; the rest are listed with downloads.
    static let previewLimit = 200
    /// Directories up to this size are also offered as one .zip.
    static let zipLimit: Int64 = 512_000_000

    struct ArtifactRow: Sendable {
        var name: String
        var href: String
        var role: String
        var kind: String
        var fileCount: Int
        var size: String
        var hash: String
        var shortHash: String
    }

    struct RunArtifacts: Sendable {
        var id: String
        var name: String
        var href: String
        var colorClass: String
        var artifacts: [ArtifactRow]
    }

    struct ListModel {
        var page: PageContext
        var site: SiteContext
        var runs: [RunArtifacts]
        var hasRuns: Bool
    }

    struct FileView: Sendable {
        var path: String
        var displayName: String
        var depth: Int
        var anchor: String
        var mediaType: String
        var size: String
        var href: String?
        var downloadName: String
        var preview: String
        var first: Bool
        /// Folders the file list enters just before this file, so nested files sit under their folder's name.
        var folders: [Folder] = []
    }

    struct Folder: Sendable {
        var name: String
        var depth: Int
    }

    struct KeyValue: Sendable {
        var key: String
        var value: String
    }

    struct DetailModel {
        var page: PageContext
        var site: SiteContext
        var name: String
        var kind: String
        var role: String
        var runName: String
        var runHref: String
        var size: String
        var hash: String
        var sourcePath: String?
        var zipHref: String?
        var zipName: String
        var metadata: [KeyValue]
        var hasMetadata: Bool
        var isReference: Bool
        var files: [FileView]
        var hasFiles: Bool
    }

    /// A file to copy into the site: the content at `source` (a blob, or a notebook's file) to `path`.
    struct CopiedFile: Sendable, Hashable {
        var hash: String
        var path: String
        /// The path of the file to copy.
        var source: String
    }

    struct Output {
        var pages: [RenderedPage] = []
        /// How many pages were already in the new site (see `isReusable`).
        var reused = 0
        var fingerprints: [String: String] = [:]
        var copies: [CopiedFile] = []
        var zips: [(path: String, entries: [ZipWriter.Entry])] = []
        var diagnostics: [Diagnostic] = []
    }

    /// - Parameter isReusable: whether the page at a path, drawn from inputs with this
    ///   fingerprint, is already in the new site (the closure keeps or links the previous one);
    ///   such pages are not drawn.
    static func render(
        _ project: ProjectData, store: Store, paths: SitePaths, site: SiteContext, templates: TemplateRenderer,
        isReusable: (String, String) -> Bool = { _, _ in false }
    ) throws -> Output {
        var output = Output()
        let listPath = paths.projectPage(project.name, "artifacts.html")
        var runs: [RunArtifacts] = []
        for run in project.runs where !run.artifacts.isEmpty {
            let base = RunRow(run, from: listPath, paths: paths)
            runs.append(RunArtifacts(
                id: base.id, name: base.name, href: base.href, colorClass: base.colorClass,
                artifacts: run.artifacts.map { row($0, from: listPath, project: project.name, paths: paths) }))
            for artifact in run.artifacts {
                let page = try detail(artifact, run: run, project: project.name, store: store, paths: paths, site: site, templates: templates, output: &output, isReusable: isReusable)
                if let page { output.pages.append(page) }
            }
        }
        let model = ListModel(
            page: .project(project.name, title: "Artifacts of \(project.name)", path: listPath, kind: "artifacts", paths: paths),
            site: site, runs: runs, hasRuns: !runs.isEmpty)
        output.pages.append(RenderedPage(path: listPath, html: try templates.render(model, template: "artifacts")))
        return output
    }

    static func row(_ artifact: Artifact, from page: String, project: String, paths: SitePaths) -> ArtifactRow {
        ArtifactRow(
            name: artifact.name, href: SitePaths.link(from: page, to: paths.artifactPage(project: project, artifactID: artifact.id)),
            role: artifact.role.rawValue, kind: artifact.kind.rawValue, fileCount: artifact.files.count,
            size: NumberText.bytes(artifact.sizeBytes), hash: artifact.hash, shortHash: String(artifact.hash.prefix(12)))
    }

    private static func detail(
        _ artifact: Artifact, run: RunData, project: String, store: Store, paths: SitePaths, site: SiteContext,
        templates: TemplateRenderer, output: inout Output, isReusable: (String, String) -> Bool
    ) throws -> RenderedPage? {
        let path = paths.artifactPage(project: project, artifactID: artifact.id)
        let present = artifact.files.map { store.blobs.contains($0.hash) }
        let fingerprint = PageFingerprint.artifactPage(artifact, run: run, project: project, site: site, present: present)
        output.fingerprints[path] = fingerprint
        let reuse = isReusable(path, fingerprint)
        var files: [FileView] = []
        var zipEntries: [ZipWriter.Entry] = []
        var previousFolders: [Substring] = []
        for (index, file) in artifact.files.enumerated() {
            let present = present[index]
            let name = file.path.lastIndex(of: "/").map { String(file.path[file.path.index(after: $0)...]) } ?? file.path
            var href: String?
            let blob = present ? store.blobs.path(for: file.hash) : nil
            if let blob {
                let target = paths.file(hash: file.hash, name: name)
                output.copies.append(CopiedFile(hash: file.hash, path: target, source: blob))
                href = SitePaths.link(from: path, to: target)
                if artifact.kind == .directory { zipEntries.append(ZipWriter.Entry(path: file.path, source: URL(fileURLWithPath: blob))) }
            } else {
                output.diagnostics.append(Diagnostic(.warning, "run \(run.run.name), artifact \(artifact.name)", "the content of \(file.path) is missing from the store"))
            }
            if reuse { continue }
            // The folders this file's path enters after the previous file's (a listing of a directory).
            let folders = artifact.kind == .directory ? Array(file.path.split(separator: "/").dropLast()) : []
            let shared = zip(folders, previousFolders).prefix { $0 == $1 }.count
            let entered = folders.indices.dropFirst(shared).map { Folder(name: String(folders[$0]), depth: min(3, $0)) }
            previousFolders = folders
            let preview = index < previewLimit
                ? FilePreview.html(name: name, mediaType: file.mediaType, size: file.sizeBytes, content: blob.map { URL(fileURLWithPath: $0) }, href: href)
                : "<p class=\"muted\">Preview not shown for files past the first \(previewLimit); use Download.</p>"
            files.append(FileView(
                path: file.path, displayName: artifact.kind == .directory ? name : file.path,
                depth: min(3, file.path.split(separator: "/").count - 1), anchor: "file-\(index + 1)", mediaType: file.mediaType,
                size: NumberText.bytes(file.sizeBytes), href: href, downloadName: ArtifactPath.safeFileName(name), preview: preview, first: index == 0,
                folders: entered))
        }
        var zipHref: String?
        let zipName = ArtifactPath.safeFileName(artifact.name) + ".zip"
        if artifact.kind == .directory, !zipEntries.isEmpty, zipEntries.count == artifact.files.count {
            if artifact.sizeBytes <= zipLimit {
                let zipPath = paths.zip(hash: artifact.hash, name: artifact.name)
                output.zips.append((zipPath, zipEntries))
                zipHref = SitePaths.link(from: path, to: zipPath)
            } else {
                output.diagnostics.append(Diagnostic(.note, "artifact \(artifact.name)", "no .zip offered: \(NumberText.bytes(artifact.sizeBytes)) is over the \(NumberText.bytes(zipLimit)) limit"))
            }
        }
        if reuse {
            output.reused += 1
            return nil
        }
        let metadata = ConfigFlattening.flatten(artifact.metadata).map { KeyValue(key: $0.key, value: ConfigFlattening.text($0.value)) }
        var page = PageContext.project(project, title: artifact.name, path: path, kind: "artifacts", paths: paths)
        page.kind = "artifact"
        let model = DetailModel(
            page: page, site: site, name: artifact.name, kind: artifact.kind.rawValue,
            role: artifact.role.rawValue, runName: run.run.name,
            runHref: SitePaths.link(from: path, to: paths.runPage(project: project, runID: run.run.id)), size: NumberText.bytes(artifact.sizeBytes),
            hash: artifact.hash, sourcePath: artifact.sourcePath, zipHref: zipHref, zipName: zipName, metadata: metadata,
            hasMetadata: !metadata.isEmpty, isReference: artifact.kind == .reference, files: files, hasFiles: !files.isEmpty)
        return RenderedPage(path: path, html: try templates.render(model, template: "artifact"))
    }
}
