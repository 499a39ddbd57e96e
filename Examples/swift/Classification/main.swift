// Logs realistic binary-classification runs with every primitive and an input and an output
// artifact: `swift run classification-example [--store DIR] [--runs N]`.
import Artifacta
import ArtifactaStore
import Foundation

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let location = option("--store").map { StoreLocation(directory: URL(fileURLWithPath: $0)) }
let runCount = option("--runs").flatMap(Int.init) ?? 3
let epochs = option("--epochs").flatMap(Int.init) ?? 12

var dataGenerator = SeededGenerator(seed: 7)
let train = Dataset.make(count: 600, dimensions: 8, separation: 1.6, generator: &dataGenerator)
let test = Dataset.make(count: 300, dimensions: 8, separation: 1.6, generator: &dataGenerator)
let work = FileManager.default.temporaryDirectory.appendingPathComponent("artifacta-classification-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }
let dataPath = work.appendingPathComponent("train.csv")
try train.csv.write(to: dataPath, atomically: true, encoding: .utf8)

let learningRates = [0.3, 0.1, 0.03, 0.01, 0.003, 0.001]
for index in 0..<runCount {
    let learningRate = learningRates[index % learningRates.count]
    let l2 = index % 2 == 0 ? 0.001 : 0.01
    let batchSize = 32
    let run = try ActiveRun.start(
        project: "classification", name: "logreg-lr\(learningRate)",
        config: ["learning_rate": .number(learningRate), "l2": .number(l2), "batch_size": .number(Double(batchSize)), "model": "logistic"],
        store: location)
    try run.logInput("training_data", path: dataPath.path, metadata: ["rows": .number(Double(train.features.count)), "format": "csv"])

    var model = LogisticModel(dimensions: 8)
    for epoch in 1...epochs {
        let trainLoss = model.trainEpoch(on: train, learningRate: learningRate, l2: l2, batchSize: batchSize)
        let evaluation = model.evaluate(test)
        try run.log("metrics", Series(index: "epoch", fields: [
            "epoch": [Double(epoch)], "train_loss": [trainLoss], "val_loss": [evaluation.loss], "val_accuracy": [evaluation.accuracy],
        ]))
    }

    let evaluation = model.evaluate(test)
    let roc = Metrics.roc(scores: evaluation.scores, labels: test.labels)
    try run.log("evaluation/roc", Curve(
        x: roc.fpr, y: roc.tpr, xLabel: "False Positive Rate", yLabel: "True Positive Rate", baseline: "diagonal",
        metric: CurveMetric(name: "AUC", value: roc.auc)))
    try run.log("evaluation/confusion_matrix", Matrix(
        rows: ["True negative", "True positive"], cols: ["Predicted negative", "Predicted positive"],
        values: Metrics.confusion(scores: evaluation.scores, labels: test.labels)))
    try run.log("model/weights", Distribution(values: model.weights + [model.bias]))
    try run.log("evaluation/scores", Distribution(
        values: evaluation.scores, groups: test.labels.map { $0 == 1 ? "positive" : "negative" }))
    try run.log("evaluation/embedding", Scatter(
        x: test.features.prefix(200).map { $0[0] }, y: test.features.prefix(200).map { $0[1] },
        labels: test.labels.prefix(200).map { $0 == 1 ? "positive" : "negative" },
        colors: test.labels.prefix(200).map { .string($0 == 1 ? "positive" : "negative") }))
    try run.log("evaluation/feature_weights", BarChart(
        categories: (0..<8).map { "x\($0)" }, groups: ["weight": model.weights], xLabel: "Feature", yLabel: "Weight"))
    let worst = test.labels.indices.sorted {
        abs(evaluation.scores[$0] - Double(test.labels[$0])) > abs(evaluation.scores[$1] - Double(test.labels[$1]))
    }.prefix(5)
    try run.log("evaluation/hardest_examples", Table(
        columns: [TableColumn(name: "example", type: .number), TableColumn(name: "label", type: .string), TableColumn(name: "score", type: .number)],
        data: worst.map { [.number(Double($0)), .string(test.labels[$0] == 1 ? "positive" : "negative"), .number(evaluation.scores[$0])] }))

    let modelPath = work.appendingPathComponent("model-\(index).json")
    let weights = JSONValue.object([("weights", .array(model.weights.map(JSONValue.number))), ("bias", .number(model.bias))])
    try weights.jsonText.write(to: modelPath, atomically: true, encoding: .utf8)
    try run.logArtifact("model", path: modelPath.path, metadata: ["framework": "swift", "auc": .number(roc.auc)])
    try run.finish()
    print("logged run \(run.name) (\(run.id)): accuracy \(String(format: "%.3f", evaluation.accuracy)), AUC \(String(format: "%.3f", roc.auc))")
}
