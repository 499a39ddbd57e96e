import ArtifactaCore

/// Computes parameter importance for a sweep and one metric: a rank correlation per
/// parameter and the permutation importance of a seeded random forest.
public struct ParameterImportanceEstimator: Sendable {
    /// The settings of the forest.
    public var options: ForestOptions

    /// An estimator with the given forest settings (100 seeded trees by default).
    public init(options: ForestOptions = ForestOptions()) { self.options = options }

    /// The importance of each of the sweep's parameters for `metric`.
    ///
    /// Runs without a finite value of the metric are left out entirely; runs missing a
    /// parameter are left out of that parameter's correlation only (the forest gives missing
    /// values their own bin). The forest needs at least 3 runs, else importances are `nil`.
    public func report(for sweep: Sweep, metric: SweepMetric, features: SweepFeatures? = nil) -> ParameterImportanceReport {
        report(parameters: sweep.parameters, runs: sweep.runs, metric: metric, features: features)
    }

    /// The importance of `parameters` for `metric` over `runs`. `features`, made from the same
    /// parameters and runs, spares making them again when every run has the metric.
    public func report(
        parameters: [SweepParameter], runs: [SweepRunInput], metric: SweepMetric, features: SweepFeatures? = nil
    ) -> ParameterImportanceReport {
        let measured = runs.compactMap { run in run.metrics.finite(metric).map { (run, $0) } }
        let targets = measured.map(\.1)
        let shared = features.flatMap { $0.runCount == runs.count && measured.count == runs.count ? $0 : nil }
        let columns = shared?.columns ?? SweepFeatures.columns(parameters, runs: measured.map(\.0))

        var importances: [Double]?
        var r2: Double?
        if measured.count >= 3, !parameters.isEmpty {
            let forest = RandomForest(features: shared?.binned ?? BinnedFeatures(columns: columns), targets: targets, options: options)
            importances = Self.normalize(forest.permutationIncrease)
            r2 = forest.outOfBagR2
        }
        // With every run measured, the ranks of the targets and of each complete column are
        // made once (the columns' once per sweep), not once per parameter and metric.
        let targetRanks = shared.map { _ in RankCorrelation.averageRanks(targets) }
        let scores = parameters.enumerated().map { index, parameter in
            let ranks = targetRanks.map { (column: shared?.ranks[index], targets: $0) }
            let (kind, correlation, count) = Self.correlation(parameter, column: columns[index], targets: targets, ranks: ranks)
            return ParameterImportanceScore(
                parameter: parameter.key, correlationKind: kind, correlation: correlation, correlationRunCount: count,
                importance: importances?[index])
        }
        return ParameterImportanceReport(metric: metric, runCount: measured.count, scores: scores, outOfBagR2: r2)
    }

    /// Clamps at zero and scales to sum to 1; all zeros when no feature helps.
    static func normalize(_ increases: [Double]) -> [Double] {
        let clamped = increases.map { $0.isFinite ? max(0, $0) : 0 }
        let total = clamped.reduce(0, +)
        return total > 0 ? clamped.map { $0 / total } : clamped
    }

    static func column(_ parameter: SweepParameter, values: [JSONValue]) -> FeatureColumn {
        switch parameter.kind {
        case .numeric:
            return .numeric(values.map { value in SweepParameter.number(value).flatMap { $0.isFinite ? $0 : nil } })
        case .categorical:
            return .categorical(values.map { $0 == .null ? nil : ConfigFlattening.text($0) })
        }
    }

    /// `ranks`: the ranks of every target and, when the column has no missing value, of the
    /// column (``SweepFeatures/ranks``), which give the same correlation without sorting again.
    static func correlation(
        _ parameter: SweepParameter, column: FeatureColumn, targets: [Double], ranks: (column: [Double]?, targets: [Double])? = nil
    ) -> (ParameterImportanceScore.CorrelationKind, Double?, Int) {
        if let ranks, let columnRanks = ranks.column, columnRanks.count == targets.count {
            return (.spearman, targets.count >= 3 ? RankCorrelation.pearson(columnRanks, ranks.targets) : nil, targets.count)
        }
        switch column {
        case .categorical(let names) where !parameter.isBoolean && ranks != nil && !names.contains(nil):
            return (.correlationRatio, RankCorrelation.correlationRatio(categories: names.map { $0 ?? "" }, ranks: ranks?.targets ?? []), names.count)
        case .numeric(let numbers):
            let pairs = zip(numbers, targets).compactMap { number, target in number.map { ($0, target) } }
            return (.spearman, RankCorrelation.spearman(pairs.map(\.0), pairs.map(\.1)), pairs.count)
        case .categorical(let names) where parameter.isBoolean:
            let pairs = zip(names, targets).compactMap { name, target in name.map { ($0 == "true" ? 1.0 : 0.0, target) } }
            return (.spearman, RankCorrelation.spearman(pairs.map(\.0), pairs.map(\.1)), pairs.count)
        case .categorical(let names):
            let pairs = zip(names, targets).compactMap { name, target in name.map { ($0, target) } }
            return (.correlationRatio, RankCorrelation.correlationRatio(categories: pairs.map(\.0), values: pairs.map(\.1)), pairs.count)
        }
    }
}

/// A sweep's parameters as the importance estimate takes them (a column per parameter, and
/// its bins), made once for every metric the sweep is judged by.
public struct SweepFeatures: Sendable {
    let runCount: Int
    let columns: [FeatureColumn]
    let binned: BinnedFeatures
    /// The average ranks of each numeric or boolean column without a missing value (nil for
    /// the others), as Spearman's ρ ranks them.
    let ranks: [[Double]?]

    public init(parameters: [SweepParameter], runs: [SweepRunInput]) {
        runCount = runs.count
        columns = Self.columns(parameters, runs: runs)
        binned = BinnedFeatures(columns: columns)
        ranks = zip(parameters, columns).map { parameter, column in
            switch column {
            case .numeric(let numbers):
                let present = numbers.compactMap { $0 }
                return present.count == numbers.count ? RankCorrelation.averageRanks(present) : nil
            case .categorical(let names) where parameter.isBoolean:
                let present = names.compactMap { $0 }
                return present.count == names.count ? RankCorrelation.averageRanks(present.map { $0 == "true" ? 1 : 0 }) : nil
            case .categorical:
                return nil
            }
        }
    }

    static func columns(_ parameters: [SweepParameter], runs: [SweepRunInput]) -> [FeatureColumn] {
        let lookups = runs.map { run in Dictionary(run.config.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }) }
        return parameters.map { parameter in ParameterImportanceEstimator.column(parameter, values: lookups.map { $0[parameter.key] ?? .null }) }
    }
}
