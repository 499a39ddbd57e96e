import ArtifactaCore
import Foundation
import Synchronization

/// The runs of this process not yet finished; at normal exit each is finished.
final class OpenRuns: Sendable {
    static let shared = OpenRuns()

    private let runs = Mutex<[ObjectIdentifier: ActiveRun]>([:])

    private init() {
        atexit { OpenRuns.shared.finishAll() }
    }

    func add(_ run: ActiveRun) { runs.withLock { $0[ObjectIdentifier(run)] = run } }

    func remove(_ run: ActiveRun) { _ = runs.withLock { $0.removeValue(forKey: ObjectIdentifier(run)) } }

    private func finishAll() {
        let open = runs.withLock { $0.values.sorted { $0.id < $1.id } }
        for run in open {
            do { try run.finish() } catch {
                FileHandle.standardError.write(Data("artifacta: could not finish run \(run.id) at exit: \(error)\n".utf8))
            }
        }
    }
}
