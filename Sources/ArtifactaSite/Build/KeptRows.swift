import ArtifactaCore
import Foundation
import Synchronization

/// Table rows of the pages that list every run (the runs table, the Tables page's Series
/// aggregates), kept in the site (`.artifacta-rows`) by a ``ContentHash`` of everything they
/// show: a rebuild after one more run of a thousand writes the other rows as they were
/// instead of formatting and templating them again.
final class KeptRows: Sendable {
    static let fileName = ".artifacta-rows"
    private static let magic = "artifacta-rows 1\n"

    private let known: [Int64: [UInt8]]
    private let used = Mutex<[Int64: [UInt8]]>([:])
    /// The size of the file read: about the next one's.
    private let previousSize: Int

    /// The rows the site at `folder` kept (none for a first build).
    init(folder: URL?) {
        let reader = KeptFile.reader(Self.fileName, in: folder, magic: Self.magic)
        known = reader.flatMap(Self.decode) ?? [:]
        previousSize = reader?.byteCount ?? 0
    }

    /// The row made from inputs with hash `key`: kept, or made now; either way kept for the next build.
    func row(_ key: Int64, make: () throws -> [UInt8]) rethrows -> [UInt8] {
        let row = try known[key] ?? make()
        used.withLock { $0[key] = row }
        return row
    }

    /// The file to write into the new site: the rows this build used, in key order.
    func encoded() -> [UInt8] {
        KeptFile.writer(magic: Self.magic, items: used.withLock { $0 }, previousSize: previousSize) { writer, row in writer.part(row) }.bytes
    }

    private static func decode(_ reader: BinaryReader) -> [Int64: [UInt8]]? {
        var reader = reader
        guard let count = reader.count(each: 12) else { return nil }
        var rows: [Int64: [UInt8]] = [:]
        rows.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = reader.int(), let row = reader.part() else { return nil }
            rows[Int64(key)] = Array(row)
        }
        return reader.isAtEnd ? rows : nil
    }
}
