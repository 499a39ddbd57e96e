@testable import ArtifactaCharts
import ArtifactaCore
import Synchronization
import Testing

/// How many times deferred points were read.
private final class Loads: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var total: Int { count.withLock { $0 } }
}

@Suite("Faint lines kept between drawings")
struct LineChartReductionsTests {
    private static let variants = [AxisKind.linear, .log].flatMap { axis in [nil, 0.6].map { LineChart.Variant(yAxis: axis, smoothing: $0) } }

    /// 30 runs of 2,000 points with x, one dipping to zero and below (a log axis leaves those out).
    private static func runs() -> [LineChartRun] {
        var runs = SampleData.lossRuns(count: 30, points: 2_000)
        for index in stride(from: 100, to: 2_000, by: 97) { runs[20].y[index] = index % 2 == 0 ? 0 : -0.5 }
        for index in runs.indices {
            runs[index].x = (0..<2_000).map { Double($0) * 10 }
            runs[index].dataKey = Int64(index)
        }
        return runs
    }

    private static func chart(_ runs: [LineChartRun], reductions: LineChartReductions?) -> LineChart {
        var chart = LineChart(title: "loss", xLabel: "step", yLabel: "loss", runs: runs)
        chart.reductions = reductions
        chart.reductionKey = "loss"
        return chart
    }

    /// `runs` with every run from `first` on deferred: its points read through a counted loader.
    private static func deferring(_ runs: [LineChartRun], from first: Int, loads: Loads) -> [LineChartRun] {
        runs.enumerated().map { position, run in
            guard position >= first else { return run }
            var deferred = run
            deferred.x = nil
            deferred.y = []
            deferred.deferred = LineChartRun.DeferredPoints(summary: LineChartRun.Summary(of: run)) { [x = run.x, y = run.y] in
                loads.add()
                return (x, y)
            }
            return deferred
        }
    }

    @Test("a chart with one more run, drawn from the kept faint lines, is the chart drawn from every point, and reads no kept run")
    func keptLinesDrawTheSameChart() throws {
        var all = Self.runs()
        let earlier = LineChartReductions()
        _ = Self.chart(Array(all.prefix(29)), reductions: earlier).svgs(Self.variants)
        let kept = try #require(LineChartReductions.decode(earlier.encoded()))

        let expected = Self.chart(all, reductions: nil).svgs(Self.variants)
        let loads = Loads()
        // The runs drawn in full (the first ten) and the new run (29) have their points; the others are deferred.
        let runs = Self.deferring(Array(all.prefix(29)), from: 10, loads: loads) + [all[29]]
        let drawn = Self.chart(runs, reductions: kept).svgs(Self.variants)
        #expect(drawn.elementsEqual(expected), "drawn from the kept lines, the chart differs")
        #expect(loads.total == 0, "no kept run's points were read")
        let fromPoints = LineChartReductions()
        _ = Self.chart(all, reductions: fromPoints).svgs(Self.variants)
        #expect(kept.encoded().elementsEqual(fromPoints.encoded()), "it keeps for the next drawing what a drawing from every point keeps")

        // A kept run whose points changed (one more point: another data key) voids the band:
        // every faint run is reduced again from its points, and the chart is still the same.
        all[15].y.append(0.25)
        all[15].x?.append(20_000)
        all[15].dataKey = 1_015
        let changedExpected = Self.chart(all, reductions: nil).svgs(Self.variants)
        let changedLoads = Loads()
        let keptBefore = try #require(LineChartReductions.decode(fromPoints.encoded()))
        let changed = Self.chart(Self.deferring(all, from: 10, loads: changedLoads), reductions: keptBefore).svgs(Self.variants)
        #expect(changed.elementsEqual(changedExpected), "drawn again from every point, the chart differs")
        #expect(changedLoads.total == 20, "every deferred run was read once")
    }

    @Test("what a drawing keeps reads back the same, and any damaged prefix reads as nothing")
    func encodingRoundTrips() throws {
        let reductions = LineChartReductions()
        _ = Self.chart(Self.runs(), reductions: reductions).svgs(Self.variants)
        let bytes = reductions.encoded()
        #expect(bytes.count > 1_000)
        let decoded = try #require(LineChartReductions.decode(bytes))
        // Decoded, drawn again with every run kept: it keeps the same for the next drawing.
        _ = Self.chart(Self.runs(), reductions: decoded).svgs(Self.variants)
        #expect(decoded.encoded().elementsEqual(bytes), "decoded and used again, it keeps the same bytes")
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 500)) {
            #expect(LineChartReductions.decode(Array(bytes.prefix(length))) == nil, "a prefix of \(length) bytes")
        }
        #expect(LineChartReductions.decode(bytes + [0]) == nil, "trailing bytes")
    }
}

@Test("faint lines' bucket counts step through 2, 3, 4, 6, 8, 12…, so that a few more runs keep them")
func steadyBucketCounts() {
    #expect((1...13).map(LineChart.steadyBucketCount) == [1, 2, 3, 4, 4, 6, 6, 8, 8, 8, 8, 12, 12])
    #expect(LineChart.steadyBucketCount(630) == 512)
    #expect(LineChart.steadyBucketCount(4_770 / 990) == LineChart.steadyBucketCount(4_770 / 1_192))
}
