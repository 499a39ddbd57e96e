// The site build benchmark of issue 4 on the W1 workload (DESIGN.md §9).
//   swift build -c release --product artifacta-site-bench
//   .build/release/artifacta-site-bench [--runs 64] [--steps 20000] [--work DIR]
// Prints a Markdown table: time to read W1's data from the store, build time, their ratio,
// peak memory, site size, largest page and largest chart.
// For the harness of scripts/bench.sh (one JSON object on standard output each):
//   --store DIR --generate-only   write the workload into DIR (an empty store) and stop
//   --store DIR --read-only       only time reading every Series point and artifact row of DIR
//   --series N                    Series per run (default 4)
// Issue 6's rebuild: --rebuild (one run added, the site built again), --rebuilds N (N times,
// the median), --full-builds M (M full builds in all, spread between the rebuilds; 3 by
// default), --rebuild-only (no full build: rebuilds the site an earlier run left, to profile).
import Artifacta
import ArtifactaSite
import Foundation
import Synchronization

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
var workload = W1Workload()
workload.runs = option("--runs").flatMap(Int.init) ?? 64
workload.steps = option("--steps").flatMap(Int.init) ?? 20_000
workload.seriesPerRun = option("--series").flatMap(Int.init) ?? 4
let work = URL(fileURLWithPath: option("--work") ?? NSTemporaryDirectory()).appendingPathComponent("artifacta-site-bench-\(workload.runs)x\(workload.steps)")
let storeLocation = StoreLocation(directory: option("--store").map { URL(fileURLWithPath: $0) } ?? work.appendingPathComponent("store"))

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

if !FileManager.default.fileExists(atPath: storeLocation.databaseURL.path) {
    FileHandle.standardError.write(Data("generating W1 (\(workload.runs) runs × \(workload.steps) steps) in \(storeLocation.directory.path)…\n".utf8))
    let scratch = storeLocation.directory.deletingLastPathComponent().appendingPathComponent("scratch-\(getpid())")
    let generateTime = try seconds { try workload.write(into: try Store.open(storeLocation), scratch: scratch) }
    try? FileManager.default.removeItem(at: scratch)
    if arguments.contains("--generate-only") {
        print("{\"runs\": \(workload.runs), \"steps\": \(workload.steps), \"series_per_run\": \(workload.seriesPerRun), \"points\": \(workload.runs * workload.seriesPerRun * 3 * workload.steps), \"seconds\": \(generateTime)}")
        exit(0)
    }
} else if arguments.contains("--generate-only") {
    FileHandle.standardError.write(Data("\(storeLocation.directory.path) already holds a store\n".utf8))
    exit(1)
}
let store = try Store.open(storeLocation)
let out = work.appendingPathComponent("site")

