/// Fields appended to bytes, little-endian: the format of the caches a site keeps between
/// builds. ``BinaryReader`` reads them back in the same order.
public struct BinaryWriter {
    public private(set) var bytes: [UInt8]

    /// Starts with `magic`, which names the format and its version.
    public init(magic: String) { bytes = Array(magic.utf8) }

    /// Makes room for `count` bytes in all.
    public mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    public mutating func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) } }

    /// The exact bits of `value` (NaN and infinities included).
    public mutating func double(_ value: Double) { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// A length, then the bytes.
    public mutating func part(_ part: some Collection<UInt8>) {
        withUnsafeBytes(of: UInt32(part.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: part)
    }

    /// A length, then the UTF-8.
    public mutating func string(_ text: String) { part(text.utf8) }

    /// A count, then the values.
    public mutating func doubles(_ values: [Double]) {
        int(values.count)
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { double(value) }
        #endif
    }
}

/// Reads what ``BinaryWriter`` wrote. Every read checks the bounds and returns nil past the
/// end or on a malformed field, so that a damaged file reads as no file.
public struct BinaryReader {
    private let data: [UInt8]
    private var position: Int

    /// Nil when `bytes` does not start with `magic`.
    public init?(_ bytes: [UInt8], magic: String) {
        let magic = Array(magic.utf8)
        guard bytes.starts(with: magic) else { return nil }
        data = bytes
        position = magic.count
    }

    public var isAtEnd: Bool { position == data.count }

    /// The size of what is read, in bytes.
    public var byteCount: Int { data.count }

    private mutating func word(_ size: Int) -> UInt64? {
        guard size <= data.count - position else { return nil }
        let start = position
        position += size
        // A whole word at once (kept files hold millions of them), else byte by byte.
        if size == 8 { return UInt64(littleEndian: data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: start, as: UInt64.self) }) }
        var value: UInt64 = 0
        for offset in 0..<size { value |= UInt64(data[start + offset]) << (8 * UInt64(offset)) }
        return value
    }

    public mutating func int() -> Int? { word(8).map { Int(Int64(bitPattern: $0)) } }

    /// A count of items of at least `size` bytes each: nil when the rest of the file cannot hold that many.
    public mutating func count(each size: Int) -> Int? {
        guard let value = int(), value >= 0, value <= (data.count - position) / max(size, 1) else { return nil }
        return value
    }

    public mutating func double() -> Double? { word(8).map { Double(bitPattern: $0) } }

    public mutating func bool() -> Bool? {
        guard let value = word(1), value <= 1 else { return nil }
        return value == 1
    }

    public mutating func part() -> ArraySlice<UInt8>? {
        guard let length = word(4).map(Int.init), length <= data.count - position else { return nil }
        defer { position += length }
        return data[position..<(position + length)]
    }

    /// Nil as well when the bytes are not UTF-8.
    public mutating func string() -> String? { part().flatMap { String(validating: $0, as: UTF8.self) } }

    public mutating func doubles() -> [Double]? {
        guard let count = count(each: 8) else { return nil }
        #if _endian(little)
        let start = position
        position += count * 8
        return [Double](unsafeUninitializedCapacity: count) { values, initialized in
            data.withUnsafeBytes { bytes in
                UnsafeMutableRawBufferPointer(values).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + count * 8)]))
            }
            initialized = count
        }
        #else
        var values: [Double] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = double() else { return nil }
            values.append(value)
        }
        return values
        #endif
    }
}
