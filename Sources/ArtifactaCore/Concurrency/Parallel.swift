import Dispatch
import Synchronization

/// Work spread over every core, results kept in order.
public enum Parallel {
    /// `body(0)`, `body(1)`, … `body(count - 1)` run on all cores; the results in index order.
    /// - Throws: the first error in index order, after every call has ended.
    public static func map<T: Sendable, E: Error>(_ count: Int, _ body: @Sendable (Int) throws(E) -> T) throws(E) -> [T] {
        let results = Mutex([Result<T, E>?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result: Result<T, E>
            do throws(E) { result = .success(try body(index)) } catch { result = .failure(error) }
            results.withLock { $0[index] = result }
        }
        return try results.withLock { $0 }.map { result throws(E) in try result!.get() }
    }
}
