/// Orders the runs of a sweep by one metric.
public struct SweepRanking: Sendable {
    /// The metric runs are ordered by.
    public var metric: SweepMetric
    /// Whether lower or higher is better.
    public var objective: MetricObjective

    /// A ranking by `metric` towards `objective`.
    public init(metric: SweepMetric, objective: MetricObjective) {
        self.metric = metric
        self.objective = objective
    }

    /// The runs best first; runs without a finite value of the metric come last. Ties keep
    /// the order the runs were given in.
    public func sorted(_ runs: [SweepRunInput]) -> [SweepRunInput] {
        order(runs).map { runs[$0] }
    }

    /// The positions of `runs` in the order of ``sorted(_:)``: a page that lists the best
    /// hundred of a thousand runs takes only those.
    public func order(_ runs: [SweepRunInput]) -> [Int] {
        let values = runs.map { $0.metrics.finite(metric) }
        return runs.indices.sorted { a, b in
            switch (values[a], values[b]) {
            case let (x?, y?): return x == y ? a < b : objective.prefers(x, over: y)
            case (nil, nil): return a < b
            case (_?, nil): return true
            case (nil, _?): return false
            }
        }
    }

    /// The best run, or `nil` when no run has a finite value of the metric. The first of tied runs wins.
    public func best(_ runs: [SweepRunInput]) -> SweepRunInput? {
        var best: (run: SweepRunInput, value: Double)?
        for run in runs {
            guard let value = run.metrics.finite(metric) else { continue }
            if let current = best, !objective.prefers(value, over: current.value) { continue }
            best = (run, value)
        }
        return best?.run
    }
}
