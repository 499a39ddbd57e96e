import ArtifactaCore
import ArtifactaStore
import Foundation
import Synchronization

/// A run being logged from Swift: start it, log primitives and artifacts, finish it.
///
/// ```swift
/// let run = try ActiveRun.start(project: "mnist", name: "baseline", config: ["lr": 0.001])
/// for epoch in 0..<10 {
///     try run.log("metrics", Series(index: "epoch", fields: ["loss": [loss], "epoch": [Double(epoch)]]))
/// }
/// try run.logArtifact("model", path: "model.bin")
/// try run.finish()
/// ```
///
/// Validation happens in `log`, which throws at once on bad input. Entries are buffered and
/// written at least once a second by a background thread (and when many are held, when an
/// artifact is logged, and at finish), so logging never waits on the disk. A run still open
/// when the program exits normally is finished; one whose process dies shows as crashed.
public final class ActiveRun: Sendable {
    /// How long entries may wait in memory before they are written.
    public static let flushInterval: TimeInterval = 1
    /// Held values beyond which `log` writes at once.
    static let flushThreshold = 1 << 20

    public let id: String
    public let project: String
    public let name: String
    public let store: Store

    private struct State {
        var buffer = EntryBuffer()
        var finished = false
        var lastWrite = Date()
        var backgroundError: StoreError?
        /// The type logged under each name, and the index each Series named: checked in `log`,
        /// so that a conflict is refused there and not when a whole batch is written.
        var types: [String: PrimitiveType] = [:]
        var seriesIndexes: [String: String] = [:]

        /// Throws when `entry` conflicts with what this run logged before (the store's own rules).
        func checkConsistent(_ entry: Entry) throws(ValidationError) {
            let context = "\(entry.primitive.type.rawValue) \(NameRules.quoted(entry.name))"
            if let known = types[entry.name], known != entry.primitive.type {
                throw ValidationError("the name is already used by a \(known.rawValue) in this run").prefixed(context)
            }
            if case .series(let series) = entry.primitive, let index = series.index, let known = seriesIndexes[entry.name], known != index {
                throw ValidationError("this Series was logged with index \(NameRules.quoted(known)), not \(NameRules.quoted(index))")
                    .prefixed(context)
            }
        }

        mutating func record(_ entry: Entry) {
            types[entry.name] = entry.primitive.type
            if case .series(let series) = entry.primitive, let index = series.index, seriesIndexes[entry.name] == nil {
                seriesIndexes[entry.name] = index
            }
        }
    }

    private let state = Mutex(State())
    /// Serialises writes of this run so entries reach the store in logging order.
    private let writeLock = Mutex(())

    private init(id: String, project: String, name: String, store: Store) {
        self.id = id
        self.project = project
        self.name = name
        self.store = store
    }

    /// Starts a run in the store at `store` (default: `--store`-less resolution: `ARTIFACTA_STORE`, then `./.artifacta`).
    /// - Parameters:
    ///   - captureEnvironment: record git state, OS, host, Swift version and packages.
    public static func start(
        project: String, name: String, config: JSONValue = [:], tags: [String] = [], id: String? = nil,
        store location: StoreLocation? = nil, captureEnvironment: Bool = true
    ) throws -> ActiveRun {
        let start: RunStart
        do { start = try RunStart(id: id, project: project, name: name, config: config, tags: tags) } catch {
            throw StoreError.invalid(error)
        }
        let store = try Store.open(location ?? StoreLocation.resolve(option: nil))
        let environment = captureEnvironment ? EnvironmentCapture.current() : [:]
        let run = try store.createRun(start, environment: environment)
        let active = ActiveRun(id: run.id, project: run.project, name: run.name, store: store)
        OpenRuns.shared.add(active)
        active.startFlusher()
        return active
    }

    /// Logs a primitive under `name`; a Series appends to the run's Series of that name.
    /// - Throws: ``StoreError/invalid(_:)`` naming the field and index of bad input, a name this run
    ///   already used for another type, or a Series index other than the one given before — at
    ///   once, before anything is stored, so the entries logged around it are still written.
    public func log(_ name: String, _ value: some Loggable, section: String? = nil) throws {
        let entry: Entry
        do { entry = try Entry(name: name, section: section, primitive: value.primitive) } catch {
            throw StoreError.invalid(error)
        }
        let mustFlush = try state.withLock { state throws(StoreError) -> Bool in
            if let error = state.backgroundError {
                state.backgroundError = nil
                throw error
            }
            guard !state.finished else {
                throw StoreError.invalid(ValidationError("run \(NameRules.quoted(id)) is finished; start a new run to log more"))
            }
            do throws(ValidationError) { try state.checkConsistent(entry) } catch { throw StoreError.invalid(error) }
            state.record(entry)
            state.buffer.append(entry)
            return state.buffer.heldValues >= Self.flushThreshold
        }
        if mustFlush { try flush() }
    }

    /// Writes every held entry now.
    public func flush() throws {
        try writeLock.withLock { _ in
            let entries = state.withLock { state in
                state.lastWrite = Date()
                return state.buffer.drain()
            }
            if entries.isEmpty { return }
            try store.log(entries, runID: id)
        }
    }

    /// Flushes and ends the run with a status; `error` says why a failed run failed.
    public func finish(status: RunStatus = .finished, error: String? = nil) throws {
        let alreadyFinished = state.withLock { state in
            defer { state.finished = true }
            return state.finished
        }
        if alreadyFinished { return }
        OpenRuns.shared.remove(self)
        try flush()
        try store.finishRun(id: id, status: status, error: error)
    }

    /// Whether `finish` has been called.
    public var isFinished: Bool { state.withLock { $0.finished } }

    private func startFlusher() {
        let thread = Thread { [weak self] in
            while let run = self, !run.isFinished {
                Thread.sleep(forTimeInterval: Self.flushInterval / 4)
                run.backgroundTick()
            }
        }
        thread.name = "artifacta-flush-\(id)"
        thread.start()
    }

    private func backgroundTick() {
        let (due, heartbeatDue) = state.withLock { state in
            let age = Date().timeIntervalSince(state.lastWrite)
            return (!state.buffer.isEmpty && age >= Self.flushInterval, age >= 15)
        }
        do {
            if due {
                try flush()
            } else if heartbeatDue {
                state.withLock { $0.lastWrite = Date() }
                try store.heartbeat(runID: id)
            }
        } catch {
            let storeError = error as? StoreError ?? .database(context: "writing in the background", message: "\(error)")
            state.withLock { $0.backgroundError = storeError }
        }
    }
}
