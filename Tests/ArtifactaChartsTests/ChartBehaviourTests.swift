@testable import ArtifactaCharts
import ArtifactaCore
import Foundation
import Testing

@Suite("Chart behaviour")
struct ChartBehaviourTests {
    @Test("histogram bins count every finite value once, within the bin cap")
    func histogramBins() {
        var random = SeededRandom(seed: 4)
        for size in [1, 2, 10, 1_000, 50_000] {
            var values = (0..<size).map { _ in random.normal() * 10 }
            values.append(.nan)
            let bins = HistogramBins(values: values)
            #expect(bins.count >= 1 && bins.count <= HistogramBins.maxBins * 3)
            #expect(bins.counts(values).reduce(0, +) == size)
        }
    }

    @Test("whole-number samples get one bin per value")
    func integerBins() {
        let bins = HistogramBins(values: [1, 2, 2, 3, 5])
        #expect(bins.width == 1 && bins.lower == 0.5 && bins.count == 5)
    }

    @Test("an artifact shared by several runs is drawn once")
    func sharedArtifactDrawnOnce() {
        let graph = LineageGraph(
            nodes: [
                .init(id: "data", label: "data.csv", kind: .artifact), .init(id: "a", label: "run-a", kind: .run),
                .init(id: "b", label: "run-b", kind: .run), .init(id: "data", label: "data.csv", kind: .artifact),
            ],
            edges: [.init(from: "data", to: "a", role: "input"), .init(from: "data", to: "b", role: "input")])
        let svg = LineageChart(title: "lineage", graph: graph).svg()
        #expect(svg.components(separatedBy: "data-artifact=\"data\"").count == 2)
    }

    @Test("lineage layers run from inputs through runs to outputs, chained")
    func lineageLayers() {
        let graph = LineageGraph(
            nodes: [
                .init(id: "in", label: "in", kind: .artifact), .init(id: "r1", label: "r1", kind: .run),
                .init(id: "mid", label: "mid", kind: .artifact), .init(id: "r2", label: "r2", kind: .run),
                .init(id: "out", label: "out", kind: .artifact),
            ],
            edges: [
                .init(from: "in", to: "r1", role: "input"), .init(from: "r1", to: "mid", role: "output"),
                .init(from: "mid", to: "r2", role: "input"), .init(from: "r2", to: "out", role: "output"),
            ])
        let layout = LineageLayout(graph: graph, top: 0)
        #expect(layout.boxes.map(\.layer) == [0, 1, 2, 3, 4])
        #expect(zip(layout.boxes, layout.boxes.dropFirst()).allSatisfy { $0.x < $1.x })
    }

    @Test("barycentre ordering removes avoidable crossings")
    func barycentreOrdering() {
        // Inputs listed in the opposite order of the runs they feed.
        let graph = LineageGraph(
            nodes: [
                .init(id: "x", label: "x", kind: .artifact), .init(id: "y", label: "y", kind: .artifact),
                .init(id: "b", label: "b", kind: .run), .init(id: "a", label: "a", kind: .run),
            ],
            edges: [.init(from: "x", to: "a", role: "in"), .init(from: "y", to: "b", role: "in")])
        let layout = LineageLayout(graph: graph, top: 0)
        let y = Dictionary(uniqueKeysWithValues: layout.boxes.map { ($0.node.id, $0.y) })
        #expect((y["x"]! < y["y"]!) == (y["a"]! < y["b"]!))
    }

    @Test("heatmap cell text stays readable on dark and light cells")
    func readableCellText() {
        #expect(ColorScale.sequential.textHex(onFraction: 0) == "#FFFFFF")
        #expect(ColorScale.sequential.textHex(onFraction: 1) == "#111418")
    }

    @Test("long category names turn bars horizontal")
    func horizontalBars() {
        let chart = BarChart(categories: ["a rather long category name", "another long category name", "third long category name"], groups: ["v": [1, 2, 3]])
        let svg = CategoryBarChart(title: "t", bars: chart, width: 400).svg()
        #expect(svg.contains("text-anchor=\"end\""))
    }

    @Test("the parallel coordinates draw the best run last, on top")
    func bestRunOnTop() {
        let runs = GoldenCatalog.sweepRuns(count: 30)
        let best = runs.min { ($0.values["val_loss"].flatMap { if case .number(let v) = $0 { v } else { nil } } ?? 9) < ($1.values["val_loss"].flatMap { if case .number(let v) = $0 { v } else { nil } } ?? 9) }
        let svg = ParallelCoordinatesChart(title: "p", parameters: ["lr"], metric: "val_loss", goal: .minimize, runs: runs).svg()
        let lastRun = svg.components(separatedBy: "data-run=\"").last?.prefix { $0 != "\"" }
        #expect(lastRun.map(String.init) == best?.runID)
    }

