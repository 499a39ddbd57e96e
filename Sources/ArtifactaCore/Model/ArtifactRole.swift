/// How a run relates to an artifact.
public enum ArtifactRole: String, Sendable, CaseIterable, Codable {
    /// The run read it (a data set, a base model).
    case input
    /// The run produced it (a checkpoint, a plot, a report).
    case output

    public init(name: String) throws(ValidationError) {
        guard let role = ArtifactRole(rawValue: name) else {
            throw ValidationError("role must be \"input\" or \"output\", not \(NameRules.quoted(name))")
        }
        self = role
    }
}
