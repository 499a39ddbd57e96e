import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decides whether the process that writes a run is still alive.
enum ProcessLiveness {
    /// A running run whose heartbeat is older than this is crashed (``Store/heartbeatTimeout`` by default).
    static let heartbeatTimeout: TimeInterval = 90

    /// This machine's host name, as recorded on runs.
    static let hostName: String = ProcessInfo.processInfo.hostName

    static var currentPID: Int32 { getpid() }

    /// Whether a process with this id exists on this machine.
    static func isAlive(pid: Int32) -> Bool {
        if pid <= 0 { return false }
        if kill(pid, 0) == 0 { return true }
        return errno == EPERM
    }

    /// `true` when a run recorded as running has in fact lost its writer.
    /// A run written without a host and pid (over HTTP) is judged by its heartbeat alone.
    static func hasCrashed(
        host: String?, pid: Int32?, heartbeatAt: Date, timeout: TimeInterval = heartbeatTimeout, now: Date = Date()
    ) -> Bool {
        if now.timeIntervalSince(heartbeatAt) > timeout { return true }
        if let host, host == hostName, let pid { return !isAlive(pid: pid) }
        return false
    }
}
