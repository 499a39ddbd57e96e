import ArtifactaStore

/// What every route handler needs: the store, the live site and the limits.
struct ServerDependencies: Sendable {
    let store: BackgroundStore
    /// Where logging requests' entries are written (group commit).
    let logs: LogCommitter
    let site: LiveSite
    let configuration: ServerConfiguration
}
