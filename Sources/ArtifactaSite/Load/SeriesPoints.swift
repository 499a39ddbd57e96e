import ArtifactaCore
import ArtifactaStore
import Synchronization

/// The Series points of one project, read when first needed, each up to its entry's point
/// count in the project's snapshot. A rebuild that takes the old runs' aggregates and faint
/// lines from the previous build (``SeriesSummaries``) reads only the new runs' points.
final class SeriesPoints: Sendable {
    private let store: Store?
    private let project: String
    /// Every Series entry of the project, by id.
    private let entries: [Int64: StoredEntry]

    private struct State {
        var loaded: [Int64: Series] = [:]
        /// The first read that failed: the build reports it rather than drawing less.
        var failure: (any Error)?
    }

    private let state: Mutex<State>

    /// Points to be read from `store` (none: every Series is empty, as in a snapshot without points).
    init(store: Store?, project: String, entries: [StoredEntry], loaded: [Int64: Series] = [:]) {
        self.store = store
        self.project = project
        self.entries = Dictionary(entries.filter { $0.type == .series }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        state = Mutex(State(loaded: loaded))
    }

    /// Reads the points of `entries` not read yet, in one read.
    func preload(_ entries: [StoredEntry]) throws {
        try state.withLock { state in
            let missing = entries.filter { $0.type == .series && state.loaded[$0.id] == nil }
            guard let store, !missing.isEmpty else { return }
            state.loaded.merge(try store.seriesPoints(of: missing, project: project)) { first, _ in first }
        }
    }

    /// The points of a Series entry of the project. The first one not read yet reads every
    /// entry not read yet: a rebuild that misses one usually misses many (a chart's layout
    /// changed), and one read of all is much faster than thousands of small ones.
    func series(_ entry: StoredEntry) -> Series? {
        state.withLock { state in
            if let known = state.loaded[entry.id] { return known }
            guard let store, state.failure == nil, entries[entry.id] != nil else { return nil }
            let missing = entries.values.filter { state.loaded[$0.id] == nil }
            do {
                state.loaded.merge(try store.seriesPoints(of: missing, project: project)) { first, _ in first }
            } catch {
                state.failure = error
            }
            return state.loaded[entry.id]
        }
    }

    /// Whether the points of `entry` are read already.
    func isLoaded(_ entry: StoredEntry) -> Bool { state.withLock { $0.loaded[entry.id] != nil } }

    /// The first read of points that failed, if any.
    var failure: (any Error)? { state.withLock { $0.failure } }
}
