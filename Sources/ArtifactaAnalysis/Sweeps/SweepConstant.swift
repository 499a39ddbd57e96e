import ArtifactaCore

/// A config key that has the same value in every run of a sweep.
public struct SweepConstant: Sendable, Equatable {
    /// The dotted config key.
    public var key: String
    /// The value every run has.
    public var value: JSONValue

    /// A constant key and its value.
    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}
