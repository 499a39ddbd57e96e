/// The 128-bit hash of a page's inputs (``PageFingerprint``): two lanes over 8-byte words
/// (``WordMix``), the second with its own constant and rotation. A fingerprint tells a page's
/// inputs from last build's apart; no one gains by forging one, so it need not be a
/// cryptographic hash: this one takes a multiply per word where SHA-256 takes 64 rounds per
/// 64 bytes, and a rebuild fingerprints every run's page and every artifact's.
enum FingerprintHash {
    /// 32 hexadecimal digits.
    static func hex(_ bytes: [UInt8]) -> String {
        var first: UInt64 = 0x243F_6A88_85A3_08D3, second: UInt64 = 0x1319_8A2E_0370_7344
        bytes.withUnsafeBytes { raw in
            WordMix.words(of: raw) { word in
                first = WordMix.step(first, word)
                second = WordMix.rotate((second &+ word) &* 0xC2B2_AE3D_27D4_EB4F, 31) ^ first
            }
        }
        let length = UInt64(bytes.count)
        return hexDigits(WordMix.finish(first ^ length)) + hexDigits(WordMix.finish(second &+ length))
    }

    private static func hexDigits(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8](repeating: 0, count: 16)
        for index in 0..<16 { text[index] = digits[Int((value >> UInt64(60 - 4 * index)) & 0xF)] }
        return String(decoding: text, as: UTF8.self)
    }
}
