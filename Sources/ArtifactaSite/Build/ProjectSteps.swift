import ArtifactaCore
import ArtifactaStore
import Dispatch
import Foundation

/// The pages of one loaded project, drawn as independent steps on all cores. Each step
/// writes its own files and returns what it did; the build adds those up in step order,
/// so counts, diagnostics and the manifest do not depend on which step finished first.
struct ProjectSteps: Sendable {
    let project: ProjectData
    let aggregates: SeriesAggregates
    let sections: [PlotSection]
    let store: Store
    let paths: SitePaths
    let site: SiteContext
    let templates: TemplateRenderer
    let writer: SiteOutput
    let previous: PreviousBuild
    let notebooksFolder: URL?

    /// What one step did.
    struct Result: Sendable {
        var pages = 0
        var charts = 0
        var reused = 0
        var fingerprints: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        /// Wall time of the step.
        var seconds = 0.0
    }

    /// The steps, the longest first so that they start first.
    var all: [(name: String, run: @Sendable () throws -> Result)] {
        [
            ("run pages", runPages), ("plots", plots), ("sweeps", sweeps), ("artifacts", artifacts), ("tables", tables),
            ("runs table", runsTable), ("compare", compare), ("lineage", lineage), ("notebooks", notebooks),
        ]
    }

    /// Runs every step, calling `finished` (on the step's thread) as each one ends.
    /// - Returns: the results in the order of ``all``.
    /// - Throws: the first error, in step order, after every step has ended.
    func run(finished: @Sendable (String, Result) -> Void) throws -> [Result] {
        let steps = all
        return try Parallel.map(steps.count) { index in
            let started = DispatchTime.now().uptimeNanoseconds
            var done = try steps[index].run()
            done.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            finished(steps[index].name, done)
            return done
        }
    }

    func runsTable() throws -> Result {
        try writer.write(ProjectPage.render(project, aggregates: aggregates, paths: paths, site: site, templates: templates, kept: previous.rows))
        return Result(pages: 1)
    }

    func plots() throws -> Result {
        let plots = try PlotsPage.render(project, sections: sections, paths: paths, site: site, templates: templates, saved: previous.charts, summaries: previous.series)
        for page in plots.pages { try writer.write(page) }
        return Result(pages: plots.pages.count, charts: plots.charts)
    }

    func tables() throws -> Result {
        let tables = try TablesPage.render(project, aggregates: aggregates, paths: paths, site: site, templates: templates, kept: previous.rows) { path, fingerprint in
            (try? reuse(path, fingerprint: fingerprint)) ?? false
        }
        try writer.write(tables.page)
        for file in tables.files { try writer.write(file) }
        return Result(pages: 1, fingerprints: tables.fingerprints)
    }

    func sweeps() throws -> Result {
        let sweeps = try SweepsPage.render(project, aggregates: aggregates, paths: paths, site: site, templates: templates)
        for page in sweeps.pages { try writer.write(page) }
        return Result(pages: sweeps.pages.count, charts: sweeps.charts)
    }

    func compare() throws -> Result {
        try writer.write(ComparePage.render(project, aggregates: aggregates, paths: paths, site: site, templates: templates, kept: previous.rows))
        return Result(pages: 1)
    }

    func lineage() throws -> Result {
        try writer.write(LineagePage.render(project, paths: paths, site: site, templates: templates))
        return Result(pages: 1, charts: 1)
    }

    func artifacts() throws -> Result {
        let artifacts = try ArtifactPages.render(project, store: store, paths: paths, site: site, templates: templates) { path, fingerprint in
            (try? reuse(path, fingerprint: fingerprint)) ?? false
        }
        for page in artifacts.pages { try writer.write(page) }
        try Self.copy(artifacts.copies, to: writer)
        for zip in artifacts.zips {
            // Zips are named by the directory's content hash: the previous site's is the same file.
            let old = previous.site.folder.appendingPathComponent(zip.path)
            if FileManager.default.fileExists(atPath: old.path) { try writer.copy(old, to: zip.path) } else { try writer.zip(zip.entries, to: zip.path) }
        }
        return Result(
            pages: artifacts.pages.count + artifacts.reused, reused: artifacts.reused, fingerprints: artifacts.fingerprints,
            diagnostics: artifacts.diagnostics)
    }

    func notebooks() throws -> Result {
        var documents = NotebookSource.documents(from: project.notes)
        if let notebooksFolder, let folder = NotebookSource.projectFolder(project.name, in: notebooksFolder) {
            documents += NotebookSource.documents(in: folder, root: notebooksFolder)
        }
        let notebooks = try NotebookPages.render(documents, project: project.name, store: store, paths: paths, site: site, templates: templates)
        return try Self.write(notebooks, to: writer)
    }

    /// Puts each file of `copies` in the site once, in path order.
    static func copy(_ copies: [ArtifactPages.CopiedFile], to writer: SiteOutput) throws {
        for copy in Set(copies).sorted(by: { $0.path < $1.path }) { try writer.copy(path: copy.source, to: copy.path) }
    }

    /// Notebook pages and the attachments they show.
    static func write(_ notebooks: NotebookPages.Output, to writer: SiteOutput) throws -> Result {
        for page in notebooks.pages { try writer.write(page) }
        try copy(notebooks.copies, to: writer)
        return Result(pages: notebooks.pages.count, diagnostics: notebooks.diagnostics)
    }

    /// Whether the page at `path`, drawn from inputs with this fingerprint, is already in the new
    /// site: kept from the spare, or linked from the previous site. False when it must be drawn.
    func reuse(_ path: String, fingerprint: String) throws -> Bool {
        if writer.keep(path, fingerprint: fingerprint) { return true }
        guard let old = previous.site.reusable(path, fingerprint: fingerprint) else { return false }
        try writer.copy(old, to: path)
        return true
    }

    /// Run pages whose inputs are unchanged since the previous build are reused.
    func runPages() throws -> Result {
        var result = Result()
        var toDraw: [RunData] = []
        for run in project.runs {
            let path = paths.runPage(project: project.name, runID: run.run.id)
            let fingerprint = PageFingerprint.runPage(run, in: project, site: site)
            result.fingerprints[path] = fingerprint
            if try reuse(path, fingerprint: fingerprint) {
                result.reused += 1
                result.pages += 1
            } else {
                toDraw.append(run)
            }
        }
        let runPages = try RunPage.renderAll(toDraw, project: project, aggregates: aggregates, paths: paths, site: site, templates: templates)
        for page in runPages.pages { try writer.write(page) }
        result.pages += runPages.pages.count
        result.charts += runPages.charts
        return result
    }
}
