import Foundation

/// The folder the live site is built into: the one configured, else a fresh folder in the
/// temporary directory (`artifacta-ui-<random>/site`).
enum LiveSiteFolder {
    static func prepare(_ configured: URL?) throws(ServerStartError) -> URL {
        if let configured { return configured.standardizedFileURL }
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("artifacta-ui-\(UUID().uuidString.prefix(12))")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw ServerStartError.cannotPrepareSite(path: parent.path, reason: error.localizedDescription)
        }
        return parent.appendingPathComponent("site")
    }
}
