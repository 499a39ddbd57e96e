import ArtifactaAssets
import ArtifactaCharts
import ArtifactaCore
import ArtifactaStore
import Foundation

/// Builds the static report site from a store: load → discover → render → write, then swap
/// the new site in for the old one.
public struct SiteBuilder: Sendable {
    public var store: Store
    public var output: URL
    /// Only these projects; all when empty.
    public var projects: [String]
    public var title: String
    /// Markdown notebooks: `<folder>/<project>/*.md` and `<folder>/*.md` for the whole site.
    public var notebooksFolder: URL?
    /// A Markdown summary for CI, written after the site.
    public var summary: SummaryOptions?
    public var progress: (@Sendable (SiteProgress) -> Void)?

    public static let version = "0.1.0"

    public init(
        store: Store, output: URL, projects: [String] = [], title: String = "Artifacta", notebooksFolder: URL? = nil,
        summary: SummaryOptions? = nil, progress: (@Sendable (SiteProgress) -> Void)? = nil
    ) {
        self.summary = summary
        self.store = store
        self.output = output
        self.projects = projects
        self.title = title
        self.notebooksFolder = notebooksFolder
        self.progress = progress
    }

    /// Writes the site.
    /// - Throws: ``SiteError`` when nothing could be built; content problems are in the result's diagnostics.
    public func build() throws -> SiteBuildResult {
        let started = DispatchTime.now().uptimeNanoseconds
        let loader = SiteLoader(store: store)
        let names = try loader.projectNames(selecting: projects)
        let paths = SitePaths(projects: names)
        let templates = try TemplateRenderer()
        let site = SiteContext(title: title, version: Self.version)
        let writer = try SiteOutput(destination: output)
        let previous = PreviousSite(folder: output)
        do {
            var state = BuildState()
            state.summary = summary.map { CISummary(options: $0, siteFolder: output) }
            for (index, name) in names.enumerated() {
                try buildProject(
                    name, index: index, of: names.count, loader: loader, paths: paths, site: site, templates: templates, writer: writer,
                    previous: previous, state: &state)
            }
            let siteNotebooks = notebooksFolder.map { NotebookSource.documents(in: $0, root: $0) } ?? []
            let notebooks = try NotebookPages.render(siteNotebooks, project: nil, store: store, paths: paths, site: site, templates: templates)
            try write(notebooks, to: writer, state: &state)
            try writer.write(IndexPage.render(state.summaries, notebooks: siteNotebooks.count, site: site, templates: templates))
            state.pages += 1
            try writeAssets(writer)
            try writer.write(PreviousSite.manifest(state.fingerprints), to: PreviousSite.manifestName)
            try writer.commit()
            if let summary, let metric = summary.metric, state.summary?.foundMetric == false {
                state.diagnostics.append(Diagnostic(.warning, "--summary", "no project has a Series field named \(NameRules.quoted(metric)); the summary lists runs without a best run"))
            }
            if let summary, let text = state.summary?.markdown() {
                do { try Data(text.utf8).write(to: summary.file, options: .atomic) } catch {
                    throw SiteError.cannotWrite(path: summary.file.path, reason: error.localizedDescription)
                }
            }
            return SiteBuildResult(
                outputPath: output.path, projects: names.count, runs: state.runs, pages: state.pages, charts: state.charts,
                files: writer.filesWritten, bytes: writer.bytesWritten, reusedPages: state.reused,
                seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, diagnostics: state.diagnostics)
        } catch {
            writer.abandon()
            throw error
        }
    }

    private struct BuildState {
        var summaries: [IndexPage.ProjectSummary] = []
        var diagnostics: [Diagnostic] = []
        var pages = 0
        var charts = 0
        var runs = 0
        var summary: CISummary?
        var fingerprints: [String: String] = [:]
        var reused = 0
    }

