import ArtifactaCharts
import ArtifactaCore
import ArtifactaStore
import Foundation

/// `p/<project>/tables.html`: Series aggregated per run (final, min, max) and every logged
/// Table, each also written as a CSV file.
struct TablesPage {
    /// Rows shown per table on the page; the CSV always has all of them.
    static let shownRowLimit = 500

    struct AggregateCell: Sendable {
        var final: String
        var min: String
        var max: String
        var finalValue: String
    }

    struct AggregateRow: Sendable {
        var id: String
        var name: String
        var colorClass: String
        var href: String
        var cells: [AggregateCell]
    }

    struct Link: Sendable {
        var label: String
        var href: String
    }

    struct TableView: Sendable {
        var name: String
        var runName: String
        var runID: String
        var rowCount: Int
        var shownRows: Int
        var truncated: Bool
        var csvHref: String
        var columns: [ProjectPage.Column]
        var rows: [TableRow]
    }

    struct TableRow: Sendable {
        var cells: [ProjectPage.Cell]
    }

    struct Model {
        var page: PageContext
        var site: SiteContext
        var hasSeries: Bool
        var seriesColumns: [String]
        /// Each run's row of aggregates, made by the `tables-series-row` template.
        var seriesRows: [[UInt8]]
        var seriesCSV: [Link]
        var tables: [TableView]
        var hasContent: Bool
        var omitted: String?
    }

    /// The page, the CSV files written anew, and every CSV's fingerprint.
    struct Output {
        var page: RenderedPage
        var files: [SiteFile]
        /// The fingerprint of every logged table's CSV, by path.
        var fingerprints: [String: String]
    }

    /// Logged tables of one name drawn on the page, at most; the rest are CSV files only.
    static let perNameLimit = 100

