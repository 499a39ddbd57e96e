import Foundation

/// The packed encoding of series values: IEEE-754 binary64, little-endian, no header.
enum SeriesPacking {
    static func pack(_ values: ArraySlice<Double>) -> Data {
        var data = Data(count: values.count * 8)
        data.withUnsafeMutableBytes { raw in
            var offset = 0
            for value in values {
                raw.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: offset, as: UInt64.self)
                offset += 8
            }
        }
        return data
    }

    /// Copies packed values into `destination` starting at `offset`; returns how many were copied.
    static func unpack(_ bytes: UnsafeRawBufferPointer, into destination: UnsafeMutableBufferPointer<Double>, at offset: Int)
        -> Int
    {
        let count = min(bytes.count / 8, destination.count - offset)
        guard count > 0 else { return 0 }
        #if _endian(little)
            UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(destination)[(offset * 8)..<((offset + count) * 8)])
                .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<(count * 8)]))
        #else
            for index in 0..<count {
                let bits = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
                destination[offset + index] = Double(bitPattern: bits)
            }
        #endif
        return count
    }
}
