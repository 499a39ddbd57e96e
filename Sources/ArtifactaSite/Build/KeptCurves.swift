import ArtifactaCore
import ArtifactaStore
import Foundation
import Synchronization

/// Each run's latest Curves, decoded, kept in the site (`.artifacta-curves`) for the next
/// build. Curves are JSON in the store; the Sweeps pages take every run's Curve metrics and
/// the Plots page overlays every run's Curves, so a rebuild after one more run of a thousand
/// would otherwise parse a thousand Curves again. Entries are never rewritten: an entry's
/// ``KeptFile/key(_:)`` names its Curve.
final class KeptCurves: Sendable {
    static let fileName = ".artifacta-curves"
    private static let magic = "artifacta-curves 1\n"

    private let known: [Int64: Curve]
    private let used = Mutex<[Int64: Curve]>([:])
    /// The size of the file read: about the next one's.
    private let previousSize: Int

    /// The Curves the site at `folder` kept (none for a first build).
    init(folder: URL?) {
        let reader = KeptFile.reader(Self.fileName, in: folder, magic: Self.magic)
        known = reader.flatMap(Self.decode) ?? [:]
        previousSize = reader?.byteCount ?? 0
    }

    /// The kept Curve of `entry`, if any.
    func curve(_ entry: StoredEntry) -> Curve? { entry.type == .curve ? known[KeptFile.key(entry)] : nil }

    /// Keeps the latest Curves of the runs of `project` for the next build (decoded now if need be).
    func keepLatest(of project: ProjectData) {
        let entries = project.runs.flatMap { $0.latestEntries.filter { $0.type == .curve } }
        let curves = zip(entries, project.decoded.primitives(entries)).compactMap { entry, primitive -> (Int64, Curve)? in
            guard case .curve(let curve)? = primitive else { return nil }
            return (KeptFile.key(entry), curve)
        }
        used.withLock { used in
            for (key, curve) in curves { used[key] = curve }
        }
    }

    /// The file to write into the new site: the Curves kept, in key order.
    func encoded() -> [UInt8] {
        let writer = KeptFile.writer(magic: Self.magic, items: used.withLock { $0 }, previousSize: previousSize) { writer, curve in
            writer.doubles(curve.x)
            writer.doubles(curve.y)
            for text in [curve.xLabel, curve.yLabel, curve.baseline, curve.metric?.name] {
                writer.bool(text != nil)
                if let text { writer.string(text) }
            }
            if let metric = curve.metric { writer.double(metric.value) }
        }
        return writer.bytes
    }

    /// What ``encoded()`` wrote; nil when damaged or written by another build of Artifacta.
    static func decode(_ bytes: [UInt8]) -> [Int64: Curve]? {
        KeptFile.reader(bytes, magic: magic).flatMap(decode)
    }

    private static func decode(_ reader: BinaryReader) -> [Int64: Curve]? {
        var reader = reader
        guard let count = reader.count(each: 1) else { return nil }
        var curves: [Int64: Curve] = [:]
        for _ in 0..<count {
            guard let key = reader.int(), let x = reader.doubles(), let y = reader.doubles() else { return nil }
            var texts: [String?] = []
            for _ in 0..<4 {
                guard let present = reader.bool() else { return nil }
                if present {
                    guard let text = reader.string() else { return nil }
                    texts.append(text)
                } else {
                    texts.append(nil)
                }
            }
            var metric: CurveMetric?
            if let name = texts[3] {
                guard let value = reader.double() else { return nil }
                metric = CurveMetric(name: name, value: value)
            }
            curves[Int64(key)] = Curve(x: x, y: y, xLabel: texts[0], yLabel: texts[1], baseline: texts[2], metric: metric)
        }
        return reader.isAtEnd ? curves : nil
    }
}