// --rebuild: add one run like the others, build again, and compare (--rebuilds N: that N
// times, one more run each time, and the median).
@MainActor func rebuildAfterAddingOneRun(_ number: Int) throws -> (seconds: Double, reused: Int) {
    var extra = workload
    extra.runs = 1
    extra.project = workload.project
    // Started after every run of the store, as a new run of a sweep would be: it takes the
    // next colour, and no other run's page changes.
    let existing = try store.runs(project: workload.project).count
    try extra.write(
        into: store, scratch: work.appendingPathComponent("scratch-extra"), idPrefix: "extra\(getpid())-\(number)",
        firstStart: 1e6 + Double(existing) * 60)
    var rebuilt: SiteBuildResult?
    let rebuildSteps = Mutex<[(String, Double?, UInt64, Double)]>([])
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = cpuSeconds()
    let rebuildTime = try seconds {
        rebuilt = try SiteBuilder(store: store, output: out, progress: { progress in
            rebuildSteps.withLock { $0.append((progress.step, progress.stepSeconds, DispatchTime.now().uptimeNanoseconds, cpuSeconds())) }
        }).build()
    }
    // Each step: its own time, and (after @) when it ended from the rebuild's start; the
    // CPU time until drawing starts shows how much of that phase ran on both cores.
    var line = String(format: "  rebuild %d: %.3f s (CPU %.3f s):", number + 1, rebuildTime, cpuSeconds() - cpuStart)
    for (step, seconds, at, cpu) in rebuildSteps.withLock({ $0 }) {
        line += String(format: " %@%@ @%.3f,", step.replacingOccurrences(of: " done", with: ""), seconds.map { String(format: " %.3f", $0) } ?? "", Double(at - start) / 1e9)
        if step == "drawing" { line += String(format: " (CPU %.3f),", cpu - cpuStart) }
    }
    FileHandle.standardError.write(Data((line + "\n").utf8))
    return (rebuildTime, rebuilt?.reusedPages ?? 0)
}
let wantsRebuilds = arguments.contains("--rebuild") || arguments.contains("--rebuilds") || arguments.contains("--rebuild-only")
/// The rebuilds, with more full builds between them (`--full-builds M`, 3 by default, the
/// first being the one above) so that both sides of the ratio are medians over the same
/// minutes: this machine's speed drifts by a third within minutes. The extra full builds go
/// into folders of their own, fresh, removed only after the last measurement.
@MainActor func reportRebuilds(fullBuild buildTime: Double?) throws {
    let count = max(option("--rebuilds").flatMap(Int.init) ?? 1, 1)
    let fullCount = buildTime == nil ? 0 : max(option("--full-builds").flatMap(Int.init) ?? 3, 1)
    let fullAfter = Set((1..<max(fullCount, 1)).map { Int((Double(count * $0) / Double(fullCount)).rounded()) })
    var fullTimes = buildTime.map { [$0] } ?? []
    var extraSites: [URL] = []
    defer { for site in extraSites { try? FileManager.default.removeItem(at: site) } }
    var rebuilds: [(seconds: Double, reused: Int)] = []
    for number in 0..<count {
        rebuilds.append(try rebuildAfterAddingOneRun(number))
        guard fullAfter.contains(number + 1) else { continue }
        let site = work.appendingPathComponent("site-full-\(fullTimes.count + 1)")
        try? FileManager.default.removeItem(at: site)
        try? FileManager.default.removeItem(at: work.appendingPathComponent(".site-full-\(fullTimes.count + 1).spare"))
        extraSites.append(site)
        let cpuStart = cpuSeconds()
        let time = try seconds { _ = try SiteBuilder(store: store, output: site).build() }
        fullTimes.append(time)
        FileHandle.standardError.write(Data(String(format: "  full build %d: %.3f s (CPU %.3f s)\n", fullTimes.count, time, cpuSeconds() - cpuStart).utf8))
    }
    let median = rebuilds.map(\.seconds).sorted()[count / 2]
    print("| rebuild after adding one run\(count > 1 ? " (median of \(count))" : "") | \(String(format: "%.3f s", median)) (\(rebuilds.last?.reused ?? 0) pages reused) |")
    guard !fullTimes.isEmpty else { return }
    let fullMedian = fullTimes.sorted()[fullTimes.count / 2]
    let fullList = fullTimes.map { String(format: "%.2f", $0) }.joined(separator: ", ")
    print("| full builds between the rebuilds (median) | \(String(format: "%.3f s", fullMedian)) (\(fullList) s) |")
    print("| rebuild / full build (medians) | \(String(format: "%.1f%%", 100 * median / fullMedian)) |")
}
if arguments.contains("--rebuild-only") {
    // The site of an earlier run of this benchmark is rebuilt, for profiling a rebuild alone.
    guard FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path) else {
        FileHandle.standardError.write(Data("--rebuild-only needs the site of an earlier run in \(out.path)\n".utf8))
        exit(1)
    }
    try reportRebuilds(fullBuild: nil)
    exit(0)
}

