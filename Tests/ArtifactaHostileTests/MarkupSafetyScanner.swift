import Foundation

/// Reads HTML or SVG the way a browser tokenizes tags and reports anything that could run
/// script: a `<script>` that is not one of the site's own, an `on…` attribute, a
/// `javascript:` (or `vbscript:`, `data:text/html`) URL, CSS `expression(`/`url(javascript:`
/// in a style, or an `<iframe>`, `<embed>`, `<base>`, `<form>` element or a `<meta>` refresh.
///
/// Escaped text (`&lt;script&gt;`) is text and passes; only markup that a browser would act on
/// is reported, with the characters around it.
enum MarkupSafetyScanner {
    struct Finding: CustomStringConvertible, Sendable {
        var problem: String
        var context: String
        var description: String { "\(problem): …\(context)…" }
    }

    /// `<script>` elements the site writes itself: inert data blocks and its own asset files.
    static func isOwnScript(_ attributes: [(String, String)]) -> Bool {
        let type = attributes.first { $0.0 == "type" }?.1
        let id = attributes.first { $0.0 == "id" }?.1
        if let source = attributes.first(where: { $0.0 == "src" })?.1 {
            return !source.contains(":") && source.hasSuffix(".js") && source.contains("assets/")
        }
        return (type == "text/plain" && id == "chart-css") || (type == "application/json" && id == "compare-data")
    }

    static let urlAttributes: Set<String> = ["href", "src", "xlink:href", "action", "formaction", "data", "poster", "background", "srcset"]
    static let forbiddenElements: Set<String> = ["iframe", "frame", "embed", "base", "form", "applet", "frameset"]

    static func scan(_ text: String) -> [Finding] {
        let bytes = Array(text.utf8)
        var findings: [Finding] = []
        var index = 0
        func context(_ at: Int) -> String {
            let start = max(0, at - 40)
            let end = min(bytes.count, at + 80)
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        func skip(past marker: String, from: Int) -> Int {
            let needle = Array(marker.utf8)
            var at = from
            while at + needle.count <= bytes.count {
                if zip(bytes[at..<(at + needle.count)], needle).allSatisfy({ lower($0) == $1 }) { return at + needle.count }
                at += 1
            }
            return bytes.count
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            let start = index
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") {
                index = text.utf8.count > index + 3 && bytes[index + 2] == UInt8(ascii: "-") ? skip(past: "-->", from: index + 4) : skip(past: ">", from: index)
                continue
            }
            if next == UInt8(ascii: "/") || next == UInt8(ascii: "?") {
                index = skip(past: ">", from: index)
                continue
            }
            guard isLetter(next) else {
                index += 1
                continue
            }
            index += 1
            var name: [UInt8] = []
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
                name.append(lower(bytes[index]))
                index += 1
            }
            var attributes: [(String, String)] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                if isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                    index += 1
                    continue
                }
                var attribute: [UInt8] = []
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">"),
                    bytes[index] != UInt8(ascii: "/") || attribute.isEmpty
                {
                    attribute.append(lower(bytes[index]))
                    index += 1
                }
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                var value: [UInt8] = []
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        index += 1
                        while index < bytes.count, bytes[index] != quote {
                            value.append(bytes[index])
                            index += 1
                        }
                        index += 1
                    } else {
                        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
                            value.append(bytes[index])
                            index += 1
                        }
                    }
                }
                attributes.append((String(decoding: attribute, as: UTF8.self), decodeEntities(String(decoding: value, as: UTF8.self))))
            }
            index += 1
            let tag = String(decoding: name, as: UTF8.self)
            for (attribute, value) in attributes {
                let squeezed = String(value.lowercased().unicodeScalars.filter { $0.value > 0x20 }.map(Character.init))
                if attribute.hasPrefix("on") {
                    findings.append(Finding(problem: "event handler attribute \(attribute) on <\(tag)>", context: context(start)))
                }
                if urlAttributes.contains(attribute),
                    squeezed.hasPrefix("javascript:") || squeezed.hasPrefix("vbscript:") || squeezed.hasPrefix("data:text/html")
                {
                    findings.append(Finding(problem: "script URL in \(attribute) of <\(tag)>", context: context(start)))
                }
                if attribute == "style", squeezed.contains("expression(") || squeezed.contains("javascript:") || squeezed.contains("url(") {
                    findings.append(Finding(problem: "active CSS in the style of <\(tag)>", context: context(start)))
                }
            }
            if tag == "meta", attributes.contains(where: { $0.0 == "http-equiv" && $0.1.lowercased() == "refresh" }) {
                findings.append(Finding(problem: "<meta http-equiv=refresh>", context: context(start)))
            }
            if forbiddenElements.contains(tag) {
                findings.append(Finding(problem: "<\(tag)> element", context: context(start)))
            }
            if tag == "script" {
                if !isOwnScript(attributes) { findings.append(Finding(problem: "a <script> the site did not write", context: context(start))) }
                index = skip(past: "</script", from: index)
            } else if tag == "style" || tag == "title" || tag == "textarea" {
                let end = skip(past: "</\(tag)", from: index)
                let body = String(decoding: bytes[min(index, end)..<max(index, end - tag.utf8.count - 2)], as: UTF8.self).lowercased()
                if tag == "style", body.contains("javascript:") || body.contains("expression(") {
                    findings.append(Finding(problem: "active CSS in a <style> element", context: context(start)))
                }
                index = end
            }
        }
        return findings
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }

    /// Enough of HTML's character references to see through `&#106;avascript:` and friends.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            let end = rest.firstIndex(of: ";").flatMap { rest.distance(from: rest.startIndex, to: $0) < 12 ? $0 : nil }
            guard let end else {
                result += "&"
                rest = rest.dropFirst()
                continue
            }
            let entity = String(rest[rest.index(after: rest.startIndex)..<end]).lowercased()
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n"]
            if let value = named[entity] {
                result += value
            } else if entity.hasPrefix("#x"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "&" + entity + ";"
            }
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
