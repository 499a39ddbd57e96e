import ArtifactaCore
import Foundation
import GRDB

extension Store {
    /// A short opaque text that changes whenever anything a report page shows changes:
    /// a run created, finished, heartbeating or lost (crashed), an entry or Series point
    /// logged, an artifact or its content added, a note written.
    ///
    /// It costs a handful of index look-ups, so a server can ask for it on every poll and
    /// rebuild its site only when it differs.
    public func changeToken(now: Date = Date()) throws -> String {
        let timeout = heartbeatTimeout
        return try read("reading the change token") { db in
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT count(*) FROM runs), (SELECT max(heartbeat_at) FROM runs),
                           (SELECT max(finished_at) FROM runs), (SELECT max(id) FROM entries),
                           (SELECT max(id) FROM series_chunks), (SELECT max(id) FROM artifacts),
                           (SELECT count(*) FROM artifact_files), (SELECT count(*) FROM notes),
                           (SELECT max(updated_at) FROM notes),
                           (SELECT count(*) FROM runs WHERE status = 'running' AND heartbeat_at < ?)
                    """,
                arguments: [now.storeTime - timeout])
            else { return "empty" }
            var parts: [String] = (0..<row.count).map { index in
                let value: DatabaseValue = row[index]
                return value.isNull ? "-" : "\(value)"
            }
            // Runs of this host whose process died read as crashed without any write.
            let lost = try Row.fetchAll(
                db, sql: "SELECT host, pid FROM runs WHERE status = 'running' AND host IS NOT NULL AND pid IS NOT NULL"
            ).filter { row in
                ProcessLiveness.hasCrashed(
                    host: row["host"], pid: Int32(truncatingIfNeeded: row["pid"] as Int64), heartbeatAt: now, timeout: timeout, now: now)
            }
            parts.append("\(lost.count)")
            var hasher = SHA256()
            hasher.update(Array(parts.joined(separator: "|").utf8))
            return String(hasher.hexDigest().prefix(16))
        }
    }
}
