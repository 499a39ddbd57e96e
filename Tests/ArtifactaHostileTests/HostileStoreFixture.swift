import Artifacta
import ArtifactaSite
import ArtifactaTestSupport
import Foundation

/// A fresh store (and a site folder beside it) for hostile input, with ways to prove that a
/// rejected input changed nothing.
struct HostileStoreFixture {
    let folder = TemporaryDirectory("hostile")
    var location: StoreLocation { StoreLocation(directory: folder.path("store")) }
    var siteURL: URL { folder.path("site") }

    func open() throws -> Store { try Store.open(location) }

    /// What a rejected input must leave as it was: every row count and every file with its size.
    struct State: Equatable, CustomStringConvertible {
        var rows: [String: Int]
        var files: [String: Int]
        var description: String { "rows \(rows.sorted { $0.key < $1.key }), \(files.count) files" }
    }

    func state() throws -> State {
        let store = try open()
        let runs = try store.runs()
        var entries = 0
        var points = 0
        var artifacts = 0
        var artifactFiles = 0
        for run in runs {
            let stored = try store.entries(runID: run.id)
            entries += stored.count
            points += stored.reduce(0) { $0 + $1.pointCount }
            let logged = try store.artifacts(runID: run.id)
            artifacts += logged.count
            artifactFiles += logged.reduce(0) { $0 + $1.files.count }
        }
        let notes = try store.notes()
        let rows = [
            "projects": try store.projects().count, "runs": runs.count, "entries": entries, "points": points, "artifacts": artifacts,
            "artifact_files": artifactFiles, "notes": notes.count, "attachments": notes.reduce(0) { $0 + $1.attachments.count },
        ]
        var files: [String: Int] = [:]
        let root = location.blobsURL
        if let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.fileSizeKey]) {
            for case let url as URL in enumerator {
                files[String(url.path.dropFirst(root.path.count))] = (try? url.resourceValues(forKeys: [.fileSizeKey]))?.fileSize ?? -1
            }
        }
        return State(rows: rows, files: files)
    }

    @discardableResult
    func build(notebooks: URL? = nil) throws -> SiteBuildResult {
        try SiteBuilder(store: try open(), output: siteURL, notebooksFolder: notebooks).build()
    }

    /// Every .html and .svg file the build wrote, relative to the site.
    func markupFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: siteURL.path) else { return [] }
        return (enumerator.allObjects as? [String] ?? []).filter { $0.hasSuffix(".html") || $0.hasSuffix(".svg") }.sorted()
    }

    func text(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: siteURL.appendingPathComponent(path)), as: UTF8.self)
    }

    /// Every unsafe construct in every page and SVG the build rendered, with the file it is in.
    ///
    /// `files/` holds the users' own artifact and attachment files, copied byte for byte
    /// for download; they are not rendered by the site (see README, "Hostile input").
    func unsafeMarkup() throws -> [String] {
        var problems: [String] = []
        for path in markupFiles() where !path.hasPrefix("files/") {
            for finding in MarkupSafetyScanner.scan(try text(path)) { problems.append("\(path): \(finding)") }
        }
        return problems
    }

    /// Every file under `folder` except the store and the site: what a build must not create.
    func filesOutsideStoreAndSite() -> Set<String> {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.url.path) else { return [] }
        return Set((enumerator.allObjects as? [String] ?? []).filter {
            !$0.hasPrefix("store") && !$0.hasPrefix("site") && !$0.hasPrefix(".site.")
        })
    }
}
