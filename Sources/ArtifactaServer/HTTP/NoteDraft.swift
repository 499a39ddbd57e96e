import ArtifactaCore
import Foundation

/// A note as posted: `{"project", "title", "markdown", "attachments": [{"name", "content_base64"}]}`.
struct NoteDraft: Sendable {
    struct Attachment: Sendable {
        var name: String
        var content: Data
    }

    var project: String
    var title: String
    var markdown: String
    var attachments: [Attachment]

    init(json: JSONValue) throws {
        guard let pairs = json.objectPairs else { throw APIError(.badRequest, "note must be a JSON object, not \(json.typeName)") }
        let allowed = ["project", "title", "markdown", "attachments"]
        if let key = pairs.first(where: { !allowed.contains($0.0) })?.0 {
            throw APIError(.badRequest, "unknown field \(NameRules.quoted(key)) in note (expected: \(allowed.joined(separator: ", ")))")
        }
        project = try Self.string(json, "project", default: "default")
        title = try Self.string(json, "title", default: nil)
        markdown = try Self.string(json, "markdown", default: "")
        attachments = []
        guard let list = json["attachments"], list != .null else { return }
        guard case .array(let elements) = list else { throw APIError(.badRequest, "field \"attachments\" must be an array") }
        for (index, element) in elements.enumerated() {
            guard case .string(let name)? = element["name"], case .string(let base64)? = element["content_base64"] else {
                throw APIError(.badRequest, "attachments[\(index)] must be {\"name\": string, \"content_base64\": string}")
            }
            guard let content = Data(base64Encoded: base64) else {
                throw APIError(.badRequest, "attachments[\(index)]: content_base64 is not valid base64")
            }
            attachments.append(Attachment(name: name, content: content))
        }
    }

    private static func string(_ json: JSONValue, _ key: String, default fallback: String?) throws -> String {
        switch json[key] {
        case .string(let text)?: return text
        case nil, .null?:
            guard let fallback else { throw APIError(.badRequest, "missing field \"\(key)\"") }
            return fallback
        case let value?: throw APIError(.badRequest, "field \"\(key)\" must be a string, not \(value.typeName)")
        }
    }

    /// Writes each attachment as a file named by its safe name in `folder`, for the store to copy.
    func writeAttachments(to folder: URL) throws -> [URL] {
        guard !attachments.isEmpty else { return [] }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var urls: [URL] = []
        for attachment in attachments {
            let name = ArtifactPath.safeFileName(attachment.name)
            let url = folder.appendingPathComponent(name)
            if urls.contains(url) { throw APIError(.badRequest, "two attachments are named \(NameRules.quoted(name))") }
            try attachment.content.write(to: url)
            urls.append(url)
        }
        return urls
    }
}
