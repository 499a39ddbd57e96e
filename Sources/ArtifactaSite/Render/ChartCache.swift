import Synchronization

/// Charts of one project already drawn, by what they show: a run's own chart (a Matrix, a
/// Distribution…) appears on the Plots page and again on the run's page, and is drawn once.
final class ChartCache: Sendable {
    private let charts = Mutex<[ChartSpec: String]>([:])

    /// The chart of `spec`, drawn by `draw` the first time it is asked for.
    func svg(_ spec: ChartSpec, draw: () -> String) -> String {
        if let known = charts.withLock({ $0[spec] }) { return known }
        let svg = draw()
        charts.withLock { $0[spec] = svg }
        return svg
    }
}
