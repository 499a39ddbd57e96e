import ArtifactaCore

/// Everything a project holds, read in one transaction: what the site builder draws from.
public struct ProjectSnapshot: Sendable {
    public var runs: [Run]
    /// Each run's entries in logging order, by run id.
    public var entries: [String: [StoredEntry]]
    /// Each run's artifacts in logging order, by run id.
    public var artifacts: [String: [Artifact]]
    /// Every Series' points, by entry id (none when read without them).
    public var series: [Int64: Series]
    public var notes: [Note]
}
