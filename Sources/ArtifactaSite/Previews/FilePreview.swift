import ArtifactaCharts
import ArtifactaCore
import Foundation

/// The inline preview of one file on an artifact page: text and code, CSV as a table,
/// images, PDF, audio and video. HTML and SVG documents are shown as source, never run.
enum FilePreview {
    /// The most bytes of a text file shown.
    static let textLimit = 100_000
    /// The most rows of a CSV file shown.
    static let csvRowLimit = 100
    /// SVG files up to this size are previewed inline (as a data URL).
    static let svgPreviewLimit: Int64 = 1_000_000

    /// - Parameters:
    ///   - content: where the file's bytes are, or nil when the store lacks them.
    ///   - href: the link to the copied file, relative to the page.
    static func html(name: String, mediaType: String, size: Int64, content: URL?, href: String?) -> String {
        guard let content, let href else { return "<p class=\"muted\">The content of this file is not in the store.</p>" }
        let source = XMLText.escape(href)
        switch kind(of: mediaType) {
        case .image where mediaType == "image/svg+xml":
            // The copy in the site is bytes to save; the preview embeds the drawing, where scripts never run.
            guard size <= svgPreviewLimit, let data = FileManager.default.contents(atPath: content.path) else {
                return "<p class=\"muted\">No preview of an SVG this large; use Download.</p>"
            }
            return "<img src=\"data:image/svg+xml;base64,\(data.base64EncodedString())\" alt=\"\(XMLText.escape(name))\">"
        case .image: return "<img src=\"\(source)\" alt=\"\(XMLText.escape(name))\" loading=\"lazy\">"
        case .pdf: return "<object data=\"\(source)\" type=\"application/pdf\"><a href=\"\(source)\">Open the PDF</a></object>"
        case .audio: return "<audio controls preload=\"metadata\" src=\"\(source)\"></audio>"
        case .video: return "<video controls preload=\"metadata\" src=\"\(source)\"></video>"
        case .csv(let separator): return csvTable(content, separator: separator) ?? text(content, size: size)
        case .text: return text(content, size: size)
        case .binary:
            return "<p class=\"muted\">No preview for \(XMLText.escape(mediaType)); use Download.</p>"
        }
    }

    /// Whether an image link to a file of this type shows the preview instead of an `<img>` of
    /// the copied file: every type but raster images (an SVG is embedded, its copy is not a page).
    static func isInlinePreview(_ mediaType: String) -> Bool {
        kind(of: mediaType) != .image || mediaType == "image/svg+xml"
    }

    enum Kind: Equatable {
        case image, pdf, audio, video, text, binary
        case csv(Character)
    }

    static func kind(of mediaType: String) -> Kind {
        switch mediaType {
        case "image/svg+xml": .image
        case _ where mediaType.hasPrefix("image/"): .image
        case "application/pdf": .pdf
        case _ where mediaType.hasPrefix("audio/"): .audio
        case _ where mediaType.hasPrefix("video/"): .video
        case "text/csv": .csv(",")
        case "text/tab-separated-values": .csv("\t")
        case _ where mediaType.hasPrefix("text/"): .text
        case "application/json", "application/x-ndjson", "application/xml", "application/x-ipynb+json": .text
        default: .binary
        }
    }

    private static func prefix(_ url: URL, bytes: Int) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
        defer { try? handle.close() }
        return try? handle.read(upToCount: bytes)
    }

    private static func text(_ url: URL, size: Int64) -> String {
        guard let data = prefix(url, bytes: textLimit) else { return "<p class=\"muted\">Cannot read this file.</p>" }
        let text = String(decoding: data, as: UTF8.self)
        let note = size > Int64(textLimit) ? "<p class=\"muted\">The first \(NumberText.bytes(Int64(textLimit))) of \(NumberText.bytes(size)) shown.</p>" : ""
        return "<pre><code>\(XMLText.escape(text))</code></pre>" + note
    }

    private static func csvTable(_ url: URL, separator: Character) -> String? {
        guard let data = prefix(url, bytes: textLimit) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).prefix(csvRowLimit + 1)
        guard let header = lines.first else { return nil }
        func cells(_ line: Substring) -> [String] { CSVLine.split(String(line), separator: separator) }
        var html = "<div class=\"table-wrap\"><table class=\"data\"><thead><tr>"
        html += cells(header).map { "<th>\(XMLText.escape($0))</th>" }.joined()
        html += "</tr></thead><tbody>"
        for line in lines.dropFirst() {
            html += "<tr>" + cells(line).map { "<td>\(XMLText.escape($0))</td>" }.joined() + "</tr>"
        }
        html += "</tbody></table></div>"
        if lines.count > csvRowLimit { html += "<p class=\"muted\">The first \(csvRowLimit) rows shown; download the file for all.</p>" }
        return html
    }
}

/// Splits one CSV line into fields, honouring double quotes (`""` inside quotes is a quote).
enum CSVLine {
    static func split(_ line: String, separator: Character) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if quoted, character == "\"" {
                if index + 1 < characters.count, characters[index + 1] == "\"" {
                    current.append("\"")
                    index += 1
                } else {
                    quoted = false
                }
            } else if !quoted, character == "\"" {
                quoted = true
            } else if !quoted, character == separator {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
            index += 1
        }
        fields.append(current)
        return fields
    }
}
