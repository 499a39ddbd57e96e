import ArtifactaCore

/// `p/<project>/compare.html`: any two runs side by side — config, final metrics,
/// dependencies, environment and code (commit and recorded diff), with what differs marked.
///
/// The runs' facts are embedded in the page as JSON and the page's script fills in the two
/// runs chosen (`?a=ID&b=ID`, or two menus); metric charts of the pair open on the Plots page
/// with only those two runs selected.
struct ComparePage {
    /// The longest recorded diff embedded per run; the run page has the whole of it.
    static let diffLimit = 20_000

    struct Model {
        var page: PageContext
        var site: SiteContext
        var data: String
        var plotsHref: String
    }

    /// - Parameter kept: each run's JSON of the previous build, taken when its inputs are the same.
    static func render(
        _ project: ProjectData, aggregates: SeriesAggregates, paths: SitePaths, site: SiteContext, templates: TemplateRenderer,
        kept: KeptRows = KeptRows(folder: nil)
    ) throws -> RenderedPage {
        let path = paths.projectPage(project.name, "compare.html")
        var context = ContentHash()
        context.add("compare \(diffLimit)")
        context.add(path)
        for column in aggregates.columns { context.add(column.label) }
        // Each run's facts, newest first, as script-safe JSON: kept by a hash of what they hold.
        let runs = project.runs.reversed().map { run -> [UInt8] in
            var key = context
            RunRow.addInputs(of: run, to: &key)
            key.add(json: run.run.config)
            key.add(json: run.run.environment)
            aggregates.addRow(runID: run.run.id, to: &key)
            let make = { Array(scriptSafe(JSONWriter(nonFinite: .strings).string(facts(of: run, aggregates: aggregates, path: path, paths: paths))).utf8) }
            return kept.row(key.value, make: make)
        }
        var data = Array("{\"runs\":[".utf8)
        for (index, run) in runs.enumerated() {
            if index > 0 { data.append(UInt8(ascii: ",")) }
            data.append(contentsOf: run)
        }
        data.append(contentsOf: "]}".utf8)
        let model = Model(
            page: .project(project.name, title: "Compare runs of \(project.name)", path: path, kind: "compare", paths: paths), site: site,
            data: String(decoding: data, as: UTF8.self), plotsHref: PlotVariant.standard.pageName)
        return RenderedPage(path: path, html: try templates.render(model, template: "compare"))
    }

    /// What the page's script knows of a run.
    private static func facts(of run: RunData, aggregates: SeriesAggregates, path: String, paths: SitePaths) -> JSONValue {
        let environment = run.run.environment
        var packages: [(String, JSONValue)] = []
        if case .object(let pairs)? = environment["packages"] { packages = pairs.map { ($0.0, .string(ConfigFlattening.text($0.1))) } }
        var diff = ""
        if case .string(let text)? = environment["git"]?["diff"] { diff = text }
        let truncated = diff.utf8.count > diffLimit
        if truncated { diff = String(decoding: diff.utf8.prefix(diffLimit), as: UTF8.self) }
        let metrics: [(String, JSONValue)] = zip(aggregates.columns, aggregates.row(runID: run.run.id)).compactMap { column, values in
            values.map { (column.label, .number($0.final)) }
        }
        return .object([
            ("id", .string(run.run.id)), ("name", .string(run.run.name)), ("status", .string(run.run.status.rawValue)),
            ("started", .string(Timestamp.short(run.run.createdAt))),
            ("href", .string(SitePaths.link(from: path, to: paths.runPage(project: run.run.project, runID: run.run.id)))),
            ("config", .object(ConfigFlattening.flatten(run.run.config).map { ($0.key, .string(ConfigFlattening.text($0.value))) })),
            ("metrics", .object(metrics)),
            ("environment", .object(RunPage.environmentTable(environment).map { ($0.key, .string($0.value)) })),
            ("packages", .object(packages)),
            ("diff", .string(diff)), ("diffTruncated", .bool(truncated)),
        ])
    }

    /// JSON that can sit inside a `<script>` element: no `<` can close it early, and no
    /// markup characters appear literally (they are JSON escapes, inside strings only).
    /// (One pass over the bytes: the JSON of a thousand runs is megabytes.)
    static func scriptSafe(_ json: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(json.utf8.count)
        for byte in json.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "\\u0026".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "\\u003c".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "\\u003e".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
