/// A small, fast, seeded random number generator (Steele, Lea & Flood's SplitMix64), so
/// that the same seed gives the same forest on every machine and run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<count` (Lemire's multiply-shift; `count` must be positive).
    mutating func index(below count: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(count)).high)
    }

    /// Shuffles `values` in place (Fisher–Yates).
    mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for position in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(position, index(below: position + 1))
        }
    }
}
