import ArtifactaCore

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
    private let values: [String: [Column: Values]]

    init(runs: [RunData]) {
        var pairs: [(series: String, field: String)] = []
        var seen = Set<String>()
        for run in runs {
            for entry in run.seriesEntries {
                for field in entry.seriesFields where field != entry.seriesIndex || entry.seriesFields.count == 1 {
                    if seen.insert("\(entry.name)\u{0}\(field)").inserted { pairs.append((entry.name, field)) }
                }
            }
        }
        let fieldCounts = Dictionary(grouping: pairs, by: \.field).mapValues(\.count)
        columns = pairs.map { Column(series: $0.series, field: $0.field, label: fieldCounts[$0.field] == 1 ? $0.field : "\($0.series)/\($0.field)") }
        var values: [String: [Column: Values]] = [:]
        for run in runs {
            var row: [Column: Values] = [:]
            for column in columns {
                guard let series = run.series[column.series],
                    let field = series.fields.first(where: { $0.name == column.field })
                else { continue }
                if let summary = Self.summarize(field.values) { row[column] = summary }
            }
            values[run.run.id] = row
        }
        self.values = values
    }

    func values(runID: String, column: Column) -> Values? { values[runID]?[column] }

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
