/// A small well-formedness check for the markup the fuzz targets produce: tags nest and
/// close, attribute values are quoted, text has no stray `<`, and no coordinate is NaN or
/// infinite. Returns what is wrong, or nil.
enum MarkupCheck {
    static let numericAttributes: Set<String> = [
        "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "d", "points", "transform", "viewBox",
    ]

    static func problem(in text: String, numeric: Bool) -> String? {
        let bytes = Array(text.utf8)
        var stack: [String] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") { index += 1; continue }
            index += 1
            guard index < bytes.count else { return "text ends in '<'" }
            if bytes[index] == UInt8(ascii: "!") {
                guard let end = find(bytes, "-->", from: index) else { return "unterminated comment" }
                index = end
                continue
            }
            let closing = bytes[index] == UInt8(ascii: "/")
            if closing { index += 1 }
            var name = ""
            while index < bytes.count, isNameByte(bytes[index]) { name.unicodeScalars.append(Unicode.Scalar(bytes[index])); index += 1 }
            if name.isEmpty { return "a '<' that starts no tag at byte \(index)" }
            if closing {
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return "malformed </\(name)" }
                guard stack.popLast() == name else { return "</\(name)> closes nothing open" }
                index += 1
                continue
            }
            while true {
                while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
                guard index < bytes.count else { return "unterminated <\(name)" }
                if bytes[index] == UInt8(ascii: ">") { stack.append(name); index += 1; break }
                if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") { index += 2; break }
                var attribute = ""
                while index < bytes.count, isNameByte(bytes[index]) { attribute.unicodeScalars.append(Unicode.Scalar(bytes[index])); index += 1 }
                if attribute.isEmpty { return "bad attribute in <\(name)> at byte \(index)" }
                if attribute.lowercased().hasPrefix("on") { return "event handler \(attribute) in <\(name)>" }
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "\"") else {
                    return "attribute \(attribute) of <\(name)> is not quoted"
                }
                index += 2
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "<") { return "'<' inside attribute \(attribute)" }
                    index += 1
                }
                guard index < bytes.count else { return "unterminated attribute \(attribute)" }
                let value = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
                if numeric, numericAttributes.contains(attribute), value.contains("nan") || value.contains("inf") {
                    return "\(attribute)=\"\(value.prefix(60))\" is not finite"
                }
                if value.contains("javascript:") { return "javascript: URL in \(attribute)" }
                index += 1
            }
        }
        return stack.isEmpty ? nil : "unclosed <\(stack.last ?? "")>"
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 58 || byte == 95
    }

    private static func find(_ bytes: [UInt8], _ needle: String, from: Int) -> Int? {
        let pattern = Array(needle.utf8)
        var at = from
        while at + pattern.count <= bytes.count {
            if Array(bytes[at..<(at + pattern.count)]) == pattern { return at + pattern.count }
            at += 1
        }
        return nil
    }
}