    @Test("a chart without its style is the standalone chart less its one style element")
    func withoutStyle() {
        let documents: [SVGDocument] = [
            ParameterScatterChart(parameter: "lr", metric: "val_loss", goal: .minimize, runs: GoldenCatalog.sweepRuns()).document(),
            ParameterScatterChart(parameter: "lr", metric: "absent", goal: .minimize, runs: GoldenCatalog.sweepRuns()).document(),
        ]
        for document in documents {
            let text = document.text
            let stripped = String(decoding: document.withoutStyle(), as: UTF8.self)
            #expect(text.components(separatedBy: ChartTheme.styleElement).count == 2)
            #expect(stripped == text.replacingOccurrences(of: ChartTheme.styleElement, with: ""))
            #expect(!stripped.contains("<style"))
        }
    }

    @Test("parallel coordinates of the best runs only keep the parameter axes of all runs")
    func parameterAxesSpanEveryRun() {
        let runs = GoldenCatalog.sweepRuns(count: 40)
        let chart = { (maxRuns: Int) in
            ParallelCoordinatesChart(title: "p", parameters: ["lr", "optimizer"], metric: "val_loss", goal: .minimize, runs: runs, maxRuns: maxRuns).svg()
        }
        // The axes are drawn after the lines: the titles and tick labels of every axis but the
        // metric's (their x moves with the metric legend's width).
        let parameterTicks = { (svg: String) in
            svg.components(separatedBy: "ac-parallel-axis").dropFirst().dropLast().flatMap { axis in
                axis.components(separatedBy: "</text>").map { $0.components(separatedBy: ">").last ?? "" }
            }
        }
        let few = chart(3)
        #expect(few.contains("best 3 of 40 runs"))
        #expect(parameterTicks(few) == parameterTicks(chart(500)))
        // Three runs alone would not span all of lr's decades nor every optimizer.
        let alone = ParallelCoordinatesChart(
            title: "p", parameters: ["lr", "optimizer"], metric: "val_loss", goal: .minimize, runs: Array(runs.prefix(3))
        ).svg()
        #expect(parameterTicks(alone) != parameterTicks(few))
    }
}

@Suite("Axis labels")
struct AxisLabelTests {
    @Test("x tick labels kept after thinning never overlap")
    func xLabelsDoNotOverlap() {
        var random = SeededRandom(seed: 77)
        for _ in 0..<500 {
            let width = 80 + random.unit() * 900
            let scale = pow(10, random.unit() * 12 - 4)
            let lower = (random.unit() - 0.5) * scale, upper = lower + random.unit() * scale + 1e-9
            let axis = AxisScale(kind: .linear, lower: lower, upper: upper, range: 0, width, targetTicks: Int(width / 60))
            let labels = axis.ticks.map { (position: axis($0.position), label: $0.label) }
            let every = AxisPainter.thinning(labels)
            let kept = labels.enumerated().filter { $0.offset % every == 0 }.map(\.element)
            for (a, b) in zip(kept, kept.dropFirst()) {
                let half = (TextMeasure.width(a.label, fontSize: 11) + TextMeasure.width(b.label, fontSize: 11)) / 2
                #expect(b.position - a.position >= half, "\(a.label) and \(b.label) overlap on a \(width)px axis")
            }
        }
    }

    @Test("smoothing draws the smoothed line over a faint raw line")
    func smoothingKeepsRawLine() {
        let svg = LineChart(title: "loss", runs: SampleData.lossRuns(count: 2, points: 300), smoothing: 0.9).svg()
        #expect(svg.components(separatedBy: "class=\"ac-line ac-raw\"").count == 3)
        #expect(svg.contains("EMA 0.9"))
    }

    @Test("variants drawn together are the charts drawn one by one", arguments: [false, true])
    func variantsMatchSingleCharts(withNonPositiveValues: Bool) {
        var runs = SampleData.lossRuns(count: 30, points: 2_000)
        if withNonPositiveValues {
            // A faint run dipping to zero and below: a log axis must leave those points out.
            for index in stride(from: 100, to: 2_000, by: 97) { runs[20].y[index] = index % 2 == 0 ? 0 : -0.5 }
        }
        let chart = LineChart(title: "loss", xLabel: "step", yLabel: "loss", runs: runs)
        let variants = [AxisKind.linear, .log].flatMap { axis in [nil, 0.6].map { LineChart.Variant(yAxis: axis, smoothing: $0) } }
        let together = chart.svgs(variants)
        for (variant, svg) in zip(variants, together) {
            var single = chart
            single.yAxis = variant.yAxis
            single.smoothing = variant.smoothing
            let alone = single.svg()
            let same = zip(svg.utf8, alone.utf8).prefix { $0 == $1 }.count
            #expect(svg == alone, "variant \(variant) differs from the chart drawn alone at byte \(same): \(String(decoding: Array(svg.utf8.dropFirst(max(0, same - 80)).prefix(160)), as: UTF8.self)) ≠ \(String(decoding: Array(alone.utf8.dropFirst(max(0, same - 80)).prefix(160)), as: UTF8.self))")
        }
        #expect(Set(together).count == variants.count)
    }
}
