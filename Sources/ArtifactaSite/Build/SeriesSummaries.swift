import ArtifactaCharts
import ArtifactaCore
import ArtifactaStore
import Foundation
import Synchronization

/// What a build learned of each Series entry's points, kept in the site (`.artifacta-series`)
/// for the next build: each field's final, min and max (``SeriesAggregates``), the x range
/// of its line, and the Plots overlays' faint lines and bands (``LineChartReductions``).
///
/// A Series only grows, so an entry's id, run, time and point count name its points. A
/// rebuild takes what is kept for those and reads only the points of the other entries, and
/// of the runs the overlays draw in full: after one more run of a thousand, that run's.
///
/// The file holds what the last build used, so it stays as large as the store's Series. It
/// is taken only from the same build of Artifacta (``PageFingerprint/toolDigest``): another
/// may reduce lines differently. An unreadable file is an empty one.
final class SeriesSummaries: Sendable {
    static let fileName = ".artifacta-series"
    private static let magic = "artifacta-series 1\n"

    /// One entry's points, summarized.
    struct Summary: Sendable {
        /// The point count and x range of its lines (every field shares its x).
        var line: LineChartRun.Summary
        /// Each field's aggregates in the order of the entry's fields, nil where it has no
        /// value that is not NaN.
        var fields: [SeriesAggregates.Values?]
    }

    private let known: [Int64: Summary]
    private let used = Mutex<[Int64: Summary]>([:])
    /// The size of the file read: about the next one's.
    private let previousSize: Int
    /// The overlays' faint lines: kept ones in, this build's out.
    let reductions: LineChartReductions

    /// The summaries the site at `folder` kept (none for a first build).
    init(folder: URL?) {
        let reader = KeptFile.reader(Self.fileName, in: folder, magic: Self.magic)
        previousSize = reader?.byteCount ?? 0
        let decoded = reader.flatMap(Self.decode)
        known = decoded?.summaries ?? [:]
        reductions = decoded?.reductions ?? LineChartReductions()
    }

    /// The kept summary of `entry`'s points, if any.
    func summary(_ entry: StoredEntry) -> Summary? { known[KeptFile.key(entry)] }

    /// Keeps the summaries of these entries' points for the next build.
    func keep(_ summaries: [(entry: StoredEntry, summary: Summary)]) {
        used.withLock { used in
            for (entry, summary) in summaries { used[KeptFile.key(entry)] = summary }
        }
    }

    /// The summary of the points of `entry`, read from the store.
    static func summarize(_ series: Series, of entry: StoredEntry) -> Summary {
        let fields = entry.seriesFields.map { name in
            series.fields.first { $0.name == name }.flatMap { SeriesAggregates.summarize($0.values) }
        }
        let line = series.fields.first.flatMap { LineChartRun(runID: "", name: "", colorIndex: 0, series: series, field: $0.name) }
        return Summary(
            line: line.map(LineChartRun.Summary.init(of:)) ?? LineChartRun.Summary(pointCount: 0, xLower: 0, xUpper: 0, ordered: false, hasDomain: false),
            fields: fields)
    }

    /// The Series entries of `project` that have no kept summary.
    func unknownEntries(of project: ProjectData) -> [StoredEntry] {
        project.runs.flatMap(\.seriesEntries).filter { known[KeptFile.key($0)] == nil }
    }

    /// The file to write into the new site: what this build used, in key order.
    func encoded() -> [UInt8] {
        var writer = KeptFile.writer(magic: Self.magic, items: used.withLock { $0 }, previousSize: previousSize) { writer, summary in
            writer.int(summary.line.pointCount)
            writer.double(summary.line.xLower)
            writer.double(summary.line.xUpper)
            writer.bool(summary.line.ordered)
            writer.bool(summary.line.hasDomain)
            writer.int(summary.fields.count)
            for values in summary.fields {
                writer.bool(values != nil)
                if let values {
                    writer.double(values.final)
                    writer.double(values.min)
                    writer.double(values.max)
                }
            }
        }
        writer.part(reductions.encoded())
        return writer.bytes
    }

    /// What ``encoded()`` wrote; nil when damaged or written by another build of Artifacta.
    static func decode(_ bytes: [UInt8]) -> (summaries: [Int64: Summary], reductions: LineChartReductions)? {
        KeptFile.reader(bytes, magic: magic).flatMap(decode)
    }

    /// The fields after the header.
    private static func decode(_ reader: BinaryReader) -> (summaries: [Int64: Summary], reductions: LineChartReductions)? {
        var reader = reader
        guard let count = reader.count(each: 1) else { return nil }
        var summaries: [Int64: Summary] = [:]
        summaries.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = reader.int(), let pointCount = reader.int(), let xLower = reader.double(), let xUpper = reader.double(),
                let ordered = reader.bool(), let hasDomain = reader.bool(), let fieldCount = reader.count(each: 1)
            else { return nil }
            var fields: [SeriesAggregates.Values?] = []
            for _ in 0..<fieldCount {
                guard let present = reader.bool() else { return nil }
                guard present else {
                    fields.append(nil)
                    continue
                }
                guard let final = reader.double(), let min = reader.double(), let max = reader.double() else { return nil }
                fields.append(SeriesAggregates.Values(final: final, min: min, max: max))
            }
            let line = LineChartRun.Summary(pointCount: pointCount, xLower: xLower, xUpper: xUpper, ordered: ordered, hasDomain: hasDomain)
            summaries[Int64(key)] = Summary(line: line, fields: fields)
        }
        guard let kept = reader.part(), reader.isAtEnd, let reductions = LineChartReductions.decode(Array(kept)) else { return nil }
        return (summaries, reductions)
    }
}
