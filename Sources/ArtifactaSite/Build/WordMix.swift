/// The steps both of a build's hashes are made of (``ContentHash``, ``FingerprintHash``):
/// bytes taken eight at a time, each word mixed in by a multiply by an odd constant and a
/// rotation (a bijection, so inputs that differ in one word end in different states), and
/// the SplitMix64 finalizer, so that every input bit moves about half of the output bits.
enum WordMix {
    /// `state` with `word` mixed in.
    static func step(_ state: UInt64, _ word: UInt64) -> UInt64 { rotate((state ^ word) &* 0x9E37_79B9_7F4A_7C15, 29) }

    static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 { (value << bits) | (value >> (64 - bits)) }

    /// `body` with each little-endian word of `bytes`, then with the bytes left over (zero-padded, zero when none).
    static func words(of bytes: UnsafeRawBufferPointer, _ body: (UInt64) -> Void) {
        let words = bytes.count / 8
        for index in 0..<words { body(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))) }
        var tail: UInt64 = 0
        for offset in (words * 8)..<bytes.count { tail |= UInt64(bytes[offset]) << (8 * UInt64(offset - words * 8)) }
        body(tail)
    }

    /// SplitMix64's finalizer.
    static func finish(_ value: UInt64) -> UInt64 {
        var hash = value
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }
}
