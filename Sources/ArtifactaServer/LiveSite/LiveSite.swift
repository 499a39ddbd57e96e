import ArtifactaSite
import ArtifactaStore
import CSystemShims
import Dispatch
import Foundation

/// The site `artifacta build` writes, rebuilt from the store while the server runs.
///
/// Each look compares the store's change token with the one the site was built from; when
/// they differ and the last build started at least `minimumInterval` ago, a new build
/// starts in the background (one at a time) while the previous site goes on being served.
/// The site's version is the change token it was built from. A slow build spaces the next
/// one out (at least twice its own duration), so a busy store never keeps both cores building.
actor LiveSite {
    /// What is served now.
    struct State: Sendable {
        var folder: URL
        /// The change token the served site was built from; nil before the first build.
        var version: String?
        var building: Bool
        /// Why the last build failed, if it did.
        var lastError: String?
    }

    let store: Store
    let folder: URL
    let title: String
    let minimumInterval: TimeInterval
    private var builtToken: String?
    private var version: String?
    private var build: Task<Void, Never>?
    private var lastStart: Date?
    private var lastDuration: TimeInterval = 0
    private var lastError: String?
    private let queue = DispatchQueue(label: "artifacta.live-site")

    init(store: Store, folder: URL, title: String, minimumInterval: TimeInterval) {
        self.store = store
        self.folder = folder
        self.title = title
        self.minimumInterval = minimumInterval
    }

    private var state: State { State(folder: folder, version: version, building: build != nil, lastError: lastError) }

    /// Starts a rebuild if the store changed and the last one is old enough; returns what is served.
    func refresh() async -> State {
        let store = self.store
        let token = await offload { try? store.changeToken() }
        let pause = max(minimumInterval, 2 * lastDuration)
        let rested = lastStart.map { Date().timeIntervalSince($0) >= pause } ?? true
        if let token, token != builtToken, build == nil, rested || version == nil {
            startBuild(token: token)
        }
        return state
    }

    /// What to serve, waiting for the first build when there is no site yet.
    func servable() async -> State {
        let current = await refresh()
        if current.version == nil, let build {
            await build.value
            return state
        }
        return current
    }

    private func startBuild(token: String) {
        lastStart = Date()
        var configured = SiteBuilder(store: store, output: folder, title: title)
        // The live site lives in a temporary folder and is rebuilt as data arrives: flushing
        // the whole filesystem after each build would only slow the store's own writes.
        configured.durable = false
        let builder = configured
        build = Task {
            let result = await offload {
                let result = Result { try builder.build() }
                Self.returnFreedMemory()
                return result
            }
            finish(token: token, result: result)
        }
    }

    private func finish(token: String, result: Result<SiteBuildResult, any Error>) {
        // A failed build is retried only when the store changes again, not on every look.
        builtToken = token
        lastDuration = lastStart.map { Date().timeIntervalSince($0) } ?? 0
        switch result {
        case .success:
            version = token
            lastError = nil
        case .failure(let error):
            lastError = "\(error)"
        }
        build = nil
    }

    /// A build holds a whole project in memory for a moment, spread over the threads that
    /// drew its pages; the allocator keeps what they freed for reuse. Handing it back to the
    /// system after each build keeps a long-running server's memory flat.
    private static func returnFreedMemory() {
        artifacta_return_freed_memory()
    }

    private func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
