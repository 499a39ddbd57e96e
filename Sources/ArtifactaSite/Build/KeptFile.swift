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

    /// The bytes to reserve for a file that replaces one of `previousSize` bytes: as many and
    /// an eighth more (a rebuild's files grow by its new runs).
    static func capacity(after previousSize: Int) -> Int { previousSize + previousSize / 8 }

    /// A file of `items` in key order: the header, their count, then each key followed by
    /// what `write` writes of its item, sized from the file it replaces (`previousSize`).
    static func writer<Item>(
        magic: String, items: [Int64: Item], previousSize: Int = 0, write: (inout BinaryWriter, Item) -> Void
    ) -> BinaryWriter {
        var writer = writer(magic: magic)
        writer.reserve(capacity(after: previousSize))
        let sorted = items.sorted { $0.key < $1.key }
        writer.int(sorted.count)
        for (key, item) in sorted {
            writer.int(Int(key))
            write(&writer, item)
        }
        return writer
    }

    /// The file `name` of the site at `folder`, positioned after its header; nil when there
    /// is none or it is another format's or another build's.
    static func reader(_ name: String, in folder: URL?, magic: String) -> BinaryReader? {
        guard let folder, let bytes = FileBytes.read(folder.appendingPathComponent(name).path) else { return nil }
        return reader(bytes, magic: magic)
    }

    /// `bytes` positioned after the header; nil when they are another format's or another build's.
    static func reader(_ bytes: [UInt8], magic: String) -> BinaryReader? {
        guard var reader = BinaryReader(bytes, magic: magic), reader.string() == PageFingerprint.toolDigest else { return nil }
        return reader
    }

    /// What names an entry's content: its id, run, time, name, point count, index and
    /// fields. Entries are never rewritten and a Series only grows (its point count), so equal
    /// keys mean equal content (``ContentHash``).
    static func key(_ entry: StoredEntry) -> Int64 {
        var hash = ContentHash()
        hash.add(UInt64(bitPattern: entry.id))
        hash.add(entry.pointCount)
        hash.add(entry.loggedAt.timeIntervalSince1970)
        hash.add(entry.runID)
        hash.add(entry.name)
        hash.add(entry.type.rawValue)
        if let index = entry.seriesIndex {
            hash.add(UInt8(ascii: "i"))
            hash.add(index)
        } else {
            hash.add(UInt8(ascii: "-"))
        }
        for field in entry.seriesFields { hash.add(field) }
        return hash.value
    }
}
