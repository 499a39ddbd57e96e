import Synchronization

/// Work spread over every core (``WorkPool``), results kept in order. Calls may nest: an
/// item may itself call ``map(_:_:)``, and idle cores take the inner call's items.
public enum Parallel {
    /// `body(0)`, `body(1)`, … `body(count - 1)` run on all cores; the results in index order.
    /// - Throws: the first error in index order, after every call has ended.
    public static func map<T: Sendable, E: Error>(_ count: Int, _ body: @Sendable (Int) throws(E) -> T) throws(E) -> [T] {
        let results = Mutex([Result<T, E>?](repeating: nil, count: count))
        WorkPool.shared.run(count) { index in
            let result: Result<T, E>
            do throws(E) { result = .success(try body(index)) } catch { result = .failure(error) }
            results.withLock { $0[index] = result }
        }
        return try results.withLock { $0 }.map { result throws(E) in try result!.get() }
    }

    /// `first` and `second` at the same time (two cores); both results.
    /// - Throws: `first`'s error, else `second`'s, after both have ended.
    public static func both<A: Sendable, B: Sendable, E: Error>(
        _ first: @Sendable () throws(E) -> A, _ second: @Sendable () throws(E) -> B
    ) throws(E) -> (A, B) {
        let a = Mutex<Result<A, E>?>(nil)
        let b = Mutex<Result<B, E>?>(nil)
        WorkPool.shared.run(2) { index in
            if index == 0 {
                let result = Result<A, E> { () throws(E) -> A in try first() }
                a.withLock { $0 = result }
            } else {
                let result = Result<B, E> { () throws(E) -> B in try second() }
                b.withLock { $0 = result }
            }
        }
        return (try a.withLock { $0 }!.get(), try b.withLock { $0 }!.get())
    }
}
