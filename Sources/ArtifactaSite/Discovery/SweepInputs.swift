import ArtifactaAnalysis
import ArtifactaCore

/// The runs of a project as the sweep analysis takes them: flattened config and metrics
/// (last, min and max of every Series field, as the runs table computed them; every Curve's metric).
enum SweepInputs {
    static func runs(of project: ProjectData, aggregates: SeriesAggregates) -> [SweepRunInput] {
        project.runs.map { run in
            var metrics = SweepMetricValues(capacity: 3 * aggregates.columns.count + 4)
            for (column, values) in zip(aggregates.columns, aggregates.row(runID: run.run.id)) {
                guard let values else { continue }
                metrics.addSeriesSummary(series: column.series, field: column.field, last: values.final, min: values.min, max: values.max)
            }
            for entry in run.latestEntries where entry.type == .curve {
                if case .curve(let curve)? = run.primitive(entry), let metric = curve.metric {
                    metrics.addCurveMetric(curve: entry.name, name: metric.name, value: metric.value)
                }
            }
            return SweepRunInput(id: run.run.id, name: run.run.name, project: project.name, nestedConfig: run.run.config, metrics: metrics)
        }
    }
}
