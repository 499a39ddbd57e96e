import ArtifactaCharts
import ArtifactaCore
import ArtifactaStore
import Synchronization

/// Everything the site shows of one project, read from the store.
struct ProjectData: Sendable {
    var name: String
    /// Runs in the order they started; a run's colour is its position here.
    let runs: [RunData]
    var notes: [Note]
    /// Which runs logged an artifact of each content hash in each role.
    private let uses: [UseKey: [ArtifactUse]]
    private let positionByID: [String: Int]
    /// The one-run charts drawn from this data so far, shared by the pages that show them.
    let charts = ChartCache()
    /// The decoded values of the project's entries (each run's ``RunData/primitive(_:)``).
    let decoded: DecodedPrimitives
    /// The project's Series points, read when first needed.
    let points: SeriesPoints

    init(name: String, runs: [RunData], notes: [Note], decoded: DecodedPrimitives, points: SeriesPoints) {
        self.name = name
        self.decoded = decoded
        self.points = points
        self.runs = runs
        self.notes = notes
        var uses: [UseKey: [ArtifactUse]] = [:]
        for run in runs {
            for artifact in run.artifacts {
                uses[UseKey(hash: artifact.hash, role: artifact.role), default: []].append(ArtifactUse(runID: run.run.id, artifact: artifact))
            }
        }
        self.uses = uses
        positionByID = Dictionary(runs.enumerated().map { ($1.run.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func run(_ id: String) -> RunData? { positionByID[id].map { runs[$0] } }

    /// The runs linked to `run` through content: those that produced what it read, and those
    /// that read what it produced, with the artifact that links them. (A data set that a
    /// thousand runs read links none of them: only the opposite role is looked at.)
    func linkedRuns(of run: RunData) -> [(run: RunData, artifact: Artifact)] {
        var result: [(run: RunData, artifact: Artifact)] = []
        for artifact in run.artifacts {
            let opposite: ArtifactRole = artifact.role == .input ? .output : .input
            for use in uses[UseKey(hash: artifact.hash, role: opposite)] ?? [] where use.runID != run.run.id {
                if let other = self.run(use.runID) { result.append((other, use.artifact)) }
            }
        }
        return result
    }
}

private struct UseKey: Hashable {
    var hash: String
    var role: ArtifactRole
}

/// One run's use of an artifact, found by content hash.
struct ArtifactUse: Sendable {
    var runID: String
    var artifact: Artifact
}

/// One run with its entries, Series points and artifacts.
///
/// A class: every page step walks the project's runs, and copying a struct of a dozen
/// references meant as many reference counts per run and step.
final class RunData: Sendable {
    /// Decoded entry values of the project, shared by every page that draws them.
    let decoded: DecodedPrimitives

    /// The value of a non-Series entry, read and decoded once when first asked for.
    func primitive(_ entry: StoredEntry) -> Primitive? { decoded.primitive(entry) }

    /// The project's Series points, read when first asked for.
    let points: SeriesPoints

    let run: Run
    /// The run's colour on every chart and table of the site.
    let colorIndex: Int
    let entries: [StoredEntry]
    let artifacts: [Artifact]

    /// Where each Series entry is in ``entries``, by name.
    private let seriesPositions: [String: Int]
    /// The opening of the run's faint line in every overlay that draws it so (``LineChartRun/faintOpening``).
    let faintOpening: String
    /// The newest entry of each non-Series name, in first-logged order.
    let latestEntries: [StoredEntry]

    init(decoded: DecodedPrimitives, points: SeriesPoints, run: Run, colorIndex: Int, entries: [StoredEntry], artifacts: [Artifact]) {
        self.decoded = decoded
        self.points = points
        self.run = run
        self.colorIndex = colorIndex
        self.entries = entries
        self.artifacts = artifacts
        var positions: [String: Int] = [:]
        for (position, entry) in entries.enumerated() where entry.type == .series && positions[entry.name] == nil { positions[entry.name] = position }
        seriesPositions = positions
        faintOpening = LineChartRun.faintOpening(runID: run.id, name: run.name, colorIndex: colorIndex)
        latestEntries = Self.latest(entries)
    }

    /// The run's Series entry named `name`.
    func seriesEntry(_ name: String) -> StoredEntry? { seriesPositions[name].map { entries[$0] } }

    private static func latest(_ entries: [StoredEntry]) -> [StoredEntry] {
        var positions: [String: Int] = [:]
        var result: [StoredEntry] = []
        for entry in entries where entry.type != .series {
            if let position = positions[entry.name] {
                result[position] = entry
            } else {
                positions[entry.name] = result.count
                result.append(entry)
            }
        }
        return result
    }

    /// Series entries, one per name, in first-logged order.
    var seriesEntries: [StoredEntry] { entries.filter { $0.type == .series } }
}

/// Entry values decoded on demand: a rebuild that reuses a run's page never decodes its
/// data, nor reads it when the snapshot deferred it.
final class DecodedPrimitives: Sendable {
    private let store: Store?
    private let values = Mutex<[Int64: Primitive?]>([:])
    /// Curves decoded by the previous build, taken instead of decoding them again.
    private let kept = Mutex<KeptCurves?>(nil)

    init(store: Store?) { self.store = store }

    /// Takes Curves from `curves` rather than decoding them.
    func use(_ curves: KeptCurves) { kept.withLock { $0 = curves } }

    func primitive(_ entry: StoredEntry) -> Primitive? {
        primitives([entry])[0]
    }

    /// The values of `entries`, in order; the deferred payloads among them read in one go.
    func primitives(_ entries: [StoredEntry]) -> [Primitive?] {
        var known: [Primitive??] = values.withLock { values in entries.map { values[$0.id] } }
        if let kept = kept.withLock({ $0 }) {
            for index in entries.indices where known[index] == nil {
                if let curve = kept.curve(entries[index]) { known[index] = .some(.curve(curve)) }
            }
        }
        let unread = entries.indices.filter { known[$0] == nil && entries[$0].payloadIsDeferred }.map { entries[$0].id }
        // An unreadable payload (the store gone meanwhile) leaves its entry undrawn, as undecodable data does.
        let payloads = unread.isEmpty ? [:] : (try? store?.payloads(entryIDs: unread)) ?? [:]
        // Decoded on all cores when there are many (a first build's thousand Curves).
        let undecoded = entries.indices.filter { known[$0] == nil }
        let decodedNow = undecoded.count >= 64
            ? Parallel.map(undecoded.count) { Self.decode(entries[undecoded[$0]], payloads: payloads) }
            : undecoded.map { Self.decode(entries[$0], payloads: payloads) }
        for (index, value) in zip(undecoded, decodedNow) { known[index] = .some(value) }
        let decoded = known.map { $0 ?? nil }
        values.withLock { values in
            for (entry, value) in zip(entries, decoded) { values[entry.id] = value }
        }
        return decoded
    }

    /// The value of `entry`, its payload taken from `payloads` when it was deferred.
    private static func decode(_ entry: StoredEntry, payloads: [Int64: String]) -> Primitive? {
        var entry = entry
        if entry.payloadIsDeferred, let payload = payloads[entry.id] {
            entry.payload = payload
            entry.payloadIsDeferred = false
        }
        return entry.primitive
    }
}
