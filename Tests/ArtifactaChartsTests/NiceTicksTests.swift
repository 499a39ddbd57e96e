@testable import ArtifactaCharts
import Foundation
import Testing

@Suite("Nice ticks")
struct NiceTicksTests {
    @Test(
        "ticks cover the domain with 1-2-5 steps",
        arguments: [
            (0.0, 1.0), (0.013, 0.92), (-3.2, 7.9), (1e-9, 3e-9), (-1e6, -2.5e5), (19_999, 20_000), (0, 200_000),
            (5, 5), (0, 0), (-0.001, 0.001), (1e15, 1e15 + 10), (-1e300, 1e300), (0.1, 0.3),
        ] as [(Double, Double)])
    func coversDomain(lower: Double, upper: Double) {
        let ticks = NiceTicks(lower: lower, upper: upper, targetCount: 5)
        #expect(ticks.lower <= lower)
        #expect(ticks.upper >= upper)
        #expect(ticks.values.count >= 2)
        #expect(ticks.values.count <= 60)
        #expect(zip(ticks.values, ticks.values.dropFirst()).allSatisfy { $0 < $1 })
        #expect(Self.isNiceStep(ticks.step))
    }

    @Test("random domains are always covered by at most about twice the target count")
    func randomDomainsAreCovered() {
        var random = SeededRandom(seed: 42)
        for _ in 0..<2_000 {
            let scale = pow(10, random.unit() * 20 - 10)
            let a = (random.unit() * 2 - 1) * scale, b = (random.unit() * 2 - 1) * scale
            let target = 2 + Int(random.unit() * 10)
            let ticks = NiceTicks(lower: min(a, b), upper: max(a, b), targetCount: target)
            #expect(ticks.lower <= min(a, b) && ticks.upper >= max(a, b), "domain \(a)…\(b)")
            #expect(ticks.values.count <= target * 3 + 2, "domain \(a)…\(b) target \(target)")
            #expect(Self.isNiceStep(ticks.step))
        }
    }

    @Test("tick values come out as exact decimals")
    func tickValuesAreExactDecimals() {
        let ticks = NiceTicks(lower: 0.1, upper: 0.7, targetCount: 6)
        #expect(ticks.values.contains(0.3))
        #expect(ticks.values.map { CompactNumber.tick($0, step: ticks.step) }.allSatisfy { $0.count <= 4 })
    }

    @Test("log ticks cover the domain in decades", arguments: [(-4.0, -1.0), (0.0, 0.3), (-9.0, 12.0), (2.0, 2.0)] as [(Double, Double)])
    func logTicksCoverDomain(lower: Double, upper: Double) {
        let ticks = LogTicks(logLower: lower, logUpper: upper)
        #expect(ticks.lower <= lower && ticks.upper >= upper)
        #expect(ticks.exponents.first == ticks.lower && ticks.exponents.last == ticks.upper)
    }

    static func isNiceStep(_ step: Double) -> Bool {
        guard step > 0, step.isFinite else { return false }
        let mantissa = step / pow(10, floor(log10(step)))
        return [1, 2, 5, 10].contains { abs(mantissa - $0) < 1e-6 }
    }
}
