import ArtifactaCore

/// `p/<project>/index.html`: the runs table with selection, config columns and final metrics.
struct ProjectPage {
    struct Column: Sendable {
        var name: String
        var sort: String
    }

    struct Cell: Sendable {
        var text: String
        var sortValue: String
        var cssClass: String
    }

    struct Row: Sendable {
        var id: String
        var name: String
        var status: String
        var colorClass: String
        var href: String
        var started: String
        var startedValue: String
        var duration: String
        var durationValue: String
        var config: [Cell]
        var metrics: [Cell]
    }

    struct Model {
        var page: PageContext
        var site: SiteContext
        var runCount: Int
        var configColumns: [Column]
        var metricColumns: [Column]
        var runs: [Row]
    }

    static func render(
        _ project: ProjectData, aggregates: SeriesAggregates, paths: SitePaths, site: SiteContext, templates: TemplateRenderer
    ) throws -> RenderedPage {
        let path = paths.projectPage(project.name, "index.html")
        let flattened = project.runs.map { ConfigFlattening.flatten($0.run.config) }
        var keys: [String] = []
        for config in flattened { for (key, _) in config where !keys.contains(key) { keys.append(key) } }
        let numericKeys = Set(keys.filter { key in
            flattened.allSatisfy { config in
                guard let value = config.first(where: { $0.key == key })?.value else { return true }
                if case .number = value { return true }
                return false
            }
        })
        let rows = zip(project.runs, flattened).map { run, config -> Row in
            let base = RunRow(run, from: path, paths: paths)
            let configCells = keys.map { key -> Cell in
                guard let value = config.first(where: { $0.key == key })?.value else { return Cell(text: "–", sortValue: "", cssClass: "") }
                let numeric = numericKeys.contains(key)
                var sortValue = ConfigFlattening.text(value)
                if case .number(let number) = value { sortValue = number.isFinite ? JSONWriter.numberText(number) : "NaN" }
                return Cell(text: ConfigFlattening.text(value), sortValue: sortValue, cssClass: numeric ? "num" : "")
            }
            let metricCells = aggregates.row(runID: run.run.id).map { values -> Cell in
                guard let values else { return Cell(text: "–", sortValue: "", cssClass: "num") }
                return Cell(text: NumberText.compact(values.final), sortValue: NumberText.exact(values.final), cssClass: "num")
            }
            return Row(
                id: base.id, name: base.name, status: base.status, colorClass: base.colorClass, href: base.href, started: base.started,
                startedValue: base.startedValue, duration: base.duration, durationValue: base.durationValue, config: configCells,
                metrics: metricCells)
        }
        let model = Model(
            page: .project(project.name, title: "Runs of \(project.name)", path: path, kind: "project", paths: paths), site: site,
            runCount: project.runs.count,
            configColumns: keys.map { Column(name: $0, sort: numericKeys.contains($0) ? "num" : "text") },
            metricColumns: aggregates.columns.map { Column(name: $0.label, sort: "num") }, runs: rows)
        return RenderedPage(path: path, html: try templates.render(model, template: "project"))
    }
}
