import Foundation

/// A run as the store holds it.
public struct Run: Sendable, Equatable {
    public var id: String
    public var project: String
    public var name: String
    public var status: RunStatus
    public var createdAt: Date
    public var finishedAt: Date?
    /// The last time its process showed it was alive.
    public var heartbeatAt: Date
    public var config: JSONValue
    public var tags: [String]
    /// What was captured about the machine and code: git, OS, interpreter, packages.
    public var environment: JSONValue
    /// Why a failed run failed, when its program said.
    public var error: String?

    public init(
        id: String, project: String, name: String, status: RunStatus, createdAt: Date, finishedAt: Date?,
        heartbeatAt: Date, config: JSONValue, tags: [String], environment: JSONValue, error: String?
    ) {
        self.id = id
        self.project = project
        self.name = name
        self.status = status
        self.createdAt = createdAt
        self.finishedAt = finishedAt
        self.heartbeatAt = heartbeatAt
        self.config = config
        self.tags = tags
        self.environment = environment
        self.error = error
    }

    /// Seconds from start to finish, or to the last heartbeat while running or after a crash.
    public var duration: TimeInterval {
        (finishedAt ?? heartbeatAt).timeIntervalSince(createdAt)
    }

    /// The wire shape returned by the API: `{run_id, project, name, status, config, …}`.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("run_id", .string(id)), ("project", .string(project)), ("name", .string(name)),
            ("status", .string(status.rawValue)), ("created_at", .string(Timestamp.iso8601(createdAt))),
        ]
        pairs.append(("finished_at", finishedAt.map { .string(Timestamp.iso8601($0)) } ?? .null))
        pairs.append(("config", config))
        pairs.append(("tags", .array(tags.map(JSONValue.string))))
        pairs.append(("environment", environment))
        if let error { pairs.append(("error", .string(error))) }
        return .object(pairs)
    }
}
