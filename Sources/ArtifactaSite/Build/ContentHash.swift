import ArtifactaCore

/// A 64-bit hash of fields, a word at a time (each step a multiply by an odd constant and a
/// rotation: a bijection, so contents that differ in one word end in different states), then
/// the SplitMix64 finalizer, so that every input bit moves about half of the output bits:
/// what names the content of something a build keeps for the next one. Two different
/// contents share a hash about once in 10^11 for a hundred thousand of them; no one gains
/// by forging one (they would write the store instead).
struct ContentHash {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    mutating func add(_ word: UInt64) {
        let mixed = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        hash = (mixed << 29) | (mixed >> 35)
    }

    mutating func add(_ byte: UInt8) { add(UInt64(byte)) }

    mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }

    /// The exact bits.
    mutating func add(_ number: Double) { add(number.bitPattern) }

    /// The text eight bytes at a time, then its length, so that ("ab", "c") and ("a", "bc") differ.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            let words = raw.count / 8
            for index in 0..<words { add(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))) }
            var tail: UInt64 = 0
            for offset in (words * 8)..<raw.count { tail |= UInt64(raw[offset]) << (8 * UInt64(offset - words * 8)) }
            add(tail)
            add(raw.count)
        }
    }

    /// A JSON value by its structure: a type tag, then its contents.
    mutating func add(json value: JSONValue) {
        switch value {
        case .null: add(UInt8(ascii: "n"))
        case .bool(let flag): add(UInt8(ascii: flag ? "t" : "f"))
        case .number(let number):
            add(UInt8(ascii: "d"))
            add(number)
        case .string(let text):
            add(UInt8(ascii: "s"))
            add(text)
        case .array(let items):
            add(UInt8(ascii: "["))
            add(items.count)
            for item in items { add(json: item) }
        case .object(let pairs):
            add(UInt8(ascii: "{"))
            add(pairs.count)
            for (key, item) in pairs {
                add(key)
                add(json: item)
            }
        }
    }

    var value: Int64 {
        var hash = self.hash
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return Int64(bitPattern: hash ^ (hash >> 31))
    }
}
