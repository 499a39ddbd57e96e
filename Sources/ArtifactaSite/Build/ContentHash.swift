import ArtifactaCore

/// A 64-bit hash of fields, a word at a time (``WordMix``): what names the content of
/// something a build keeps for the next one. Two different contents share a hash about once
/// in 10^11 for a hundred thousand of them; no one gains by forging one (they would write
/// the store instead).
struct ContentHash {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    mutating func add(_ word: UInt64) { hash = WordMix.step(hash, word) }

    mutating func add(_ byte: UInt8) { add(UInt64(byte)) }

    mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }

    /// The exact bits.
    mutating func add(_ number: Double) { add(number.bitPattern) }

    /// The text eight bytes at a time, then its length, so that ("ab", "c") and ("a", "bc") differ.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            WordMix.words(of: UnsafeRawBufferPointer(bytes)) { add($0) }
            add(bytes.count)
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

    var value: Int64 { Int64(bitPattern: WordMix.finish(hash)) }
}
