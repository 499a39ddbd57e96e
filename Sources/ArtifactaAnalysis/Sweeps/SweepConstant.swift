import ArtifactaCore

/// A config key that has the same value in every run of a sweep.
public struct SweepConstant: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}
