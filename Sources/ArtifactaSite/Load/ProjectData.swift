import ArtifactaCore
import ArtifactaStore
import Synchronization

/// Everything the site shows of one project, read from the store.
struct ProjectData: Sendable {
    var name: String
    /// Runs in the order they started; a run's colour is its position here.
    let runs: [RunData]
    var notes: [Note]
    /// Which runs logged an artifact of each content hash, and in which role.
    let usesByHash: [String: [ArtifactUse]]
    private let positionByID: [String: Int]
    /// The one-run charts drawn from this data so far, shared by the pages that show them.
    let charts = ChartCache()

    init(name: String, runs: [RunData], notes: [Note]) {
        self.name = name
        self.runs = runs
        self.notes = notes
        var uses: [String: [ArtifactUse]] = [:]
        for run in runs {
            for artifact in run.artifacts { uses[artifact.hash, default: []].append(ArtifactUse(runID: run.run.id, artifact: artifact)) }
        }
        usesByHash = uses
        positionByID = Dictionary(runs.enumerated().map { ($1.run.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func run(_ id: String) -> RunData? { positionByID[id].map { runs[$0] } }

    /// The runs linked to `run` through content: those that produced what it read, and those
    /// that read what it produced, with the artifact that links them.
    func linkedRuns(of run: RunData) -> [(run: RunData, artifact: Artifact)] {
        var result: [(run: RunData, artifact: Artifact)] = []
        for artifact in run.artifacts {
            for use in usesByHash[artifact.hash] ?? [] where use.runID != run.run.id && use.artifact.role != artifact.role {
                if let other = self.run(use.runID) { result.append((other, use.artifact)) }
            }
        }
        return result
    }
}

/// One run's use of an artifact, found by content hash.
struct ArtifactUse: Sendable {
    var runID: String
    var artifact: Artifact
}

/// One run with its entries, Series points and artifacts.
struct RunData: Sendable {
    /// Decoded entry values, shared by every page that draws them.
    private let decoded = DecodedPrimitives()

    /// The value of a non-Series entry, decoded once when first asked for.
    func primitive(_ entry: StoredEntry) -> Primitive? { decoded.primitive(entry) }

    var run: Run
    /// The run's colour on every chart and table of the site.
    var colorIndex: Int
    var entries: [StoredEntry]
    /// Every Series of the run by name, with all its points.
    var series: [String: Series]
    var artifacts: [Artifact]

    /// The newest entry of each non-Series name, in first-logged order.
    var latestEntries: [StoredEntry] {
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

/// Entry values decoded on demand: a rebuild that reuses a run's page never decodes its data.
final class DecodedPrimitives: Sendable {
    private let values = Mutex<[Int64: Primitive?]>([:])

    func primitive(_ entry: StoredEntry) -> Primitive? {
        if let known = values.withLock({ $0[entry.id] }) { return known }
        let value = entry.primitive
        values.withLock { $0[entry.id] = value }
        return value
    }
}
