/// The 128-bit hash of a page's inputs (``PageFingerprint``): two lanes over 8-byte words,
/// each a multiply and rotate per word (bijections, so inputs that differ in one word always
/// end in different states), finished with the SplitMix64 finalizer. A fingerprint tells a
/// page's inputs from last build's apart; no one gains by forging one, so it need not be a
/// cryptographic hash: this one takes a multiply per word where SHA-256 takes 64 rounds per
/// 64 bytes, and a rebuild fingerprints every run's page and every artifact's.
enum FingerprintHash {
    /// 32 hexadecimal digits.
    static func hex(_ bytes: [UInt8]) -> String {
        var first: UInt64 = 0x243F_6A88_85A3_08D3, second: UInt64 = 0x1319_8A2E_0370_7344
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
                first = rotate((first ^ word) &* 0x9E37_79B9_7F4A_7C15, 29)
                second = rotate((second &+ word) &* 0xC2B2_AE3D_27D4_EB4F, 31) ^ first
            }
            var tail: UInt64 = 0
            for offset in (words * 8)..<raw.count { tail |= UInt64(raw[offset]) << (8 * UInt64(offset - words * 8)) }
            first = rotate((first ^ tail) &* 0x9E37_79B9_7F4A_7C15, 29)
            second = rotate((second &+ tail) &* 0xC2B2_AE3D_27D4_EB4F, 31) ^ first
        }
        let length = UInt64(bytes.count)
        return hexDigits(finish(first ^ length)) + hexDigits(finish(second &+ length))
    }

    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 { (value << bits) | (value >> (64 - bits)) }

    private static func finish(_ value: UInt64) -> UInt64 {
        var hash = value
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }

    private static func hexDigits(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8](repeating: 0, count: 16)
        for index in 0..<16 { text[index] = digits[Int((value >> UInt64(60 - 4 * index)) & 0xF)] }
        return String(decoding: text, as: UTF8.self)
    }
}
