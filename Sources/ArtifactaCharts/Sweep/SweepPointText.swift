import ArtifactaCore
import Synchronization

/// The text of a sweep's runs that every metric page repeats, made once per sweep: each
/// run's name, each parameter's axis over all runs and each run's value on it, each metric's
/// value of each run, the pieces of each scatter point, and each run's line through the
/// parallel coordinates' parameter axes. A sweep of a thousand runs draws a scatter per
/// parameter on every metric page; without this each page would format all of it again.
///
/// Shared by the threads that draw the pages of a sweep.
public final class SweepPointText: Sendable {
    let runs: [SweepRun]
    /// The run's name, escaped, per run.
    let names: [String]
    /// Each run's id, escaped.
    let ids: [String]
    /// `<circle class="run ac-cN ac-mark" data-run="…"`: the opening of each run's scatter point.
    let pointOpenings: PackedTexts
    private let parameters: [String: Parameter]
    private let summaries = Mutex<[[String]: [String]]>([:])
    private let metrics = Mutex<[String: (numbers: [Double?], texts: [String])]>([:])
    private let titleOpenings = Mutex<[String: PackedTexts]>([:])
    private let titleClosings = Mutex<[String: PackedTexts]>([:])
    private let pathOpenings = Mutex<[ParallelPathKey: [[UInt8]]]>([:])

    struct Parameter: Sendable {
        let axis: SweepAxis
        /// `name=value`, escaped, per run.
        let texts: [String]
        /// Where each run sits on the axis.
        let fractions: [Double]
    }

    public init(runs: [SweepRun], parameters: [String]) {
        self.runs = runs
        names = runs.map { XMLText.escape($0.name) }
        let ids = runs.map { XMLText.escape($0.runID) }
        self.ids = ids
        pointOpenings = PackedTexts(count: runs.count) { index in
            Array("<circle class=\"run \(Palette.colorClass(runs[index].colorIndex)) ac-mark\" data-run=\"\(ids[index])\"".utf8)
        }
        var byName: [String: Parameter] = [:]
        for name in parameters {
            let axis = SweepAxis(name: name, runs: runs)
            byName[name] = Parameter(
                axis: axis, texts: runs.map { XMLText.escape("\(name)=\($0.values[name].map(SweepAxis.categoryText) ?? "missing")") },
                fractions: runs.map { axis.fraction($0.values[name]) })
        }
        self.parameters = byName
    }

    func parameter(_ name: String) -> Parameter? { parameters[name] }

    /// Each run's `name=value` of `parameters`, joined by commas (nil when one is unknown), made once.
    func summary(_ parameters: [String]) -> [String]? {
        let parts = parameters.compactMap { self.parameters[$0]?.texts }
        guard parts.count == parameters.count else { return nil }
        return Self.made(in: summaries, parameters) { runs.indices.map { index in parts.map { $0[index] }.joined(separator: ", ") } }
    }

    /// Whether these are the texts of `runs` (the same runs in the same order).
    func describes(_ runs: [SweepRun]) -> Bool {
        runs.count == self.runs.count && zip(runs, self.runs).allSatisfy { $0.runID == $1.runID }
    }

    /// `><title>NAME: PARAMETER=VALUE` per run: what a scatter of `parameter` writes after a
    /// point's coordinates, on every metric page (nil for an unknown parameter).
    func titleOpenings(_ parameter: String) -> PackedTexts? {
        guard let texts = parameters[parameter]?.texts else { return nil }
        return Self.made(in: titleOpenings, parameter) {
            PackedTexts(count: runs.count) { index in Array("><title>\(names[index]): \(texts[index])".utf8) }
        }
    }

    /// `, METRIC=VALUE</title></circle>` per run: how a scatter point of `metric` ends, on
    /// each of the page's scatters.
    func titleClosings(_ metric: String) -> PackedTexts {
        Self.made(in: titleClosings, metric) {
            let label = ", " + XMLText.escape(metric) + "="
            let texts = self.metric(metric).texts
            return PackedTexts(count: runs.count) { index in Array((label + texts[index] + "</title></circle>").utf8) }
        }
    }

    /// Each run's line through the parameter axes of a parallel coordinates chart laid out as
    /// `geometry` (`make` draws run `index`'s), made once per layout: a sweep's metric pages
    /// mostly share one.
    func pathOpenings(_ geometry: ParallelPathKey, make: (Int) -> [UInt8]) -> [[UInt8]] {
        Self.made(in: pathOpenings, geometry) { runs.indices.map(make) }
    }

    /// Each run's finite value of `metric`, and its text as tooltips show it (four significant
    /// digits; empty when it has none), made once per metric.
    func metric(_ name: String) -> (numbers: [Double?], texts: [String]) {
        Self.made(in: metrics, name) {
            let numbers = runs.map { $0.number(name) }
            return (numbers, numbers.map { $0.map { CompactNumber.text($0, significantDigits: 4) } ?? "" })
        }
    }

    /// The value `table` holds for `key`, made by `make` (outside the lock) and kept there the
    /// first time it is asked for. Two threads asking at once may both make it; either is kept.
    private static func made<Key: Hashable & Sendable, Value: Sendable>(in table: borrowing Mutex<[Key: Value]>, _ key: Key, make: () -> Value) -> Value {
        if let known = table.withLock({ $0[key] }) { return known }
        let value = make()
        table.withLock { $0[key] = value }
        return value
    }
}

/// The layout of a parallel coordinates chart's parameter axes: what a run's line through them depends on.
struct ParallelPathKey: Hashable, Sendable {
    let parameters: [String]
    /// Each parameter axis' x.
    let xs: [Double]
    /// The y of the axes' top, and their height.
    let top: Double
    let height: Double
}
