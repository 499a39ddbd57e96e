import ArtifactaCore

/// The cells a ``HeatmapChart`` draws: the matrix itself, row-normalised when asked,
/// averaged into blocks when it has more rows or columns than can be drawn legibly.
struct HeatmapGrid {
    var rowLabels: [String]
    var columnLabels: [String]
    /// The values coloured and shown (shares of the row when normalised).
    var values: [[Double]]
    /// The values before normalisation, for tooltips.
    var rawValues: [[Double]]
    /// Says how the matrix was reduced, when it was.
    var blockNote: String?

    init(matrix: Matrix, maxSide: Int, normalizeRows: Bool) {
        let rowGroups = Self.groups(count: matrix.rows.count, maxCount: max(1, maxSide))
        let columnGroups = Self.groups(count: matrix.cols.count, maxCount: max(1, maxSide))
        rowLabels = rowGroups.map { Self.label($0, matrix.rows) }
        columnLabels = columnGroups.map { Self.label($0, matrix.cols) }
        rawValues = rowGroups.map { rows in
            columnGroups.map { columns in
                var sum = 0.0, count = 0
                for row in rows where row < matrix.values.count {
                    for column in columns where column < matrix.values[row].count {
                        let value = matrix.values[row][column]
                        if value.isFinite { sum += value; count += 1 }
                    }
                }
                return count == 0 ? .nan : sum / Double(count)
            }
        }
        if rowGroups.count < matrix.rows.count || columnGroups.count < matrix.cols.count {
            blockNote = "\(matrix.rows.count)×\(matrix.cols.count) averaged into \(rowGroups.count)×\(columnGroups.count) blocks"
        }
        values = normalizeRows
            ? rawValues.map { row in
                let total = row.filter(\.isFinite).reduce(0, +)
                return row.map { total != 0 && $0.isFinite ? $0 / total : ($0.isFinite ? 0 : .nan) }
            }
            : rawValues
    }

    /// The smallest and largest finite value, or `nil` when there is none.
    var finiteRange: (lower: Double, upper: Double)? {
        let finite = values.joined().filter(\.isFinite)
        guard let lower = finite.min(), let upper = finite.max() else { return nil }
        return (lower, upper)
    }

    private static func groups(count: Int, maxCount: Int) -> [Range<Int>] {
        guard count > maxCount else { return (0..<count).map { $0..<($0 + 1) } }
        return (0..<maxCount).map { ($0 * count / maxCount)..<(($0 + 1) * count / maxCount) }
    }

    private static func label(_ range: Range<Int>, _ labels: [String]) -> String {
        guard let first = range.first, first < labels.count else { return "" }
        guard range.count > 1, let last = range.last, last < labels.count else { return labels[first] }
        return labels[first] + "…" + labels[last]
    }
}
