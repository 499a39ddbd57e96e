import ArtifactaCore
import Foundation
import GRDB

extension Store {
    /// Creates a run, and its project when new.
    ///
    /// `writer` says which process keeps the run alive: this one (its host and pid are
    /// recorded, so its death is noticed at once), or a remote client, such as one logging
    /// over HTTP, whose run is judged by its heartbeat alone.
    /// - Throws: ``StoreError/duplicateRun(_:)`` when the id is taken.
    public func createRun(
        _ start: RunStart, environment: JSONValue = [:], writer: RunWriter = .thisProcess, at time: Date = Date()
    ) throws -> Run {
        try write("creating run \(start.id)") { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM runs WHERE id = ?", arguments: [start.id]) == true {
                throw StoreError.duplicateRun(start.id)
            }
            let projectID = try Self.projectID(named: start.project, in: db, at: time)
            try db.execute(
                sql: """
                    INSERT INTO runs (id, project_id, name, status, created_at, heartbeat_at, host, pid, config, tags, environment)
                    VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    start.id, projectID, start.name, time.storeTime, time.storeTime,
                    writer == .thisProcess ? ProcessLiveness.hostName : nil,
                    writer == .thisProcess ? Int(ProcessLiveness.currentPID) : nil, start.config.jsonText, JSONValue.array(start.tags.map(JSONValue.string)).jsonText,
                    environment.jsonText,
                ])
        }
        guard let run = try run(id: start.id) else { throw StoreError.unknownRun(start.id) }
        return run
    }

    static func projectID(named name: String, in db: Database, at time: Date) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO projects (name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING",
            arguments: [name, time.storeTime])
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM projects WHERE name = ?", arguments: [name]) else {
            throw StoreError.database(context: "creating project \(name)", message: "the project row vanished")
        }
        return id
    }

    /// Ends a run with a status (`finished`, `failed` or `crashed`), and why it failed.
    public func finishRun(id: String, status: RunStatus, error: String? = nil, at time: Date = Date()) throws {
        try write("finishing run \(id)") { db in
            try db.execute(
                sql: "UPDATE runs SET status = ?, finished_at = ?, heartbeat_at = ?, error = ? WHERE id = ?",
                arguments: [status.rawValue, status == .running ? nil : time.storeTime, time.storeTime, error, id])
            if db.changesCount == 0 { throw StoreError.unknownRun(id) }
        }
    }

    /// Records that the run's writer is alive.
    public func heartbeat(runID: String, at time: Date = Date()) throws {
        try write("recording a heartbeat of run \(runID)") { db in
            try db.execute(sql: "UPDATE runs SET heartbeat_at = ? WHERE id = ?", arguments: [time.storeTime, runID])
        }
    }

    /// One run, with a lost writer shown as crashed; `nil` when unknown.
    public func run(id: String) throws -> Run? {
        try read("reading run \(id)") { db in
            try Row.fetchOne(db, sql: Self.runSelect + " WHERE runs.id = ?", arguments: [id]).map { try Self.run(from: $0, heartbeatTimeout: heartbeatTimeout) }
        }
    }

    /// Runs, newest first, optionally of one project.
    public func runs(project: String? = nil, limit: Int? = nil, offset: Int = 0) throws -> [Run] {
        try read("listing runs") { db in
            var sql = Self.runSelect
            var arguments: StatementArguments = []
            if let project {
                sql += " WHERE projects.name = ?"
                arguments += [project]
            }
            sql += " ORDER BY runs.created_at DESC, runs.id LIMIT ? OFFSET ?"
            arguments += [limit ?? -1, offset]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { try Self.run(from: $0, heartbeatTimeout: heartbeatTimeout) }
        }
    }

    /// Every project with its run count and latest activity, by name.
    public func projects() throws -> [ProjectSummary] {
        try read("listing projects") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT projects.name AS name, count(runs.id) AS runs,
                           max(coalesce(runs.heartbeat_at, projects.created_at)) AS latest
                    FROM projects LEFT JOIN runs ON runs.project_id = projects.id
                    GROUP BY projects.id ORDER BY projects.name
                    """
            ).map { row in
                ProjectSummary(name: row["name"], runCount: row["runs"], latestActivity: Date(storeTime: row["latest"] ?? 0))
            }
        }
    }

    /// The columns ``run(from:heartbeatTimeout:)`` reads, in the order it reads them.
    static let runSelect = """
        SELECT runs.id, projects.name, runs.name, runs.status, runs.created_at, runs.finished_at, runs.heartbeat_at, runs.host,
        runs.pid, runs.config, runs.tags, runs.environment, runs.error FROM runs JOIN projects ON projects.id = runs.project_id
        """

    /// A row of ``runSelect``, read by position (GRDB finds a column by name by comparing every
    /// column's name without case, for every value: a tenth of reading a thousand-run project).
    static func run(from row: Row, heartbeatTimeout: TimeInterval) throws -> Run {
        let heartbeat = Date(storeTime: row[6])
        var status = try RunStatus(name: row[3])
        if status == .running,
            ProcessLiveness.hasCrashed(
                host: row[7], pid: (row[8] as Int64?).map { Int32(truncatingIfNeeded: $0) }, heartbeatAt: heartbeat,
                timeout: heartbeatTimeout)
        {
            status = .crashed
        }
        return Run(
            id: row[0], project: row[1], name: row[2], status: status,
            createdAt: Date(storeTime: row[4]), finishedAt: (row[5] as Double?).map(Date.init(storeTime:)),
            heartbeatAt: heartbeat, config: try storedJSON(row[9]),
            tags: (try storedJSON(row[10]).arrayOfStrings) ?? [], environment: try storedJSON(row[11]),
            error: row[12])
    }

    /// Parses a JSON column.
    static func storedJSON(_ text: String?) throws -> JSONValue {
        guard let text else { return .null }
        do { return try JSONParser.parse(text) } catch {
            throw StoreError.database(context: "reading a JSON column", message: error.description)
        }
    }
}

/// Which process writes a run, for crash detection.
public enum RunWriter: Sendable {
    /// The calling process: its host name and pid are recorded.
    case thisProcess
    /// A client elsewhere (over HTTP): no host or pid is recorded; its heartbeat alone tells.
    case remote
}

/// A project and how much it holds.
public struct ProjectSummary: Sendable, Equatable {
    public var name: String
    public var runCount: Int
    public var latestActivity: Date
}

extension JSONValue {
    var arrayOfStrings: [String]? {
        guard case .array(let elements) = self else { return nil }
        return elements.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }
}
