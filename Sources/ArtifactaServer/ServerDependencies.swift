import ArtifactaStore

/// What every route handler needs: the store, the live site and the limits.
struct ServerDependencies: Sendable {
    let store: BackgroundStore
    let site: LiveSite
    let configuration: ServerConfiguration
}