    private func buildProject(
        _ name: String, index: Int, of count: Int, loader: SiteLoader, paths: SitePaths, site: SiteContext,
        templates: TemplateRenderer, writer: SiteOutput, previous: PreviousSite, state: inout BuildState
    ) throws {
        func report(_ step: String) {
            progress?(SiteProgress(project: name, projectIndex: index, projectCount: count, step: step, pagesWritten: state.pages, chartsDrawn: state.charts))
        }
        report("reading")
        let project = try loader.load(project: name)
        state.runs += project.runs.count
        for run in project.runs where run.entries.isEmpty && run.artifacts.isEmpty {
            state.diagnostics.append(Diagnostic(.warning, "project \(name), run \(run.run.name) (\(run.run.id))", "the run logged nothing"))
        }
        let aggregates = SeriesAggregates(runs: project.runs)
        let sections = PlotDiscovery.sections(of: project, perRunLimit: PlotDiscovery.perRunChartLimit)

        report("runs table")
        try writer.write(ProjectPage.render(project, aggregates: aggregates, paths: paths, site: site, templates: templates))
        state.pages += 1

        report("plots")
        let plots = try PlotsPage.render(project, sections: sections, paths: paths, site: site, templates: templates)
        for page in plots.pages { try writer.write(page) }
        state.pages += plots.pages.count
        state.charts += plots.charts

        report("tables")
        let tables = try TablesPage.render(project, aggregates: aggregates, paths: paths, site: site, templates: templates)
        try writer.write(tables.page)
        for file in tables.files { try writer.write(file) }
        state.pages += 1

        report("sweeps")
        let sweeps = try SweepsPage.render(project, aggregates: aggregates, paths: paths, site: site, templates: templates)
        for page in sweeps.pages { try writer.write(page) }
        state.pages += sweeps.pages.count
        state.charts += sweeps.charts

        report("compare")
        try writer.write(ComparePage.render(project, aggregates: aggregates, paths: paths, site: site, templates: templates))
        state.pages += 1
        report("lineage")
        try writer.write(LineagePage.render(project, paths: paths, site: site, templates: templates))
        state.pages += 1
        state.charts += 1

        report("artifacts")
        let artifacts = try ArtifactPages.render(project, store: store, paths: paths, site: site, templates: templates) { path, fingerprint in
            previous.reusable(path, fingerprint: fingerprint) != nil
        }
        for page in artifacts.pages { try writer.write(page) }
        for page in artifacts.reused {
            if let old = previous.reusable(page.path, fingerprint: page.fingerprint) { try writer.copy(old, to: page.path) }
        }
        state.fingerprints.merge(artifacts.fingerprints) { new, _ in new }
        state.reused += artifacts.reused.count
        for copy in Set(artifacts.copies).sorted(by: { $0.path < $1.path }) { try writer.copy(copy.source, to: copy.path) }
        for zip in artifacts.zips {
            // Zips are named by the directory's content hash: the previous site's is the same file.
            let old = previous.folder.appendingPathComponent(zip.path)
            if FileManager.default.fileExists(atPath: old.path) { try writer.copy(old, to: zip.path) } else { try writer.zip(zip.entries, to: zip.path) }
        }
        state.pages += artifacts.pages.count + artifacts.reused.count
        state.diagnostics += artifacts.diagnostics

        report("notebooks")
        var documents = NotebookSource.documents(from: project.notes)
        if let notebooksFolder, let folder = NotebookSource.projectFolder(name, in: notebooksFolder) {
            documents += NotebookSource.documents(in: folder, root: notebooksFolder)
        }
        try write(try NotebookPages.render(documents, project: name, store: store, paths: paths, site: site, templates: templates), to: writer, state: &state)

        report("run pages")
        var toDraw: [RunData] = []
        for run in project.runs {
            let path = paths.runPage(project: name, runID: run.run.id)
            let fingerprint = PageFingerprint.runPage(run, in: project, site: site)
            state.fingerprints[path] = fingerprint
            if let old = previous.reusable(path, fingerprint: fingerprint) {
                try writer.copy(old, to: path)
                state.reused += 1
                state.pages += 1
            } else {
                toDraw.append(run)
            }
        }
        let runPages = try RunPage.renderAll(toDraw, project: project, aggregates: aggregates, paths: paths, site: site, templates: templates)
        for page in runPages.pages { try writer.write(page) }
        state.pages += runPages.pages.count
        state.charts += runPages.charts
        state.summaries.append(IndexPage.summary(of: project, paths: paths))
        state.summary?.add(project, aggregates: aggregates, paths: paths)
    }

    private func write(_ notebooks: NotebookPages.Output, to writer: SiteOutput, state: inout BuildState) throws {
        for page in notebooks.pages { try writer.write(page) }
        for copy in Set(notebooks.copies).sorted(by: { $0.path < $1.path }) { try writer.copy(copy.source, to: copy.path) }
        state.pages += notebooks.pages.count
        state.diagnostics += notebooks.diagnostics
    }

    private func writeAssets(_ writer: SiteOutput) throws {
        for (name, bytes) in EmbeddedAssets.siteFiles.sorted(by: { $0.key < $1.key }) {
            try writer.write(Data(bytes), to: "assets/\(name)")
        }
        try writer.write(Data((ChartTheme.embeddedCSS + "\n" + ChartTheme.pageVariablesCSS).utf8), to: "assets/charts.css")
    }
}
