import ArtifactaCore
import ArtifactaStore

/// Everything the site shows of one project, read from the store.
struct ProjectData: Sendable {
    var name: String
    /// Runs in the order they started; a run's colour is its position here.
    var runs: [RunData]
    var notes: [Note]

    func run(_ id: String) -> RunData? { runs.first { $0.run.id == id } }
}

/// One run with its entries, Series points and artifacts.
struct RunData: Sendable {
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
