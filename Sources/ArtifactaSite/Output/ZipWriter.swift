import Foundation

/// Writes a zip archive of stored (uncompressed) files, streaming each file's content.
///
/// Used for "download this directory as one .zip". Zip64 is not written: an archive is
/// refused beyond 4 GiB or 65,535 files (the caller reports that as a diagnostic).
struct ZipWriter {
    struct Entry {
        var path: String
        var source: URL
    }

    enum Failure: Error, CustomStringConvertible {
        case tooLarge
        case unreadable(String)

        var description: String {
            switch self {
            case .tooLarge: "the archive would exceed 4 GiB or 65,535 files"
            case .unreadable(let path): "cannot read \(path)"
            }
        }
    }

    /// Writes `entries` into a new zip file at `destination`.
    static func write(_ entries: [Entry], to destination: URL) throws {
        guard entries.count < 65_535 else { throw Failure.tooLarge }
        guard FileManager.default.createFile(atPath: destination.path, contents: nil) else { throw Failure.unreadable(destination.path) }
        let output = try FileHandle(forWritingTo: destination)
        defer { try? output.close() }
        var central = Data()
        var offset: UInt64 = 0
        for entry in entries {
            guard let input = FileHandle(forReadingAtPath: entry.source.path) else { throw Failure.unreadable(entry.path) }
            defer { try? input.close() }
            var crc = CRC32()
            var size: UInt64 = 0
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                chunk.withUnsafeBytes { crc.update($0) }
                size += UInt64(chunk.count)
            }
            let name = Data(entry.path.utf8)
            guard size < 0xFFFF_FFFF, offset < 0xFFFF_FFFF else { throw Failure.tooLarge }
            var header = Data()
            header.append(le32: 0x0403_4B50)
            header.append(le16: 20)
            header.append(le16: 0x0800)  // names are UTF-8
            header.append(le16: 0)  // stored
            header.append(le16: 0)  // time
            header.append(le16: 0x21)  // date: 1980-01-01, fixed for deterministic output
            header.append(le32: crc.value)
            header.append(le32: UInt32(size))
            header.append(le32: UInt32(size))
            header.append(le16: UInt16(name.count))
            header.append(le16: 0)
            header.append(name)
            try output.write(contentsOf: header)
            try input.seek(toOffset: 0)
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty { try output.write(contentsOf: chunk) }

            central.append(le32: 0x0201_4B50)
            central.append(le16: 20)
            central.append(le16: 20)
            central.append(le16: 0x0800)
            central.append(le16: 0)
            central.append(le16: 0)
            central.append(le16: 0x21)
            central.append(le32: crc.value)
            central.append(le32: UInt32(size))
            central.append(le32: UInt32(size))
            central.append(le16: UInt16(name.count))
            central.append(le16: 0)
            central.append(le16: 0)
            central.append(le16: 0)
            central.append(le16: 0)
            central.append(le32: 0)
            central.append(le32: UInt32(offset))
            central.append(name)
            offset += UInt64(header.count) + size
        }
        guard offset + UInt64(central.count) < 0xFFFF_FFFF else { throw Failure.tooLarge }
        var end = Data()
        end.append(le32: 0x0605_4B50)
        end.append(le16: 0)
        end.append(le16: 0)
        end.append(le16: UInt16(entries.count))
        end.append(le16: UInt16(entries.count))
        end.append(le32: UInt32(central.count))
        end.append(le32: UInt32(offset))
        end.append(le16: 0)
        try output.write(contentsOf: central + end)
    }
}

extension Data {
    fileprivate mutating func append(le16 value: UInt16) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
    fileprivate mutating func append(le32 value: UInt32) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
}
