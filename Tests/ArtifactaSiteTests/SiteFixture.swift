import Artifacta
import ArtifactaSite
import ArtifactaTestSupport
import Foundation
import Testing

/// A store filled by a test, and the site built from it.
struct SiteFixture {
    let folder = TemporaryDirectory("site")
    var storeLocation: StoreLocation { StoreLocation(directory: folder.path("store")) }
    var siteURL: URL { folder.path("site") }

    func store() throws -> Store { try Store.open(storeLocation) }

    @discardableResult
    func build(projects: [String] = []) throws -> SiteBuildResult {
        try SiteBuilder(store: try store(), output: siteURL, projects: projects).build()
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: siteURL.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: siteURL.appendingPathComponent(path).path) }

    /// Every file of the built site, relative to its root.
    func files() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: siteURL.path) else { return [] }
        return (enumerator.allObjects as? [String] ?? []).filter {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: siteURL.appendingPathComponent($0).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }.sorted()
    }
}

/// Every file under `folder` by relative path, with its bytes.
func contents(of folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
    for case let path as String in enumerator {
        var isDirectory: ObjCBool = false
        let url = folder.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = try Data(contentsOf: url)
        }
    }
    return files
}

extension String {
    /// How many times `needle` occurs.
    func occurrences(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}
