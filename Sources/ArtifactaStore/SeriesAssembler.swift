import ArtifactaCore
import Foundation
import GRDB

/// Puts a Series back together from its packed chunks, in any order: each field becomes
/// `pointCount` values, NaN where no chunk covers it.
struct SeriesAssembler {
    let entry: StoredEntry
    private var columns: [String: [Double]] = [:]

    init(entry: StoredEntry) { self.entry = entry }

    /// Adds one chunk row whose columns `field`, `first_point` and `data_values` sit at these indices.
    mutating func add(_ row: Row, field fieldIndex: Int, firstPoint firstPointIndex: Int, values valuesIndex: Int) throws {
        let field: String = row[fieldIndex]
        let firstPoint: Int = row[firstPointIndex]
        guard firstPoint >= 0, firstPoint < entry.pointCount else { return }
        let count = entry.pointCount
        try row.withUnsafeData(atIndex: valuesIndex) { bytes in
            guard let bytes else { return }
            columns[field, default: [Double](repeating: .nan, count: count)].withUnsafeMutableBufferPointer { destination in
                _ = bytes.withUnsafeBytes { SeriesPacking.unpack($0, into: destination, at: firstPoint) }
            }
        }
    }

    var series: Series {
        Series(
            index: entry.seriesIndex,
            fields: entry.seriesFields.map { SeriesField(name: $0, values: columns[$0] ?? [Double](repeating: .nan, count: entry.pointCount)) })
    }
}
