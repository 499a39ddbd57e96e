// A writer process for the store's concurrency and crash tests:
//   artifacta-test-writer --store DIR --run-id ID --points N [--batch B] [--hang]
// logs N points to the Series "metrics" of a new run, B points per call, then finishes —
// or, with --hang, flushes, prints "flushed" and waits to be killed.
import Artifacta
import Foundation

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
guard let storePath = option("--store"), let runID = option("--run-id"), let points = option("--points").flatMap(Int.init) else {
    FileHandle.standardError.write(Data("usage: artifacta-test-writer --store DIR --run-id ID --points N [--batch B] [--hang]\n".utf8))
    exit(2)
}
let batch = max(1, option("--batch").flatMap(Int.init) ?? 1)
do {
    let run = try ActiveRun.start(
        project: "stress", name: runID, config: ["points": .number(Double(points))], id: runID,
        store: StoreLocation(directory: URL(fileURLWithPath: storePath)), captureEnvironment: false)
    var step = 0
    while step < points {
        let count = min(batch, points - step)
        let steps = (step..<(step + count)).map(Double.init)
        try run.log("metrics", Series(index: "step", fields: ["step": steps, "value": steps.map { $0 * 2 }]))
        step += count
    }
    if arguments.contains("--hang") {
        try run.flush()
        FileHandle.standardOutput.write(Data("flushed\n".utf8))
        while true { sleep(60) }
    }
    try run.finish()
} catch {
    FileHandle.standardError.write(Data("artifacta-test-writer: \(error)\n".utf8))
    exit(1)
}
