import ArtifactaAssets
import ArtifactaCharts
import ArtifactaCore
import ArtifactaStore
import Foundation
import Synchronization

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
    /// Flush the new site to disk before swapping it in (a site rebuilt all the time into a
    /// temporary folder, as the live server's, need not be).
    public var durable = true

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
        // The previous build (what it kept, and the spare to build in) is read while the first
        // project loads from the store.
        let output = self.output, durable = self.durable
        if let first = names.first { progress?(SiteProgress(project: first, projectIndex: 0, projectCount: names.count, step: "reading", pagesWritten: 0, chartsDrawn: 0)) }
        // The store read first: it is the longest (a read, then its parts at once, then runs).
        let (firstProject, (writer, previous)) = try Parallel.both(
            // A failed read is thrown where the new site is abandoned.
            { Result { try names.first.map { try loader.load(project: $0) } } },
            { try Parallel.both({ try SiteOutput(destination: output, durable: durable) }, { PreviousBuild(folder: output) }) })
        do {
            var state = BuildState()
            state.summary = summary.map { CISummary(options: $0, siteFolder: output) }
            for (index, name) in names.enumerated() {
                try buildProject(
                    name, index: index, of: names.count, loader: loader, preloaded: index == 0 ? try firstProject.get() : nil, paths: paths,
                    site: site, templates: templates, writer: writer, previous: previous, state: &state)
            }
            let siteNotebooks = notebooksFolder.map { NotebookSource.documents(in: $0, root: $0) } ?? []
            let notebooks = try ProjectSteps.write(
                NotebookPages.render(siteNotebooks, project: nil, store: store, paths: paths, site: site, templates: templates), to: writer)
            state.pages += notebooks.pages
            state.diagnostics += notebooks.diagnostics
            try writer.write(IndexPage.render(state.summaries, notebooks: siteNotebooks.count, site: site, templates: templates))
            state.pages += 1
            state.fingerprints.merge(try writeAssets(writer)) { new, _ in new }
            try previous.write(to: writer, fingerprints: state.fingerprints, sizes: writer.sizes)
            try writer.commit()
            if let summary, let metric = summary.metric, state.summary?.foundMetric == false {
                state.diagnostics.append(Diagnostic(.warning, "--summary", "no project has a Series field named \(NameRules.quoted(metric)); the summary lists runs without a best run"))
            }
            if let summary, let text = state.summary?.markdown() {
                do { try Data(text.utf8).write(to: summary.file, options: .atomic) } catch {
                    throw SiteError.cannotWrite(path: summary.file.path, reason: error.localizedDescription)
                }
            }
            let result = SiteBuildResult(
                outputPath: output.path, projects: names.count, runs: state.runs, pages: state.pages, charts: state.charts,
                files: writer.filesWritten, bytes: writer.bytesWritten, reusedPages: state.reused,
                seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, diagnostics: state.diagnostics)
            DeferredRelease.release((firstProject, previous, writer))
            return result
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

    /// Draws one project's pages (`preloaded`: the project already read, else it is read here).
    private func buildProject(
        _ name: String, index: Int, of count: Int, loader: SiteLoader, preloaded: ProjectData?, paths: SitePaths, site: SiteContext,
        templates: TemplateRenderer, writer: SiteOutput, previous: PreviousBuild, state: inout BuildState
    ) throws {
        func report(_ step: String) {
            progress?(SiteProgress(project: name, projectIndex: index, projectCount: count, step: step, pagesWritten: state.pages, chartsDrawn: state.charts))
        }
        if preloaded == nil { report("reading") }
        let project = try preloaded ?? loader.load(project: name)
        project.decoded.use(previous.curves)
        state.runs += project.runs.count
        for run in project.runs where run.entries.isEmpty && run.artifacts.isEmpty {
            state.diagnostics.append(Diagnostic(.warning, "project \(name), run \(run.run.name) (\(run.run.id))", "the run logged nothing"))
        }
        // The points to read: those of entries not summarized by the previous build, and of
        // the runs the Plots overlays draw in full. The others' are read only if a page needs them.
        try project.points.preload(previous.series.unknownEntries(of: project) + Self.detailEntries(of: project))
        // The runs' Curves (Sweeps metrics, Plots overlays): kept by the previous build, or read in one go.
        _ = project.decoded.primitives(project.runs.flatMap { $0.latestEntries.filter { $0.type == .curve } })
        let (aggregates, sections) = Parallel.both(
            { SeriesAggregates(runs: project.runs, summaries: previous.series) },
            { PlotDiscovery.sections(of: project, perRunLimit: PlotDiscovery.perRunChartLimit) })

        report("drawing")
        let steps = ProjectSteps(
            project: project, aggregates: aggregates, sections: sections, store: store, paths: paths, site: site, templates: templates,
            writer: writer, previous: previous, notebooksFolder: notebooksFolder)
        let done = Mutex((pages: state.pages, charts: state.charts, steps: 0))
        let show = progress
        let stepCount = steps.all.count
        let drawSteps = { @Sendable () throws -> [ProjectSteps.Result] in
            try steps.run { step, result in
                let counts = done.withLock {
                    $0.pages += result.pages
                    $0.charts += result.charts
                    $0.steps += 1
                    return $0
                }
                show?(SiteProgress(
                    project: name, projectIndex: index, projectCount: count, step: "\(step) done", pagesWritten: counts.pages,
                    chartsDrawn: counts.charts, stepSeconds: result.seconds, stepsDone: counts.steps, stepCount: stepCount))
            }
        }
        // The runs' Curves are kept for the next build meanwhile (taken, or decoded once for the pages).
        let curves = previous.curves
        let (results, _) = try Parallel.both(drawSteps, { curves.keepLatest(of: project) })
        // A Series that could not be read is not drawn as empty: the build fails as the read would have.
        if let failure = project.points.failure { throw failure }
        for result in results {
            state.pages += result.pages
            state.charts += result.charts
            state.reused += result.reused
            state.fingerprints.merge(result.fingerprints) { new, _ in new }
            state.diagnostics += result.diagnostics
        }
        state.summaries.append(IndexPage.summary(of: project, paths: paths))
        state.summary?.add(project, aggregates: aggregates, paths: paths)
    }

    /// The Series entries of the runs a Plots overlay draws in full: the first runs with each Series.
    private static func detailEntries(of project: ProjectData) -> [StoredEntry] {
        var counts: [String: Int] = [:]
        var entries: [StoredEntry] = []
        for run in project.runs {
            for entry in run.seriesEntries where counts[entry.name, default: 0] < LineChart.defaultDetailRunLimit {
                counts[entry.name, default: 0] += 1
                entries.append(entry)
            }
        }
        return entries
    }

    /// The stylesheets, scripts and icon, kept as they are when the spare has this build's.
    /// - Returns: their fingerprints by path, for the manifest.
    private func writeAssets(_ writer: SiteOutput) throws -> [String: String] {
        var files = EmbeddedAssets.siteFiles.sorted(by: { $0.key < $1.key }).map { ("assets/\($0.key)", $0.value) }
        files.append(("assets/charts.css", Array((ChartTheme.embeddedCSS + "\n" + ChartTheme.pageVariablesCSS).utf8)))
        var fingerprints: [String: String] = [:]
        for (path, bytes) in files {
            // Assets are part of the executable: its digest is theirs.
            fingerprints[path] = PageFingerprint.toolDigest
            if !writer.keep(path, fingerprint: PageFingerprint.toolDigest) { try writer.write(Data(bytes), to: path) }
        }
        return fingerprints
    }
}
