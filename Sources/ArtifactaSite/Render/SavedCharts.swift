import ArtifactaCore
import Foundation
import Synchronization

/// The one-run charts of the Plots pages, kept in the site (`.artifacta-charts`) from one
/// build to the next by the fingerprint of what they show. A rebuild after one more run of
/// a large sweep then takes the first hundred runs' histograms and matrices from here instead
/// of reading and decoding megabytes of their data again; their run pages are reused whole.
///
/// The file holds only the charts the last build's Plots pages showed, so it stays as large
/// as those charts. An unreadable file is an empty one: every chart is then drawn.
final class SavedCharts: Sendable {
    static let fileName = ".artifacta-charts"
    private static let magic = "artifacta-charts 1\n"

    private let previous: [String: [UInt8]]
    private let used = Mutex<[String: [UInt8]]>([:])
    /// The size of the file read: about the next one's.
    private let previousSize: Int

    /// The charts the site at `folder` saved (none for a first build).
    init(folder: URL?) {
        let bytes = folder.flatMap { FileBytes.read($0.appendingPathComponent(Self.fileName).path) }
        previous = bytes.flatMap(Self.decode) ?? [:]
        previousSize = bytes?.count ?? 0
    }

    /// The chart with this fingerprint, from the previous build or drawn now; either way
    /// saved for the next build.
    func svg(fingerprint: String, draw: () -> [UInt8]) -> [UInt8] {
        let svg = previous[fingerprint] ?? draw()
        used.withLock { $0[fingerprint] = svg }
        return svg
    }

    /// The file to write into the new site: the charts this build used, in key order.
    func encoded() -> [UInt8] {
        var writer = BinaryWriter(magic: Self.magic)
        writer.reserve(KeptFile.capacity(after: previousSize))
        for (key, svg) in used.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            writer.part(svg)
        }
        return writer.bytes
    }

    /// Key and chart pairs, each a 32-bit little-endian length then UTF-8; nil when malformed.
    /// A chart's bytes are taken as they are: this build's own output, written into the page as it is.
    static func decode(_ bytes: [UInt8]) -> [String: [UInt8]]? {
        guard var reader = BinaryReader(bytes, magic: magic) else { return nil }
        var charts: [String: [UInt8]] = [:]
        while !reader.isAtEnd {
            guard let key = reader.string(), let svg = reader.part() else { return nil }
            charts[key] = Array(svg)
        }
        return charts
    }
}
