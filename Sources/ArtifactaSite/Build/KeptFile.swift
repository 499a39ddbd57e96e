import ArtifactaCore
import ArtifactaStore
import Foundation

/// A file a build keeps in the site for the next build (``SeriesSummaries``, ``KeptCurves``):
/// a magic line naming its format, then the ``PageFingerprint/toolDigest`` of the build that
/// wrote it, then its fields. Only the same build of Artifacta reads it back: another may
/// decode or reduce differently. A missing, damaged or foreign file reads as none.
enum KeptFile {
    /// A writer of a file in format `magic`, its header written.
    static func writer(magic: String) -> BinaryWriter {
        var writer = BinaryWriter(magic: magic)
        writer.string(PageFingerprint.toolDigest)
        return writer
    }

    /// The file `name` of the site at `folder`, positioned after its header; nil when there
    /// is none or it is another format's or another build's.
    static func reader(_ name: String, in folder: URL?, magic: String) -> BinaryReader? {
        guard let folder, let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
        return reader([UInt8](data), magic: magic)
    }

    /// `bytes` positioned after the header; nil when they are another format's or another build's.
    static func reader(_ bytes: [UInt8], magic: String) -> BinaryReader? {
        guard var reader = BinaryReader(bytes, magic: magic), reader.string() == PageFingerprint.toolDigest else { return nil }
        return reader
    }

    /// What names an entry's content: its id, run, time, name, point count, index and fields,
    /// hashed to 64 bits (FNV-1a, then mixed). Entries are never rewritten and a Series only
    /// grows (its point count), so equal keys mean equal content — unless two entries
    /// collide, about one chance in 10^11 for a hundred thousand of them.
    static func key(_ entry: StoredEntry) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        func add(_ word: UInt64) { for shift in stride(from: 0, to: 64, by: 8) { add(UInt8(truncatingIfNeeded: word >> UInt64(shift))) } }
        func add(_ text: String) {
            for byte in text.utf8 { add(byte) }
            add(UInt8(0))
        }
        add(UInt64(bitPattern: entry.id))
        add(UInt64(entry.pointCount))
        add(entry.loggedAt.timeIntervalSince1970.bitPattern)
        add(entry.runID)
        add(entry.name)
        add(entry.type.rawValue)
        add(entry.seriesIndex.map { "i" + $0 } ?? "-")
        for field in entry.seriesFields { add(field) }
        // The finalizer of SplitMix64: every input bit moves about half of the output bits.
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return Int64(bitPattern: hash ^ (hash >> 31))
    }
}