// Reading the same data: every Series point, every entry and artifact row.
var points = 0
let readCPUBefore = cpuSeconds()
let readTime = try seconds {
    for run in try store.runs() {
        for entry in try store.entries(runID: run.id) where entry.type == .series {
            points += try store.series(entryID: entry.id).fields.reduce(0) { $0 + $1.values.count }
        }
        _ = try store.artifacts(runID: run.id)
    }
}
let readCPU = cpuSeconds() - readCPUBefore
if arguments.contains("--read-only") {
    print("{\"points\": \(points), \"read_seconds\": \(readTime), \"read_cpu_seconds\": \(readCPU)}")
    exit(0)
}

// A full build: nothing to reuse, neither the site nor the spare an earlier run left beside it
// (a build keeps the pages of the spare that are still up to date).
try? FileManager.default.removeItem(at: out)
try? FileManager.default.removeItem(at: work.appendingPathComponent(".site.spare"))
var result: SiteBuildResult?
let steps = Mutex<[(String, UInt64)]>([])
let sweepsSeconds = Mutex<Double?>(nil)
let cpuBefore = cpuSeconds()
let buildTime = try seconds {
    result = try SiteBuilder(store: store, output: out, progress: { progress in
        steps.withLock { $0.append((progress.step, DispatchTime.now().uptimeNanoseconds)) }
        if progress.step == "sweeps done" { sweepsSeconds.withLock { $0 = progress.stepSeconds } }
    }).build()
}
let buildCPU = cpuSeconds() - cpuBefore
// Steps of a project run at once: each line is when a step ended, from the build's start.
let stepTimes = steps.withLock { $0 }
let buildStart = stepTimes.first?.1 ?? 0
for step in stepTimes {
    FileHandle.standardError.write(Data(String(format: "  %-18@ at %.3f s\n", step.0, Double(step.1 - buildStart) / 1e9).utf8))
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)

/// The longest `<svg …</svg>` element in a page, in bytes (a plain scan: the generic
/// `firstRange(of:)` is slow enough on megabytes of HTML to dominate a profile).
func largestSVG(in bytes: [UInt8]) -> Int {
    func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
    var largest = 0
    var position = 0
    while let start = find(Array("<svg ".utf8), from: position), let end = find(Array("</svg>".utf8), from: start) {
        largest = max(largest, end + 6 - start)
        position = end + 6
    }
    return largest
}

var largestPage = (path: "", size: 0)
var largestChart = 0
if let enumerator = FileManager.default.enumerator(atPath: out.path) {
    for case let path as String in enumerator where path.hasSuffix(".html") {
        guard let bytes = FileManager.default.contents(atPath: out.appendingPathComponent(path).path) else { continue }
        if bytes.count > largestPage.size { largestPage = (path, bytes.count) }
        largestChart = max(largestChart, largestSVG(in: [UInt8](bytes)))
    }
}
let megabytes = { (bytes: Int64) in String(format: "%.1f MB", Double(bytes) / 1e6) }
print("| measurement | result |")
print("|---|---|")
print("| workload | \(workload.runs) runs × \(workload.seriesPerRun) Series × 3 fields × \(workload.steps) steps = \(points) points |")
print("| read W1's data from the store | \(String(format: "%.3f s", readTime)) |")
print("| `artifacta build` of the whole site | \(String(format: "%.3f s", buildTime)) |")
print("| build / read | \(String(format: "%.1f×", buildTime / readTime)) |")
print("| CPU time: read, build (both cores) | \(String(format: "%.3f s, %.3f s", readCPU, buildCPU)) |")
print("| peak memory (max RSS of the process) | \(usage.ru_maxrss / 1024) MB |")
if let result {
    print("| site | \(result.pages) pages, \(result.charts) charts, \(result.files) files, \(megabytes(result.bytes)) |")
}
print("| largest page | \(largestPage.path), \(largestPage.size / 1000) KB |")
// The Sweeps step's own wall time (while the other steps of the project run beside it).
if let sweepsTime = sweepsSeconds.withLock({ $0 }) {
    print("| Sweeps pages of the project | \(String(format: "%.3f s", sweepsTime)) |")
}

if wantsRebuilds { try reportRebuilds(fullBuild: buildTime) }
print("| largest chart | \(largestChart / 1000) KB |")
