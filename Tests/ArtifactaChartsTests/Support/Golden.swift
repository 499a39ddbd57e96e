import Foundation

/// Golden SVG files next to the tests: compared byte for byte, re-recorded with
/// `ARTIFACTA_RECORD_GOLDEN=1`.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["ARTIFACTA_RECORD_GOLDEN"] == "1" }

    /// `nil` when `svg` matches the golden file `name.svg` (or was just recorded), else why not.
    static func mismatch(_ svg: String, named name: String) -> String? {
        let url = directory.appendingPathComponent(name + ".svg")
        if isRecording {
            do {
                try Data(svg.utf8).write(to: url, options: .atomic)
                return nil
            } catch {
                return "could not record \(url.path): \(error)"
            }
        }
        guard let stored = try? Data(contentsOf: url) else {
            return "no golden file \(url.path); run with ARTIFACTA_RECORD_GOLDEN=1 to record it"
        }
        if stored == Data(svg.utf8) { return nil }
        let actual = url.deletingPathExtension().appendingPathExtension("actual.svg")
        try? Data(svg.utf8).write(to: actual)
        return "\(name).svg differs from the golden file; the new output is in \(actual.path)"
    }
}