    /// - Parameter isReusable: whether the CSV file at a path, made from the entry with this
    ///   fingerprint, is already in the new site (the closure keeps or links the previous one).
    /// - Parameter kept: rows of the previous build, taken when their inputs are the same.
    static func render(
        _ project: ProjectData, aggregates: SeriesAggregates, paths: SitePaths, site: SiteContext, templates: TemplateRenderer,
        kept: KeptRows = KeptRows(folder: nil), isReusable: (_ path: String, _ fingerprint: String) -> Bool = { _, _ in false }
    ) throws -> Output {
        let path = paths.projectPage(project.name, "tables.html")
        var files: [SiteFile] = []
        func row(_ run: RunData) -> AggregateRow {
            let base = RunRow(run, from: path, paths: paths)
            let cells = aggregates.row(runID: run.run.id).map { values -> AggregateCell in
                guard let values else {
                    return AggregateCell(final: "–", min: "–", max: "–", finalValue: "")
                }
                return AggregateCell(
                    final: NumberText.compact(values.final), min: NumberText.compact(values.min), max: NumberText.compact(values.max),
                    finalValue: NumberText.exact(values.final))
            }
            return AggregateRow(id: base.id, name: base.name, colorClass: base.colorClass, href: base.href, cells: cells)
        }
        // What every row depends on besides its run.
        var context = ContentHash()
        context.add("tables-series-row")
        context.add(path)
        for column in aggregates.columns { context.add(column.label) }
        let picks: [(label: String, value: KeyPath<SeriesAggregates.Values, Double>)] = [("final", \.final), ("min", \.min), ("max", \.max)]
        // Each run's line of the final, min and max CSV files, kept as its row is.
        var csvLines: [[[UInt8]]] = aggregates.columns.isEmpty ? [] : picks.map { _ in [] }
        let seriesRows = try project.runs.map { run -> [UInt8] in
            var key = context
            RunRow.addInputs(of: run, to: &key)
            aggregates.addRow(runID: run.run.id, extremes: true, to: &key)
            for index in csvLines.indices {
                var lineKey = key
                lineKey.add("csv \(picks[index].label)")
                let make = {
                    Array(CSVWriter.line([CSVWriter.text(run.run.name), run.run.id] + aggregates.row(runID: run.run.id).map { values in
                        values.map { CSVWriter.cell(.number($0[keyPath: picks[index].value])) } ?? ""
                    }).utf8)
                }
                csvLines[index].append(kept.row(lineKey.value, make: make))
            }
            let make = { try templates.render(row(run), template: "tables-series-row") }
            return try kept.row(key.value, make: make)
        }
        var seriesLinks: [Link] = []
        for (index, lines) in csvLines.enumerated() {
            let csvPath = paths.tableCSV(project: project.name, name: "series-\(picks[index].label)")
            var bytes = Array(CSVWriter.line(["run", "run_id"] + aggregates.columns.map { CSVWriter.text($0.label) }).utf8)
            for line in lines { bytes.append(contentsOf: line) }
            files.append(SiteFile(path: csvPath, contents: Data(bytes)))
            seriesLinks.append(Link(label: picks[index].label, href: SitePaths.link(from: path, to: csvPath)))
        }
        // Each logged table's CSV: the previous build's file when it holds the same entry.
        // Only the tables drawn on the page or written anew are read and decoded.
        var logged: [(run: RunData, entry: StoredEntry, csvPath: String, shown: Bool)] = []
        var fingerprints: [String: String] = [:]
        var reused = Set<String>()
        var usedNames = Set<String>()
        var perName: [String: Int] = [:]
        var omitted = 0
        for run in project.runs {
            for entry in run.latestEntries where entry.type == .table {
                var fileName = "\(SitePaths.slug(entry.name))-\(SitePaths.slug(run.run.name))"
                var counter = 2
                while !usedNames.insert(fileName).inserted {
                    fileName = "\(SitePaths.slug(entry.name))-\(SitePaths.slug(run.run.name))-\(counter)"
                    counter += 1
                }
                let csvPath = paths.tableCSV(project: project.name, name: fileName)
                perName[entry.name, default: 0] += 1
                let shown = perName[entry.name, default: 0] <= perNameLimit
                if !shown { omitted += 1 }
                let fingerprint = PageFingerprint.tableCSV(entry, path: csvPath)
                fingerprints[csvPath] = fingerprint
                let isReused = isReusable(csvPath, fingerprint)
                if isReused { reused.insert(csvPath) }
                if shown || !isReused { logged.append((run, entry, csvPath, shown)) }
            }
        }
        var tables: [TableView] = []
        for (item, primitive) in zip(logged, project.decoded.primitives(logged.map(\.entry))) {
            guard case .table(let table)? = primitive else { continue }
            if !reused.contains(item.csvPath) {
                files.append(SiteFile(
                    path: item.csvPath, text: CSVWriter.csv(header: table.columns.map(\.name), rows: table.data.map { $0.map(CSVWriter.cell) })))
            }
            guard item.shown else { continue }
            let shownRows = table.data.prefix(shownRowLimit)
            tables.append(TableView(
                name: item.entry.name, runName: item.run.run.name, runID: item.run.run.id, rowCount: table.data.count, shownRows: shownRows.count,
                truncated: table.data.count > shownRows.count, csvHref: SitePaths.link(from: path, to: item.csvPath),
                columns: table.columns.map { ProjectPage.Column(name: $0.name, sort: $0.type == .number ? "num" : "text") },
                rows: shownRows.map { row in TableRow(cells: row.map(cell)) }))
        }
        let model = Model(
            page: .project(project.name, title: "Tables of \(project.name)", path: path, kind: "tables", paths: paths), site: site,
            hasSeries: !aggregates.columns.isEmpty, seriesColumns: aggregates.columns.map(\.label), seriesRows: seriesRows,
            seriesCSV: seriesLinks, tables: tables, hasContent: !aggregates.columns.isEmpty || !tables.isEmpty,
            omitted: omitted == 0 ? nil : "\(omitted) more logged tables are in the CSV files of tables/ (this page shows the first \(perNameLimit) runs' tables of each name).")
        return Output(
            page: RenderedPage(path: path, html: try templates.render(model, template: "tables")), files: files,
            fingerprints: fingerprints)
    }

    private static func cell(_ value: JSONValue) -> ProjectPage.Cell {
        switch value {
        case .null: ProjectPage.Cell(text: "", sortValue: "", cssClass: "")
        case .number(let number): ProjectPage.Cell(text: NumberText.compact(number), sortValue: NumberText.exact(number), cssClass: "num")
        case .string(let text): ProjectPage.Cell(text: text, sortValue: text, cssClass: "")
        case .bool(let flag): ProjectPage.Cell(text: flag ? "true" : "false", sortValue: flag ? "1" : "0", cssClass: "")
        default: ProjectPage.Cell(text: value.jsonText, sortValue: value.jsonText, cssClass: "")
        }
    }
}
