import ArtifactaStore
import Dispatch

/// The store, called from request tasks without blocking them.
///
/// Store calls are synchronous and may wait on SQLite's busy timeout; running them on a
/// Dispatch queue keeps Swift's cooperative threads (two on a two-core machine) free to
/// serve other requests meanwhile. Errors of the store become ``APIError``s.
struct BackgroundStore: Sendable {
    let store: Store
    private let queue = DispatchQueue(label: "artifacta.store", attributes: .concurrent)

    init(_ store: Store) { self.store = store }

    /// Runs `body` with the store off the cooperative pool.
    func run<T: Sendable>(_ body: @escaping @Sendable (Store) throws -> T) async throws -> T {
        let store = self.store
        let result: Result<T, any Error> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result { try body(store) }) }
        }
        do { return try result.get() } catch let error as StoreError { throw APIError(error) }
    }
}
