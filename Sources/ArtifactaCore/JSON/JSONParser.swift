import Foundation

/// Parses JSON text into a ``JSONValue``.
///
/// Strict RFC 8259 JSON, with three deliberate extensions so that Python's `json.dumps`
/// output round-trips: the bare tokens `NaN`, `Infinity` and `-Infinity`. Invalid UTF-8,
/// duplicate object keys, trailing data and nesting deeper than ``maximumDepth`` are errors
/// that name the byte offset.
public struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 256

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one complete JSON document.
    public static func parse(_ text: some Collection<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: Array(text))
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else {
            throw parser.error("unexpected data after the JSON value")
        }
        return value
    }

    /// Parses one complete JSON document given as a string.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, offset: position)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard position < bytes.count else { throw error("unexpected end of input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "N"): try expectLiteral("NaN"); return .number(.nan)
        case UInt8(ascii: "I"): try expectLiteral("Infinity"); return .number(.infinity)
        case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "I"):
            position += 1
            try expectLiteral("Infinity")
            return .number(-.infinity)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected character '\(Character(Unicode.Scalar(bytes[position])))'")
        }
    }

    private func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        let matches = position + count <= bytes.count && literal.withUTF8Buffer { expected in
            expected.indices.allSatisfy { bytes[position + $0] == expected[$0] }
        }
        guard matches else { throw error("invalid literal, expected \(literal)") }
        position += count
    }

    private mutating func enterNesting() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enterNesting()
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek(0) == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard let next = peek(0) else { throw error("unterminated array") }
            position += 1
            if next == UInt8(ascii: "]") { break }
            guard next == UInt8(ascii: ",") else { position -= 1; throw error("expected ',' or ']' in array") }
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enterNesting()
        position += 1
        var pairs: [(String, JSONValue)] = []
        // Duplicate keys: looked for among the earlier keys while an object is small, then in a set.
        var seen: Set<String>?
        skipWhitespace()
        if peek(0) == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(pairs)
        }
        while true {
            skipWhitespace()
            guard peek(0) == UInt8(ascii: "\"") else { throw error("expected a string key in object") }
            let keyOffset = position
            let key = try parseString()
            let isDuplicate: Bool
            if pairs.count < 16 {
                isDuplicate = pairs.contains { $0.0 == key }
            } else {
                if seen == nil { seen = Set(pairs.map(\.0)) }
                isDuplicate = !seen!.insert(key).inserted
            }
            guard !isDuplicate else {
                throw JSONSyntaxError(message: "duplicate key \"\(key)\"", offset: keyOffset)
            }
            skipWhitespace()
            guard peek(0) == UInt8(ascii: ":") else { throw error("expected ':' after object key") }
            position += 1
            skipWhitespace()
            pairs.append((key, try parseValue()))
            skipWhitespace()
            guard let next = peek(0) else { throw error("unterminated object") }
            position += 1
            if next == UInt8(ascii: "}") { break }
            guard next == UInt8(ascii: ",") else { position -= 1; throw error("expected ',' or '}' in object") }
        }
        depth -= 1
        return .object(pairs)
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = position
        position += 1
        // Most strings (keys, names) have no escape: made from the input directly.
        var end = position
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            guard let string = String(validating: bytes[position..<end], as: UTF8.self) else {
                throw JSONSyntaxError(message: "string is not valid UTF-8", offset: start)
            }
            position = end + 1
            return string
        }
        var buffer: [UInt8] = []
        var runStart = position
        while true {
            guard position < bytes.count else {
                throw JSONSyntaxError(message: "unterminated string", offset: start)
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                buffer.append(contentsOf: bytes[runStart..<position])
                position += 1
                break
            }
            if byte < 0x20 { throw error("control character in string; escape it") }
            if byte == UInt8(ascii: "\\") {
                buffer.append(contentsOf: bytes[runStart..<position])
                try parseEscape(into: &buffer)
                runStart = position
                continue
            }
            position += 1
        }
        guard let string = String(validating: buffer, as: UTF8.self) else {
            throw JSONSyntaxError(message: "string is not valid UTF-8", offset: start)
        }
        return string
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        position += 1
        guard let code = peek(0) else { throw error("unterminated escape") }
        position += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(code)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard peek(0) == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else {
                    throw error("unpaired surrogate in \\u escape")
                }
                position += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate in \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error("unpaired surrogate in \\u escape")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
            buffer.append(contentsOf: String(Character(unicode)).utf8)
        default:
            position -= 1
            throw error("invalid escape '\\\(Character(Unicode.Scalar(code)))'")
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = position
        if peek(0) == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(0), isDigit(first) else { throw error("invalid number") }
        if first == UInt8(ascii: "0") {
            position += 1
            if let next = peek(0), isDigit(next) { throw error("leading zeros are not allowed in numbers") }
        } else {
            skipDigits()
        }
        if peek(0) == UInt8(ascii: ".") {
            position += 1
            guard let digit = peek(0), isDigit(digit) else { throw error("expected digits after '.'") }
            skipDigits()
        }
        if let e = peek(0), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            position += 1
            if let sign = peek(0), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            guard let digit = peek(0), isDigit(digit) else { throw error("expected digits in exponent") }
            skipDigits()
        }
        if let value = Self.fastNumber(bytes, start..<position) { return value }
        // Other numbers go through strtod, from a stack buffer rather than a String.
        let count = position - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            for offset in 0..<count { buffer[offset] = CChar(bitPattern: bytes[start + offset]) }
            buffer[count] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }

    /// The number in `range` (already checked to be JSON) when it can be converted exactly
    /// without `strtod`; nil otherwise.
    ///
    /// Up to 15 digits and a power of ten up to 10^22 are exact in a Double, so one
    /// multiplication or division rounds correctly (Clinger's fast path). Up to 19 digits and
    /// 10^27 are exact in x86's 80-bit floats: the one rounding there is correct to 64 bits,
    /// and rounding that to a Double is too unless it lies within a unit of a Double's
    /// halfway point, which is left to `strtod`. Python writes 17 digits, so without this a
    /// logged curve's every number went through `strtod`.
    static func fastNumber(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var negative = false
        var index = range.lowerBound
        var inFraction = false
        var exponent = 0
        scan: while index < range.upperBound {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): inFraction = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if digits > 0 || byte != UInt8(ascii: "0") { digits += 1 }
                if digits > 19 { return nil }
                mantissa = mantissa &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                if inFraction { fractionDigits += 1 }
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
                var exponentNegative = false
                if index < range.upperBound, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                    exponentNegative = bytes[index] == UInt8(ascii: "-")
                    index += 1
                }
                while index < range.upperBound {
                    exponent = exponent * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                    if exponent > 1_000 { return nil }
                    index += 1
                }
                if exponentNegative { exponent = -exponent }
                break scan
            default: return nil
            }
            index += 1
        }
        let power = exponent - fractionDigits
        if digits <= 15, abs(power) <= 22 {
            let value = power >= 0 ? Double(mantissa) * Double.exactPowersOfTen[power] : Double(mantissa) / Double.exactPowersOfTen[-power]
            return negative ? -value : value
        }
        #if arch(x86_64) || arch(i386)
            guard abs(power) <= 27 else { return nil }
            let wide = Float80(mantissa)
            let result = power >= 0 ? wide * exactExtendedPowersOfTen[power] : wide / exactExtendedPowersOfTen[-power]
            guard result >= Float80(Double.leastNormalMagnitude), result <= Float80(Double.greatestFiniteMagnitude) else { return nil }
            // The 11 bits a Double drops: 0x400 is its halfway point.
            let dropped = result.significandBitPattern & 0x7FF
            guard dropped < 0x3FF || dropped > 0x401 else { return nil }
            let value = Double(result)
            return negative ? -value : value
        #else
            return nil
        #endif
    }

    #if arch(x86_64) || arch(i386)
        /// 10^0 … 10^27: 5^27 < 2^64, so each is exact in a Float80.
        private static let exactExtendedPowersOfTen: [Float80] = {
            var powers: [Float80] = [1]
            for _ in 1...27 { powers.append(powers[powers.count - 1] * 10) }
            return powers
        }()
    #endif

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private mutating func skipDigits() {
        while let byte = peek(0), isDigit(byte) { position += 1 }
    }
}

/// A JSON document that could not be parsed, with the byte offset where parsing stopped.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The byte offset into the document.
    public var offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "invalid JSON at byte \(offset): \(message)" }
}
