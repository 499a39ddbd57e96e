import ArtifactaCharts
import ArtifactaCore
import Foundation

extension GoldenCatalog {
    /// A 50-run sweep: learning rate (log), batch size, optimizer (categorical), dropout (sometimes missing).
    static func sweepRuns(count: Int = 50) -> [SweepRun] {
        var random = SeededRandom(seed: 21)
        return (0..<count).map { index in
            let lr = pow(10, -4 + 3 * random.unit())
            let batch = [32.0, 64, 128, 256][index % 4]
            let optimizer = ["adam", "sgd", "adamw"][index % 3]
            let loss = 0.2 + 0.15 * abs(log10(lr) + 2.5) + (optimizer == "sgd" ? 0.1 : 0) + 0.05 * random.unit()
            var values: [String: JSONValue] = [
                "lr": .number(lr), "batch_size": .number(batch), "optimizer": .string(optimizer), "val_loss": .number(loss),
            ]
            if index % 7 != 3 { values["dropout"] = .number(Double(index % 5) / 10) }
            return SweepRun(runID: String(format: "run-%03d", index), name: String(format: "sweep-%03d", index), colorIndex: index, values: values)
        }
    }

    static let sweepCases: [Case] = [
        Case(name: "sweep-parallel-coordinates") {
            ParallelCoordinatesChart(
                title: "sweep: val_loss", parameters: ["lr", "batch_size", "optimizer", "dropout"], metric: "val_loss",
                goal: .minimize, runs: sweepRuns()
            ).svg()
        },
        Case(name: "sweep-parallel-coordinates-two-runs") {
            ParallelCoordinatesChart(
                title: "sweep: accuracy", parameters: ["lr"], metric: "acc", goal: .maximize,
                runs: [
                    SweepRun(runID: "a", name: "a", colorIndex: 0, values: ["lr": 0.1, "acc": 0.9]),
                    SweepRun(runID: "b", name: "b", colorIndex: 1, values: ["lr": 0.01, "acc": 0.93]),
                ]
            ).svg()
        },
        Case(name: "sweep-parallel-coordinates-empty") {
            ParallelCoordinatesChart(title: "sweep", parameters: ["lr"], metric: "loss", goal: .minimize, runs: []).svg()
        },
        Case(name: "sweep-importance") {
            let items = [
                ParameterImportance(parameter: "lr", spearman: -0.62, importance: 0.71),
                ParameterImportance(parameter: "optimizer", spearman: nil, importance: 0.19),
                ParameterImportance(parameter: "batch_size", spearman: 0.08, importance: 0.06),
                ParameterImportance(parameter: "dropout", spearman: 0.21, importance: 0.04),
            ]
            return ParameterImportanceChart(title: "parameter importance", metric: "val_loss", items: items, runCount: 50).svg()
        },
        Case(name: "sweep-importance-few-runs") {
            let items = [ParameterImportance(parameter: "learning_rate_schedule_warmup_fraction", spearman: 0.5, importance: nil)]
            return ParameterImportanceChart(title: "parameter importance", metric: "acc", items: items, runCount: 4).svg()
        },
        Case(name: "sweep-param-scatter-log") {
            ParameterScatterChart(parameter: "lr", metric: "val_loss", goal: .minimize, runs: sweepRuns()).svg()
        },
        Case(name: "sweep-param-scatter-categorical-missing") {
            var runs = sweepRuns(count: 20)
            runs[3].values["optimizer"] = nil
            return ParameterScatterChart(parameter: "optimizer", metric: "val_loss", goal: .minimize, runs: runs).svg()
        },
    ]

    static let lineageCases: [Case] = [
        Case(name: "lineage-pipeline") {
            typealias Node = LineageGraph.Node
            typealias Edge = LineageGraph.Edge
            let nodes = [
                Node(id: "ds", label: "imagenet-subset", kind: .artifact, detail: "sha256:3f2a9c · 1.2 GB"),
                Node(id: "cfg", label: "config.yaml", kind: .artifact, detail: "sha256:77aa01 · 2 kB"),
                Node(id: "prep", label: "preprocess", kind: .run, colorIndex: 0),
                Node(id: "feat", label: "features.parquet", kind: .artifact, detail: "sha256:90be11 · 340 MB"),
                Node(id: "train-a", label: "train-resnet18", kind: .run, colorIndex: 1),
                Node(id: "train-b", label: "train-vit-small", kind: .run, colorIndex: 2),
                Node(id: "m-a", label: "resnet18.pt", kind: .artifact, detail: "sha256:1d2c3b · 45 MB"),
                Node(id: "m-b", label: "vit_small_patch16_224_augreg_in21k_ft_in1k.safetensors", kind: .artifact),
                Node(id: "eval", label: "evaluate", kind: .run, colorIndex: 3),
                Node(id: "report", label: "report.html", kind: .artifact),
            ]
            let edges = [
                Edge(from: "ds", to: "prep", role: "dataset"), Edge(from: "prep", to: "feat", role: "output"),
                Edge(from: "feat", to: "train-a", role: "train"), Edge(from: "feat", to: "train-b", role: "train"),
                Edge(from: "cfg", to: "train-a", role: "config"), Edge(from: "cfg", to: "train-b", role: "config"),
                Edge(from: "train-a", to: "m-a", role: "model"), Edge(from: "train-b", to: "m-b", role: "model"),
                Edge(from: "m-a", to: "eval", role: "candidate"), Edge(from: "m-b", to: "eval", role: "candidate"),
                Edge(from: "eval", to: "report", role: "report"),
            ]
            return LineageChart(title: "Lineage", graph: LineageGraph(nodes: nodes, edges: edges)).svg()
        },
        Case(name: "lineage-single-run") {
            LineageChart(
                title: "Lineage",
                graph: LineageGraph(nodes: [.init(id: "r", label: "lonely-run", kind: .run)], edges: [])
            ).svg()
        },
        Case(name: "lineage-empty") {
            LineageChart(title: "Lineage", graph: LineageGraph(nodes: [], edges: [])).svg()
        },
    ]
}
