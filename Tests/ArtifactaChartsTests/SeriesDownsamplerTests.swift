@testable import ArtifactaCharts
import Testing

@Suite("Series downsampling")
struct SeriesDownsamplerTests {
    @Test("downsampling keeps the first, last, minimum and maximum points", arguments: [1, 2, 7, 100, 5_000, 100_003])
    func keepsExtremes(count: Int) {
        var random = SeededRandom(seed: UInt64(count))
        for trial in 0..<20 {
            var y = (0..<count).map { _ in random.normal() }
            if trial % 2 == 1 {
                for _ in 0..<(count / 10) { y[Int(random.unit() * Double(count))] = .nan }
            }
            let buckets = 1 + Int(random.unit() * 700)
            let kept = SeriesDownsampler(bucketCount: buckets).indices(y: y)
            let finite = y.indices.filter { y[$0].isFinite }
            guard let first = finite.first, let last = finite.last else { continue }
            let drawn = Set(kept)
            let minimum = finite.map { y[$0] }.min(), maximum = finite.map { y[$0] }.max()
            #expect(drawn.contains(first) && drawn.contains(last))
            #expect(kept.contains { $0 >= 0 && y[$0] == minimum })
            #expect(kept.contains { $0 >= 0 && y[$0] == maximum })
            let points = kept.filter { $0 >= 0 }
            #expect(zip(points, points.dropFirst()).allSatisfy { $0 < $1 }, "indices ascend")
            #expect(points.allSatisfy { y[$0].isFinite }, "never draws a non-finite value")
            #expect(kept.count <= max(count, buckets * 9 + 1), "bounded by the bucket count")
        }
    }

    @Test("pixel-column buckets over x keep the extremes too")
    func keepsExtremesWithX() {
        var random = SeededRandom(seed: 9)
        let x = (0..<50_000).map { Double($0) * 0.5 }
        var y = x.map { _ in random.normal() }
        y[31_337] = 100
        y[12_345] = -100
        y[20_000] = .nan
        let kept = SeriesDownsampler(bucketCount: 600).indices(x: x, y: y, xLower: 0, xUpper: 25_000)
        #expect(kept.contains(31_337) && kept.contains(12_345) && kept.first == 0 && kept.last == 49_999)
        #expect(kept.contains(SeriesDownsampler.gap))
        #expect(kept.count <= 600 * 9 + 9)
    }

    @Test("a NaN becomes a gap, never a zero")
    func nanIsGap() {
        let kept = SeriesDownsampler(bucketCount: 100).indices(y: [1, 2, .nan, 4, 5])
        #expect(kept == [0, 1, SeriesDownsampler.gap, 3, 4])
    }

    @Test("an all-NaN series draws nothing")
    func allNaN() {
        #expect(SeriesDownsampler(bucketCount: 10).indices(y: [.nan, .infinity, -.infinity]).allSatisfy { $0 == SeriesDownsampler.gap })
    }

    @Test("debiased EMA leaves a constant series unchanged and keeps gaps")
    func emaIsDebiased() {
        let smoothed = EMASmoother(weight: 0.9).smooth([2, 2, .nan, 2, 2])
        #expect(smoothed[0] == 2 && smoothed[1] == 2 && smoothed[2].isNaN)
        #expect(abs(smoothed[4] - 2) < 1e-12)
    }
}
