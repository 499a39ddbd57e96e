import ArtifactaCore
import Synchronization

/// The faint lines of overlay charts and their band, kept from one drawing to the next: a
/// site's rebuild after one more run of a thousand takes the old runs' faint lines from its
/// previous build and reduces only the new run's points.
///
/// What is kept is a chart's band for one layout of x, with the faint line of each run it
/// covers by the run's ``LineChartRun/dataKey``. A band widened by more runs equals the band
/// of all of them (it holds minimums and maximums), so a chart whose runs include every
/// covered run takes it and reduces only the others.
///
/// `known` is what the previous drawing kept; ``encoded()`` is what this one used, for the next.
public final class LineChartReductions: Sendable {
    /// How a chart's faint lines split x: everything a line's reduction depends on besides its points.
    struct Layout: Hashable, Sendable {
        var buckets: Int
        var columns: Int
        var xLower: Double
        var xUpper: Double
        var positiveOnly: Bool
    }

    private struct Key: Hashable {
        var chart: String
        var layout: Layout
    }

    /// One chart's band in one layout, and the faint lines of the runs it covers (in the
    /// chart's order), by data key.
    struct Kept: Sendable {
        var band: BucketMeans.Band
        var members: [Int64]
        var lines: [Int64: BucketMeans.Reduction]
    }

    private let known: [Key: Kept]
    private let used = Mutex<[Key: Kept]>([:])

    /// Nothing kept: every faint line is reduced from its points.
    public convenience init() { self.init(known: [:]) }

    private init(known: [Key: Kept]) { self.known = known }

    func kept(chart: String, layout: Layout) -> Kept? { known[Key(chart: chart, layout: layout)] }

    /// Keeps a chart's band and faint lines for the next drawing.
    func keep(chart: String, layout: Layout, _ kept: Kept) {
        used.withLock { $0[Key(chart: chart, layout: layout)] = kept }
    }

    private static let magic = "artifacta-line-reductions 1\n"

    /// What this drawing used, in a stable order (the same drawing writes the same bytes).
    public func encoded() -> [UInt8] {
        let used = used.withLock { $0 }.sorted { Self.precedes($0.key, $1.key) }
        var writer = BinaryWriter(magic: Self.magic)
        // Sized first: a thousand runs' faint lines of every chart are megabytes.
        writer.reserve(used.reduce(64) { size, item in
            size + 128 + item.key.chart.utf8.count + 16 * item.value.band.lower.count
                + item.value.lines.values.reduce(0) { $0 + 48 + 17 * $1.points.count } + 8 * item.value.members.count
        })
        writer.int(used.count)
        for (key, kept) in used {
            writer.string(key.chart)
            writer.int(key.layout.buckets)
            writer.int(key.layout.columns)
            writer.double(key.layout.xLower)
            writer.double(key.layout.xUpper)
            writer.bool(key.layout.positiveOnly)
            writer.doubles(kept.band.lower)
            writer.doubles(kept.band.upper)
            writer.int(kept.members.count)
            for member in kept.members {
                writer.int(Int(member))
                guard let line = kept.lines[member] else {
                    writer.int(-1)
                    continue
                }
                writer.int(line.points.count)
                for point in line.points {
                    writer.bool(point != nil)
                    if let point {
                        writer.double(point.0)
                        writer.double(point.1)
                    }
                }
                writer.double(line.lower)
                writer.double(line.upper)
                writer.bool(line.sawNonPositive)
            }
        }
        return writer.bytes
    }

    /// What ``encoded()`` wrote; nil when the bytes are damaged.
    public static func decode(_ bytes: [UInt8]) -> LineChartReductions? {
        guard var reader = BinaryReader(bytes, magic: magic), let count = reader.count(each: 1) else { return nil }
        var known: [Key: Kept] = [:]
        for _ in 0..<count {
            guard let chart = reader.string(), let buckets = reader.int(), let columns = reader.int(), let xLower = reader.double(),
                let xUpper = reader.double(), let positiveOnly = reader.bool(), let lower = reader.doubles(), let upper = reader.doubles(),
                lower.count == upper.count, let memberCount = reader.count(each: 8)
            else { return nil }
            var kept = Kept(band: BucketMeans.Band(lower: lower, upper: upper), members: [], lines: [:])
            kept.members.reserveCapacity(memberCount)
            kept.lines.reserveCapacity(memberCount)
            for _ in 0..<memberCount {
                guard let member = reader.int(), let pointCount = reader.int() else { return nil }
                kept.members.append(Int64(member))
                guard pointCount >= 0 else { continue }
                var points: [(Double, Double)?] = []
                points.reserveCapacity(min(pointCount, 4096))
                for _ in 0..<pointCount {
                    guard let present = reader.bool() else { return nil }
                    guard present else {
                        points.append(nil)
                        continue
                    }
                    guard let x = reader.double(), let y = reader.double() else { return nil }
                    points.append((x, y))
                }
                guard let low = reader.double(), let high = reader.double(), let sawNonPositive = reader.bool() else { return nil }
                kept.lines[Int64(member)] = BucketMeans.Reduction(points: points, lower: low, upper: high, sawNonPositive: sawNonPositive)
            }
            let layout = Layout(buckets: buckets, columns: columns, xLower: xLower, xUpper: xUpper, positiveOnly: positiveOnly)
            known[Key(chart: chart, layout: layout)] = kept
        }
        return reader.isAtEnd ? LineChartReductions(known: known) : nil
    }

    /// A total order of keys, for a stable file.
    private static func precedes(_ a: Key, _ b: Key) -> Bool {
        if a.chart != b.chart { return a.chart.utf8.lexicographicallyPrecedes(b.chart.utf8) }
        let left = [UInt64(bitPattern: Int64(a.layout.buckets)), UInt64(bitPattern: Int64(a.layout.columns)), a.layout.xLower.bitPattern, a.layout.xUpper.bitPattern, a.layout.positiveOnly ? 1 : 0]
        let right = [UInt64(bitPattern: Int64(b.layout.buckets)), UInt64(bitPattern: Int64(b.layout.columns)), b.layout.xLower.bitPattern, b.layout.xUpper.bitPattern, b.layout.positiveOnly ? 1 : 0]
        return left.lexicographicallyPrecedes(right)
    }
}
