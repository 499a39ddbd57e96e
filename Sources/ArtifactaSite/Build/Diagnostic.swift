/// A content problem found while building: reported at the end, never fatal.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case warning, note
    }

    public var severity: Severity
    /// Where: a project, run or file.
    public var location: String
    public var message: String

    public init(_ severity: Severity = .warning, _ location: String, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public var description: String { "\(severity.rawValue): \(location): \(message)" }
}
