import ArtifactaCore
import ArtifactaStore

/// The final, minimum and maximum of every Series field of every run, as the runs table
/// and the Tables page show them. The index field is left out; NaN values are skipped.
struct SeriesAggregates: Sendable {
    /// One column: a Series field, named `field` when that is unique, else `series/field`.
    struct Column: Sendable, Hashable {
        var series: String
        var field: String
        var label: String
    }

    struct Values: Sendable {
        var final: Double
        var min: Double
        var max: Double
    }

    let columns: [Column]
    /// Each run's values, in the order of ``columns`` (nil where the run has no such field).
    private let rows: [String: [Values?]]
    private let columnIndex: [Column: Int]

    /// The aggregates of `runs`: from the kept `summaries` where an entry's points are
    /// unchanged, else from the points (read now, in one read for all such entries).
    init(runs: [RunData], summaries: SeriesSummaries? = nil) {
        struct Pair: Hashable {
            let series: String
            let field: String
        }
        var pairs: [Pair] = []
        var seen = Set<Pair>()
        for run in runs {
            for entry in run.entries where entry.type == .series {
                for field in entry.seriesFields where field != entry.seriesIndex || entry.seriesFields.count == 1 {
                    let pair = Pair(series: entry.name, field: field)
                    if seen.insert(pair).inserted { pairs.append(pair) }
                }
            }
        }
        let fieldCounts = Dictionary(grouping: pairs, by: \.field).mapValues(\.count)
        let columns = pairs.map { Column(series: $0.series, field: $0.field, label: fieldCounts[$0.field] == 1 ? $0.field : "\($0.series)/\($0.field)") }
        // A pass over every point not summarized yet: on all cores.
        let values = Parallel.map(runs.count) { index in
            let run = runs[index]
            var found: [(entry: StoredEntry, summary: SeriesSummaries.Summary)] = []
            for entry in run.seriesEntries {
                if let kept = summaries?.summary(entry) {
                    found.append((entry, kept))
                } else if let series = run.points.series(entry) {
                    found.append((entry, SeriesSummaries.summarize(series, of: entry)))
                }
            }
            summaries?.keep(found)
            return columns.map { column -> Values? in
                guard let (entry, summary) = found.first(where: { $0.entry.name == column.series }),
                    let field = entry.seriesFields.firstIndex(of: column.field)
                else { return nil }
                return summary.fields[field]
            }
        }
        self.columns = columns
        rows = Dictionary(zip(runs.map(\.run.id), values), uniquingKeysWith: { first, _ in first })
        columnIndex = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func values(runID: String, column: Column) -> Values? {
        guard let index = columnIndex[column] else { return nil }
        return rows[runID]?[index]
    }

    /// A run's values of every column, in the order of ``columns``: one lookup for a whole row.
    func row(runID: String) -> [Values?] { rows[runID] ?? Array(repeating: nil, count: columns.count) }

    /// Adds a run's row to the key of something made from it (a kept row of a page): each
    /// column's final value, or also its min and max with `extremes`; a zero where it has none.
    func addRow(runID: String, extremes: Bool = false, to hash: inout ContentHash) {
        for values in row(runID: runID) {
            guard let values else {
                hash.add(UInt8(0))
                continue
            }
            if extremes {
                hash.add(UInt8(1))
                for value in [values.final, values.min, values.max] { hash.add(value) }
            } else {
                hash.add(values.final)
            }
        }
    }

    static func summarize(_ values: [Double]) -> Values? {
        var final = Double.nan
        var low = Double.infinity
        var high = -Double.infinity
        for value in values where !value.isNaN {
            final = value
            low = Swift.min(low, value)
            high = Swift.max(high, value)
        }
        return final.isNaN ? nil : Values(final: final, min: low, max: high)
    }
}
