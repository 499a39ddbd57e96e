import ArtifactaAnalysis
import ArtifactaCore

/// The runs of a project as the sweep analysis takes them: flattened config and metrics
/// (last, min and max of every Series field; every Curve's metric).
enum SweepInputs {
    static func runs(of project: ProjectData) -> [SweepRunInput] {
        project.runs.map { run in
            let series = run.seriesEntries.compactMap { entry in run.series[entry.name].map { (name: entry.name, series: $0) } }
            let curves = run.latestEntries.compactMap { entry -> (name: String, curve: Curve)? in
                guard case .curve(let curve)? = run.primitive(entry) else { return nil }
                return (entry.name, curve)
            }
            return SweepRunInput(
                id: run.run.id, name: run.run.name, project: project.name, nestedConfig: run.run.config,
                metrics: SweepMetricValues(series: series, curves: curves))
        }
    }
}
