import Artifacta
import ArtifactaAnalysis
import Foundation

/// The reference workload W1 of DESIGN.md §9: one project, a 64-run sweep, each run with
/// 4 Series × 3 fields × 20,000 steps, one Curve, one Matrix, one Distribution of 10,000
/// values, one Table and two artifacts (about 15 million points).
struct W1Workload {
    var runs = 64
    var steps = 20_000
    var seriesPerRun = 4
    var project = "w1"

    /// Writes the workload into `store` (which should be empty). Deterministic.
    /// Runs start a minute apart from `firstStart` (a rebuild's added run starts after every other).
    func write(into store: Store, scratch: URL, idPrefix: String = "w1-run", firstStart: Double = 0) throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let dataset = scratch.appendingPathComponent("dataset.csv")
        var csv = "x,y\n"
        for row in 0..<2000 { csv += "\(row),\(Double(row % 17) * 0.5)\n" }
        try csv.write(to: dataset, atomically: true, encoding: .utf8)
        var generator = SplitMix64(seed: 1)
        let created = Date(timeIntervalSince1970: 1_790_000_000)
        for index in 0..<runs {
            let lr = pow(10, -4 + 3 * Double(index) / Double(max(runs - 1, 1)))
            let batch = [32, 64, 128][index % 3]
            let dropout = Double(index % 5) / 10
            let start = try RunStart(
                id: String(format: "%@-%03d", idPrefix, index), project: project, name: String(format: "%@-%02d", idPrefix == "w1-run" ? "sweep" : idPrefix, index),
                config: ["lr": .number(lr), "batch_size": .number(Double(batch)), "dropout": .number(dropout), "optimizer": index % 2 == 0 ? "adam" : "sgd"])
            let run = try store.createRun(start, at: created.addingTimeInterval(firstStart + Double(index) * 60))
            var entries: [Entry] = []
            let quality = 0.5 + 0.4 * (1 - abs(log10(lr) + 2.5) / 2)
            for s in 0..<seriesPerRun {
                var loss = [Double](repeating: 0, count: steps)
                var acc = [Double](repeating: 0, count: steps)
                var step = [Double](repeating: 0, count: steps)
                for i in 0..<steps {
                    let t = Double(i) / Double(steps)
                    step[i] = Double(i)
                    loss[i] = (1.2 - quality) * exp(-4 * t) + 0.05 * generator.unit() + 0.02 * Double(s)
                    acc[i] = quality * (1 - exp(-5 * t)) + 0.02 * generator.unit()
                }
                entries.append(try Entry(name: "train/m\(s)", primitive: .series(Series(index: "step", fields: ["step": step, "loss": loss, "accuracy": acc]))))
            }
            let fpr = (0...200).map { Double($0) / 200 }
            entries.append(try Entry(name: "eval/roc", primitive: .curve(Curve(
                x: fpr, y: fpr.map { pow($0, 1 - quality * 0.9) }, xLabel: "False Positive Rate", yLabel: "True Positive Rate",
                baseline: "diagonal", metric: CurveMetric(name: "AUC", value: quality)))))
            let classes = (0..<10).map { "class \($0)" }
            var cells: [[Double]] = []
            for r in 0..<10 {
                var row: [Double] = []
                for c in 0..<10 { row.append(r == c ? 80 * quality : Double((r * 7 + c * 3) % 11)) }
                cells.append(row)
            }
            entries.append(try Entry(name: "eval/confusion", primitive: .matrix(Matrix(rows: classes, cols: classes, values: cells))))
            entries.append(try Entry(name: "model/weights", primitive: .distribution(Distribution(values: (0..<10_000).map { _ in generator.normal() * 0.1 }))))
            entries.append(try Entry(name: "eval/per_class", primitive: .table(Table(
                columns: [TableColumn(name: "class", type: .string), TableColumn(name: "precision", type: .number), TableColumn(name: "recall", type: .number)],
                data: classes.map { [.string($0), .number(quality - 0.01 * generator.unit()), .number(quality - 0.02 * generator.unit())] }))))
            try store.log(entries, runID: run.id, at: created.addingTimeInterval(Double(index) * 60 + 30))
            _ = try store.logArtifact(runID: run.id, name: "dataset", path: dataset, role: .input)
            let model = scratch.appendingPathComponent("model-\(index).bin")
            try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* (index + 1)) }).write(to: model)
            _ = try store.logArtifact(runID: run.id, name: "model", path: model, metadata: ["quality": .number(quality)])
            try store.finishRun(id: run.id, status: .finished, at: created.addingTimeInterval(Double(index) * 60 + 45))
        }
    }
}

extension SplitMix64 {
    /// A uniform number in 0..<1.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// A standard normal sample (Box–Muller).
    mutating func normal() -> Double { (-2 * log(max(unit(), 1e-300))).squareRoot() * cos(2 * .pi * unit()) }
}
