import ArtifactaCharts
import ArtifactaCore
import Foundation

/// `p/<project>/runs/<id>.html`: one run's config, environment, code version, dependencies,
/// inputs and outputs, and every chart of what it logged.
struct RunPage {
    typealias KeyValue = ArtifactPages.KeyValue

    struct Model {
        var page: PageContext
        var site: SiteContext
        /// The charts' stylesheet, put back into a chart downloaded as SVG.
        var chartCSS = ChartTheme.embeddedCSS
        var id: String
        var name: String
        var status: String
        var colorClass: String
        var started: String
        var duration: String
        var error: String?
        var config: [KeyValue]
        var hasConfig: Bool
        var metrics: [KeyValue]
        var hasMetrics: Bool
        var environment: [KeyValue]
        var hasEnvironment: Bool
        var diff: String?
        var packages: [KeyValue]
        var hasPackages: Bool
        var packageCount: Int
        var artifacts: [ArtifactPages.ArtifactRow]
        var hasArtifacts: Bool
        var sections: [PlotsPage.Section]
        var lineage: String?
    }

    /// The pages of `runs` of a project, drawn on all cores.
    static func renderAll(
        _ runs: [RunData], project: ProjectData, aggregates: SeriesAggregates, paths: SitePaths, site: SiteContext,
        templates: TemplateRenderer
    ) throws -> (pages: [RenderedPage], charts: Int) {
        let rendered = try Parallel.map(runs.count) { index in
            try render(runs[index], project: project, aggregates: aggregates, paths: paths, site: site, templates: templates)
        }
        return (rendered.map(\.page), rendered.reduce(0) { $0 + $1.charts })
    }

    static func render(
        _ run: RunData, project: ProjectData, aggregates: SeriesAggregates, paths: SitePaths, site: SiteContext,
        templates: TemplateRenderer
    ) throws -> (page: RenderedPage, charts: Int) {
        let path = paths.runPage(project: project.name, runID: run.run.id)
        let renderer = ChartRenderer(project: project)
        let sections = PlotDiscovery.sections(of: project, runs: [run])
        var chartCount = 0
        let ids = PlotsPage.chartIDs(sections.flatMap(\.charts))
        var position = 0
        let pageSections = sections.map { section in
            PlotsPage.Section(
                name: section.name, anchor: "section-" + SitePaths.slug(section.name),
                charts: section.charts.map { spec in
                    defer { position += 1 }
                    chartCount += 1
                    return PlotsPage.Chart(id: ids[position], title: spec.title, kind: ChartRenderer.kind(of: spec), svg: renderer.svg(spec, runs: [run]))
                })
        }
        let environment = run.run.environment
        var packages: [KeyValue] = []
        if case .object(let pairs)? = environment["packages"] {
            packages = pairs.map { KeyValue(key: $0.0, value: ConfigFlattening.text($0.1)) }
        }
        let diff: String? = {
            if case .string(let text)? = environment["git"]?["diff"], !text.isEmpty { return text }
            return nil
        }()
        let config = ConfigFlattening.flatten(run.run.config).map { KeyValue(key: $0.key, value: ConfigFlattening.text($0.value)) }
        let metrics = aggregates.columns.compactMap { column in
            aggregates.values(runID: run.run.id, column: column).map { KeyValue(key: column.label, value: NumberText.compact($0.final)) }
        }
        let environmentRows = environmentTable(environment)
        var page = PageContext.project(project.name, title: run.run.name, path: path, kind: "run", paths: paths)
        page.kind = "run"
        let model = Model(
            page: page, site: site, id: run.run.id, name: run.run.name, status: run.run.status.rawValue,
            colorClass: Palette.colorClass(run.colorIndex), started: Timestamp.short(run.run.createdAt),
            duration: Timestamp.duration(run.run.duration), error: run.run.error, config: config, hasConfig: !config.isEmpty,
            metrics: metrics, hasMetrics: !metrics.isEmpty, environment: environmentRows, hasEnvironment: !environmentRows.isEmpty,
            diff: diff, packages: packages, hasPackages: !packages.isEmpty, packageCount: packages.count,
            artifacts: run.artifacts.map { ArtifactPages.row($0, from: path, project: project.name, paths: paths) },
            hasArtifacts: !run.artifacts.isEmpty, sections: pageSections,
            lineage: run.artifacts.isEmpty ? nil : String(decoding: LineageChart(
                title: "Lineage of \(run.run.name)", graph: LineageBuilder(project: project, paths: paths).neighbourhood(of: run, from: path)
            ).document().withoutStyle(), as: UTF8.self))
        return (RenderedPage(path: path, html: try templates.render(model, template: "run")), chartCount)
    }

    /// The environment as rows: code version first, then machine and interpreter.
    static func environmentTable(_ environment: JSONValue) -> [KeyValue] {
        var rows: [KeyValue] = []
        if let git = environment["git"] {
            let commit = ConfigFlattening.text(git["commit"] ?? .null)
            rows.append(KeyValue(key: "git commit", value: commit))
            if let branch = git["branch"] { rows.append(KeyValue(key: "git branch", value: ConfigFlattening.text(branch))) }
            rows.append(KeyValue(key: "uncommitted changes", value: git["dirty"] == .bool(true) ? "yes" : "no"))
        }
        if let os = environment["os"] {
            rows.append(KeyValue(key: "os", value: [os["name"], os["version"], os["machine"]].compactMap { $0.map(ConfigFlattening.text) }.joined(separator: " · ")))
        }
        if let host = environment["host"] { rows.append(KeyValue(key: "host", value: ConfigFlattening.text(host))) }
        if let interpreter = environment["interpreter"] {
            rows.append(KeyValue(
                key: "interpreter",
                value: [interpreter["name"], interpreter["version"]].compactMap { $0.map(ConfigFlattening.text) }.joined(separator: " ")))
            if let executable = interpreter["executable"] { rows.append(KeyValue(key: "executable", value: ConfigFlattening.text(executable))) }
        }
        if let cpus = environment["cpu_count"] { rows.append(KeyValue(key: "cpus", value: ConfigFlattening.text(cpus))) }
        if case .array(let gpus)? = environment["gpus"], !gpus.isEmpty {
            rows.append(KeyValue(key: "gpus", value: gpus.map(ConfigFlattening.text).joined(separator: ", ")))
        }
        if case .array(let command)? = environment["command"] {
            rows.append(KeyValue(key: "command", value: command.map(ConfigFlattening.text).joined(separator: " ")))
        }
        return rows
    }
}
