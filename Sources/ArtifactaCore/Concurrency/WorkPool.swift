import Foundation

/// The threads behind ``Parallel``: one fewer than the cores, plus the thread that calls.
///
/// A call's items go on a list that the workers and the calling thread take from, and a
/// thread whose call still waits for items running elsewhere takes other calls' items
/// meanwhile. So a call made inside another call's item spreads over every idle core:
/// Dispatch's `concurrentPerform` runs such a nested call on the calling thread alone, which
/// left one core idle while a build's run pages or Sweeps pages were drawn.
///
/// Items must not wait for anything but their own nested calls (no lock held across a call).
final class WorkPool: @unchecked Sendable {
    static let shared = WorkPool(workers: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))

    /// One call: its items are taken in index order.
    private final class Batch {
        let count: Int
        let body: (Int) -> Void
        /// The next item nobody has taken, and how many have ended (both under the pool's lock).
        var next = 0
        var ended = 0

        init(count: Int, body: @escaping (Int) -> Void) {
            self.count = count
            self.body = body
        }
    }

    private let condition = NSCondition()
    /// Calls with items not yet taken, oldest first (under `condition`).
    private var open: [Batch] = []

    init(workers: Int) {
        for index in 0..<workers {
            let thread = Thread { [self] in work() }
            thread.name = "artifacta-worker-\(index + 1)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// `body(0)` … `body(count - 1)` on the workers and this thread; returns when all have ended.
    func run(_ count: Int, _ body: (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let batch = Batch(count: count, body: body)
            condition.lock()
            open.append(batch)
            condition.broadcast()
            while batch.ended < batch.count {
                if let (taken, index) = take(preferring: batch) {
                    perform(taken, index)
                } else {
                    condition.wait()
                }
            }
            condition.unlock()
        }
    }

    private func work() {
        condition.lock()
        while true {
            if let (taken, index) = take(preferring: nil) {
                perform(taken, index)
            } else {
                condition.wait()
            }
        }
    }

    /// An item not yet taken: of `batch` while it has one, else of the newest call (the
    /// innermost nested one, whose end its caller waits for). Called with the lock held.
    private func take(preferring batch: Batch?) -> (Batch, Int)? {
        guard let chosen = batch.flatMap({ $0.next < $0.count ? $0 : nil }) ?? open.last else { return nil }
        let index = chosen.next
        chosen.next += 1
        if chosen.next == chosen.count { open.removeAll { $0 === chosen } }
        return (chosen, index)
    }

    /// Runs an item without the lock, then counts it. Called with the lock held.
    private func perform(_ batch: Batch, _ index: Int) {
        condition.unlock()
        batch.body(index)
        condition.lock()
        batch.ended += 1
        if batch.ended == batch.count { condition.broadcast() }
    }
}
