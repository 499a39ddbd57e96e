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
        /// Each run's row, made by the `project-row` template.
        var rows: [[UInt8]]
    }

    /// - Parameter kept: rows of the previous build, taken when their inputs are the same.
    static func render(
        _ project: ProjectData, aggregates: SeriesAggregates, paths: SitePaths, site: SiteContext, templates: TemplateRenderer,
        kept: KeptRows = KeptRows(folder: nil)
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
        func row(_ run: RunData, config: [(key: String, value: JSONValue)]) -> Row {
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
        // What every row depends on besides its run.
        var context = ContentHash()
        context.add("project-row")
        context.add(path)
        for key in keys { context.add(key + (numericKeys.contains(key) ? "#" : "")) }
        context.add(UInt8(1))
        for column in aggregates.columns { context.add(column.label) }
        let rows = try zip(project.runs, flattened).map { run, config -> [UInt8] in
            var key = context
            RunRow.addInputs(of: run, to: &key)
            for name in keys {
                if let value = config.first(where: { $0.key == name })?.value { key.add(json: value) } else { key.add(UInt8(0)) }
            }
            aggregates.addRow(runID: run.run.id, to: &key)
            let make = { try templates.render(row(run, config: config), template: "project-row") }
            return try kept.row(key.value, make: make)
        }
        let model = Model(
            page: .project(project.name, title: "Runs of \(project.name)", path: path, kind: "project", paths: paths), site: site,
            runCount: project.runs.count,
            configColumns: keys.map { Column(name: $0, sort: numericKeys.contains($0) ? "num" : "text") },
            metricColumns: aggregates.columns.map { Column(name: $0.label, sort: "num") }, rows: rows)
        return RenderedPage(path: path, html: try templates.render(model, template: "project"))
    }
}
