import ArtifactaCore
import ArtifactaStore

/// The final values of a run's Series fields (the index field left out), for run tables.
enum KeyMetrics {
    static func finalValues(of run: Run, in store: Store) throws -> [(name: String, value: Double)] {
        var result: [(name: String, value: Double)] = []
        for entry in try store.entries(runID: run.id) where entry.type == .series {
            let last = try store.lastValues(entryID: entry.id)
            for field in entry.seriesFields where field != entry.seriesIndex {
                guard let value = last[field] else { continue }
                result.append((field, value))
            }
        }
        return result
    }

    /// `loss 0.1235, acc 0.91` — the first `limit` metrics.
    static func summary(_ metrics: [(name: String, value: Double)], limit: Int = 3) -> String {
        let shown = metrics.prefix(limit).map { "\($0.name) \(NumberText.compact($0.value))" }
        let more = metrics.count > limit ? ", +\(metrics.count - limit)" : ""
        return shown.joined(separator: ", ") + more
    }
}
