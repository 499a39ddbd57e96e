/// Where a run is in its life.
public enum RunStatus: String, Sendable, CaseIterable, Codable {
    /// Still logging.
    case running
    /// Ended normally.
    case finished
    /// Ended by an error the logging program reported.
    case failed
    /// Its process died without finishing it.
    case crashed

    /// Parses a status name, with an error listing the known ones.
    public init(name: String) throws(ValidationError) {
        guard let status = RunStatus(rawValue: name) else {
            throw ValidationError("unknown status \(NameRules.quoted(name)) (known: running, finished, failed, crashed)")
        }
        self = status
    }
}
