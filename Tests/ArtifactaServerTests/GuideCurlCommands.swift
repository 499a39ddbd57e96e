import Foundation

/// The `curl` examples of the user guide (shared/reference/artifacta-guide.rst), read from the
/// guide when it is there ($ARTIFACTA_GUIDE, ../shared beside the checkout, /work/shared), else
/// from the copy in Fixtures/guide-curls.txt that a test keeps equal to the guide.
enum GuideCurlCommands {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/guide-curls.txt")
    static let separator = "\n----\n"

    static var guide: URL? {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            ProcessInfo.processInfo.environment["ARTIFACTA_GUIDE"].map { URL(fileURLWithPath: $0) },
            repository.deletingLastPathComponent().appendingPathComponent("shared/reference/artifacta-guide.rst"),
            URL(fileURLWithPath: "/work/shared/reference/artifacta-guide.rst"),
        ]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The bash code blocks of the guide that call curl, dedented, in order.
    static func fromGuide(_ text: String) -> [String] {
        var blocks: [String] = []
        let lines = text.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index].trimmingCharacters(in: .whitespaces) == ".. code-block:: bash" else { continue }
            var body: [String] = []
            var next = index + 1
            while next < lines.count, lines[next].isEmpty || lines[next].hasPrefix("   ") {
                body.append(lines[next].isEmpty ? "" : String(lines[next].dropFirst(3)))
                next += 1
            }
            let block = body.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if block.hasPrefix("curl ") { blocks.append(block) }
        }
        return blocks
    }

    static func fromFixture() throws -> [String] {
        try String(contentsOf: fixture, encoding: .utf8).components(separatedBy: separator)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    static func all() throws -> [String] {
        if let guide, let text = try? String(contentsOf: guide, encoding: .utf8) { return fromGuide(text) }
        return try fromFixture()
    }
}
