import ArtifactaCore

/// Finds the sweeps among a set of runs (DESIGN.md §5).
///
/// Runs are grouped by project and then by the set of their flattened config keys; a group
/// of at least two runs in which some key takes more than one value is a sweep. Runs whose
/// configs are all identical are repeats, not a sweep.
public struct SweepDetector: Sendable {
    /// A detector; it has no settings.
    public init() {}

    /// The sweeps in `runs`, ordered by project and then by the position of each sweep's first run.
    public func sweeps(in runs: [SweepRunInput]) -> [Sweep] {
        // Groups in the order of their first run.
        var groups: [(key: GroupKey, runs: [SweepRunInput])] = []
        var positions: [GroupKey: Int] = [:]
        // Runs of a sweep usually list the same keys in the same order: the group of the run
        // before is taken again then, rather than its key set made, sorted and hashed once more.
        var previous: (run: SweepRunInput, group: Int)?
        for run in runs {
            let group: Int
            if let previous, previous.run.project == run.project, previous.run.config.count == run.config.count,
                zip(previous.run.config, run.config).allSatisfy({ $0.key == $1.key })
            {
                group = previous.group
            } else {
                let key = GroupKey(project: run.project, keys: Set(run.config.map(\.key)).sorted())
                if let known = positions[key] {
                    group = known
                } else {
                    group = groups.count
                    positions[key] = group
                    groups.append((key, []))
                }
            }
            groups[group].runs.append(run)
            previous = (run, group)
        }
        let ordered = groups.enumerated().sorted { a, b in
            a.element.key.project == b.element.key.project ? a.offset < b.offset : a.element.key.project < b.element.key.project
        }
        return ordered.compactMap { _, group in sweep(project: group.key.project, runs: group.runs) }
    }

    /// The sweep formed by `runs` (which share one key set), or `nil` when they are fewer than
    /// two or their configs are identical.
    func sweep(project: String, runs: [SweepRunInput]) -> Sweep? {
        guard runs.count >= 2, let first = runs.first else { return nil }
        var parameters: [SweepParameter] = []
        var constants: [SweepConstant] = []
        let lookups = runs.map { Dictionary($0.config.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }) }
        var seen = Set<String>()
        for (key, firstValue) in first.config where seen.insert(key).inserted {
            let values = lookups.map { $0[key] ?? .null }
            if values.allSatisfy({ $0 == firstValue }) {
                constants.append(SweepConstant(key: key, value: firstValue))
            } else {
                parameters.append(SweepParameter.classify(key: key, values: values))
            }
        }
        guard !parameters.isEmpty else { return nil }
        let metrics = Set(runs.flatMap { $0.metrics.values.keys }).sorted()
        return Sweep(project: project, runs: runs, parameters: parameters, constants: constants, metrics: metrics)
    }

    private struct GroupKey: Hashable {
        var project: String
        var keys: [String]
    }
}
