import Artifacta
import ArtifactaTestSupport
import Foundation

/// A fresh store in a temporary directory.
struct StoreFixture {
    let folder = TemporaryDirectory("store")
    var location: StoreLocation { StoreLocation(directory: folder.path("store")) }

    func open() throws -> Store { try Store.open(location) }

    /// Every file under the store with its size, to prove an operation changed nothing.
    func snapshot() throws -> [String: Int] {
        var result: [String: Int] = [:]
        let root = location.directory
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.fileSizeKey]) else { return [:] }
        for case let url as URL in enumerator {
            let size = (try url.resourceValues(forKeys: [.fileSizeKey])).fileSize ?? -1
            result[String(url.path.dropFirst(root.path.count))] = size
        }
        return result
    }

    /// Row counts of every table, to prove nothing was stored.
    func rowCounts(_ store: Store) throws -> [String: Int] {
        let runs = try store.runs()
        var entries = 0
        var artifacts = 0
        for run in runs {
            entries += try store.entries(runID: run.id).count
            artifacts += try store.artifacts(runID: run.id).count
        }
        return ["runs": runs.count, "entries": entries, "artifacts": artifacts, "notes": try store.notes().count]
    }
}
