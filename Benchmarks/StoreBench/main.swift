// Store benchmarks of issue 2: ingest through the Swift library (one process and eight),
// and reading 10^7 points back next to reading the same bytes from a plain file.
//   swift build -c release --product artifacta-bench --product artifacta-test-writer
//   .build/release/artifacta-bench [--points 10000000]
// A "point" is one number of one field. Prints a Markdown table, or with --json one JSON
// object (the harness of scripts/bench.sh reads it).
import Artifacta
import Foundation

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let totalPoints = option("--points").flatMap(Int.init) ?? 10_000_000
let work = URL(fileURLWithPath: option("--work") ?? NSTemporaryDirectory()).appendingPathComponent("artifacta-bench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func rate(_ points: Int, _ time: Double) -> String {
    String(format: "%.2f M points/s", Double(points) / time / 1e6)
}

var rows: [(String, String, String)] = []

// 1. One process, Series of 4 fields logged 1,000 steps per call.
let batchStore = StoreLocation(directory: work.appendingPathComponent("batch"))
let steps = totalPoints / 4
let batchTime = try seconds {
    let run = try ActiveRun.start(project: "bench", name: "batched", store: batchStore, captureEnvironment: false)
    var step = 0
    while step < steps {
        let count = min(1000, steps - step)
        let x = (step..<(step + count)).map(Double.init)
        try run.log("train", Series(index: "step", fields: ["step": x, "loss": x.map { 1 / ($0 + 1) }, "acc": x.map { $0 / Double(steps) }, "lr": x.map { _ in 0.001 }]))
        step += count
    }
    try run.finish()
}
rows.append(("Ingest, Swift library, 1 process, 1,000 steps × 4 fields per call", "\(steps * 4) points", rate(steps * 4, batchTime)))

// 2. One process, one step per call (the guide's per-epoch loop at scale).
let stepStore = StoreLocation(directory: work.appendingPathComponent("per-step"))
let perStepSteps = min(steps, 500_000)
let perStepTime = try seconds {
    let run = try ActiveRun.start(project: "bench", name: "per-step", store: stepStore, captureEnvironment: false)
    for step in 0..<perStepSteps {
        let x = Double(step)
        try run.log("train", Series(index: "step", fields: ["step": [x], "loss": [1 / (x + 1)], "acc": [0.5], "lr": [0.001]]))
    }
    try run.finish()
}
rows.append(("Ingest, Swift library, 1 process, 1 step × 4 fields per call", "\(perStepSteps * 4) points", rate(perStepSteps * 4, perStepTime)))

// 3. Eight processes at once into one store, 1,000 steps × 2 fields per call.
let writer = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("artifacta-test-writer")
let sharedStore = work.appendingPathComponent("shared")
let perWriter = totalPoints / 8 / 2
let parallelTime = try seconds {
    let processes = try (0..<8).map { index -> Process in
        let process = Process()
        process.executableURL = writer
        process.arguments = ["--store", sharedStore.path, "--run-id", "w\(index)", "--points", "\(perWriter)", "--batch", "1000"]
        try process.run()
        return process
    }
    for process in processes {
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            FileHandle.standardError.write(Data("artifacta-bench: a writer process failed (exit \(process.terminationStatus))\n".utf8))
            exit(1)
        }
    }
}
rows.append(("Ingest, Swift library, 8 processes, one store", "\(perWriter * 16) points", rate(perWriter * 16, parallelTime)))

// 4. Read back every point of the batched run, against reading the same bytes from a file.
let store = try Store.open(batchStore)
let entry = try store.entries(runID: try store.runs()[0].id)[0]
var readPoints = 0
let readTime = try seconds {
    let series = try store.series(entryID: entry.id)
    readPoints = series.fields.reduce(0) { $0 + $1.values.count }
}
let rawFile = work.appendingPathComponent("raw.bin")
try Data(count: readPoints * 8).write(to: rawFile)
var rawBytes = 0
let rawTime = try seconds {
    let data = try Data(contentsOf: rawFile)
    let copy = data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
    rawBytes = copy.count * 8
}
rows.append(("Read back from the store", "\(readPoints) points", String(format: "%.3f s", readTime)))
rows.append(("Read the same bytes from a file", "\(rawBytes) bytes", String(format: "%.3f s", rawTime)))
rows.append(("Read ratio store / file", "", String(format: "%.2f×", readTime / rawTime)))

if arguments.contains("--json") {
    print("""
        {"batched": {"points": \(steps * 4), "seconds": \(batchTime), "steps_per_call": 1000, "fields": 4},
         "per_step": {"points": \(perStepSteps * 4), "seconds": \(perStepTime), "steps_per_call": 1, "fields": 4},
         "eight_processes": {"points": \(perWriter * 16), "seconds": \(parallelTime), "steps_per_call": 1000, "fields": 2},
         "read_back": {"points": \(readPoints), "seconds": \(readTime)},
         "read_file": {"bytes": \(rawBytes), "seconds": \(rawTime)}}
        """)
    try? FileManager.default.removeItem(at: work)  // exit skips the defer above
    exit(0)
}
print("| measurement | amount | result |")
print("|---|---|---|")
for row in rows { print("| \(row.0) | \(row.1) | \(row.2) |") }
