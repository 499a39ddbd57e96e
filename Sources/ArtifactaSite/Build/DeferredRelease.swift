import Dispatch

/// Frees large object graphs on another thread a moment later: a build returns without
/// waiting for the tens of thousands of objects it read (a thousand runs' entries, the
/// previous build's kept lines and rows) to be released one by one, which took a tenth of
/// a rebuild. By then the caller's references are gone and the delayed one is the last; if
/// not, the objects are freed where the caller drops them, as they would have been.
enum DeferredRelease {
    static func release(_ objects: some Sendable) {
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(100)) { withExtendedLifetime(objects) {} }
    }
}
