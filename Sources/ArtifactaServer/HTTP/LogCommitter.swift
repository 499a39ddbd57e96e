import ArtifactaCore
import ArtifactaStore
import Dispatch
import Synchronization

/// Writes the entries of logging requests with group commit: while one transaction is being
/// written, the requests that arrive wait together and go into the next one.
///
/// A lone request is written at once, as before; under load (many clients each sending
/// small requests) one commit serves all the requests that queued during the previous one,
/// so the store's per-transaction cost is shared. A request is answered only after the
/// transaction holding it has committed, and a request that fails (an unknown run, a name
/// used by another type) fails alone.
final class LogCommitter: Sendable {
    private struct Pending {
        var entries: [Entry]
        var runID: String
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var queue: [Pending] = []
        var writing = false
    }

    private let store: Store
    private let state = Mutex(State())
    private let writer = DispatchQueue(label: "artifacta.log-commit")
    /// Requests in one transaction, at most (a bound on one commit's size and latency).
    static let maximumGroup = 512

    init(store: Store) { self.store = store }

    /// Logs `entries` to run `runID`, returning once they are committed.
    /// - Throws: ``APIError`` with the store's reason when they were not stored.
    func log(_ entries: [Entry], runID: String) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let startsWriter = state.withLock { state in
                state.queue.append(Pending(entries: entries, runID: runID, continuation: continuation))
                guard !state.writing else { return false }
                state.writing = true
                return true
            }
            if startsWriter { writer.async { self.drain() } }
        }
    }

    /// Writes queued requests, a group per transaction, until none is left.
    private func drain() {
        while true {
            let group: [Pending] = state.withLock { state in
                let taken = Array(state.queue.prefix(Self.maximumGroup))
                state.queue.removeFirst(taken.count)
                if taken.isEmpty { state.writing = false }
                return taken
            }
            guard !group.isEmpty else { return }
            do {
                let outcomes = try store.log(groups: group.map { ($0.entries, $0.runID) })
                for (pending, outcome) in zip(group, outcomes) {
                    if let outcome { pending.continuation.resume(throwing: APIError(outcome)) } else { pending.continuation.resume() }
                }
            } catch {
                let failure = (error as? StoreError).map(APIError.init) ?? APIError(.internalServerError, "\(error)")
                for pending in group { pending.continuation.resume(throwing: failure) }
            }
        }
    }
}
