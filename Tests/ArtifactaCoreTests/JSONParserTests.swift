@testable import ArtifactaCore
import Foundation
import Testing

@Suite struct JSONParserTests {
    @Test func `bare NaN and Infinity tokens parse as numbers`() throws {
        let value = try JSONParser.parse(#"[NaN, Infinity, -Infinity, 1.5e3, -0.25, 12]"#)
        guard case .array(let numbers) = value else { Issue.record("not an array"); return }
        #expect(numbers.count == 6)
        if case .number(let nan) = numbers[0] { #expect(nan.isNaN) } else { Issue.record("NaN lost") }
        #expect(numbers[1] == .number(.infinity))
        #expect(numbers[2] == .number(-.infinity))
        #expect(numbers[3] == .number(1500))
        #expect(numbers[4] == .number(-0.25))
        #expect(numbers[5] == .number(12))
    }

    @Test func `objects keep the order of their keys`() throws {
        let value = try JSONParser.parse(#"{"z": 1, "a": 2, "m": {"y": true, "b": null}}"#)
        #expect(value.objectPairs?.map(\.0) == ["z", "a", "m"])
        #expect(value["m"]?.objectPairs?.map(\.0) == ["y", "b"])
    }

    @Test func `strings decode escapes and surrogate pairs`() throws {
        let value = try JSONParser.parse(#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#)
        #expect(value == .string("a\"b\\c/d\né😀"))
    }

    @Test(arguments: [
        ("", "invalid JSON at byte 0: unexpected end of input"),
        ("[1, 2", "invalid JSON at byte 5: unterminated array"),
        (#"{"a": 1, "a": 2}"#, #"invalid JSON at byte 9: duplicate key "a""#),
        ("[1] x", "invalid JSON at byte 4: unexpected data after the JSON value"),
        ("[01]", "invalid JSON at byte 2: leading zeros are not allowed in numbers"),
        ("[1.]", "invalid JSON at byte 3: expected digits after '.'"),
        ("[nan]", "invalid JSON at byte 1: invalid literal, expected null"),
        (#"["\x"]"#, #"invalid JSON at byte 3: invalid escape '\x'"#),
        (#"["\ud800"]"#, #"invalid JSON at byte 8: unpaired surrogate in \u escape"#),
        ("{\"a\" 1}", "invalid JSON at byte 5: expected ':' after object key"),
        ("[\"a\nb\"]", "invalid JSON at byte 3: control character in string; escape it"),
    ])
    func `malformed documents are rejected with the byte offset`(text: String, message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        do { _ = try JSONParser.parse(text) } catch { #expect(error.description == message) }
    }

    @Test func `invalid UTF-8 inside a string is rejected`() {
        let bytes: [UInt8] = [0x22, 0xFF, 0xFE, 0x22]
        #expect(throws: JSONSyntaxError(message: "string is not valid UTF-8", offset: 0)) { try JSONParser.parse(bytes) }
    }

    @Test func `nesting deeper than the limit is rejected, not a stack overflow`() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: Never.self) { try JSONParser.parse(fine) }
    }

    @Test func `writer output parses back to the same value`() throws {
        let value: JSONValue = [
            "name": "run \"1\"\n\u{1}", "values": [.number(.nan), .number(.infinity), 0.1, 3, -2.5e-300, 1e21],
            "nested": ["ok": true, "none": nil],
        ]
        let text = value.jsonText
        #expect(try JSONParser.parse(text) == value)
        #expect(text.contains(#""values":[NaN,Infinity,0.1,3,-2.5e-300,1e+21]"#))
    }

    @Test func `the string style writes non-finite numbers as standard JSON strings`() {
        let text = JSONWriter(nonFinite: .strings).string([.number(.nan), .number(-.infinity)])
        #expect(text == #"["NaN","-Infinity"]"#)
    }
}

@Suite struct JSONNumberTests {
    @Test func `numbers read back exactly as written, on the fast path and off it`() throws {
        var generator = SystemRandomNumberGenerator()
        var texts: [String] = ["0", "-0.5", "0.1", "123456789012345", "1234567890123456789", "0.000123", "1e-7", "-2.5E+300", "3.141592653589793"]
        for _ in 0..<2000 {
            let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) * (Bool.random(using: &generator) ? 1 : -1)
            texts.append("\(value)")
            texts.append(String(format: "%.6f", Double.random(in: -1000...1000, using: &generator)))
        }
        for text in texts {
            let parsed = try JSONParser.parse("[\(text)]")
            guard case .array(let elements) = parsed, case .number(let number)? = elements.first else {
                Issue.record("not a number: \(text)")
                continue
            }
            #expect(number == Double(text), "\(text)")
        }
    }

    @Test func `a duplicate key is found in a large object too, and escaped keys count`() {
        let keys = (0..<40).map { "\"k\($0)\": \($0)" }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("{" + (keys + ["\"k37\": 0"]).joined(separator: ", ") + "}") }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(#"{"k\u0031": 1, "k1": 2}"#) }
        #expect((try? JSONParser.parse("{" + keys.joined(separator: ", ") + "}")) != nil)
    }

    @Test func `the exact fast paths agree with strtod on long decimals, exponents and near-halfway values`() {
        var generator = SystemRandomNumberGenerator()
        var texts: [String] = []
        for _ in 0..<300_000 {
            // 16 to 19 significant digits (Python writes 17), a point anywhere, an exponent sometimes.
            let digits = (0..<Int.random(in: 16...19, using: &generator)).map { index in
                String(Int.random(in: (index == 0 ? 1 : 0)...9, using: &generator))
            }.joined()
            let point = Int.random(in: 0...digits.count, using: &generator)
            var text = (Bool.random(using: &generator) ? "-" : "") + (point == 0 ? "0" : String(digits.prefix(point)))
            if point < digits.count { text += "." + digits.dropFirst(point) }
            if Int.random(in: 0..<4, using: &generator) == 0 { text += "e" + String(Int.random(in: -20...20, using: &generator)) }
            texts.append(text)
        }
        // Doubles' own shortest texts, and values next to a Double's halfway point.
        for _ in 0..<100_000 {
            let value = Double.random(in: 1e-9...1e9, using: &generator)
            texts.append("\(value)")
            let halfway = (Decimal(value) + Decimal(value.nextUp)) / 2
            texts.append("\(halfway)")
        }
        // Exact halfway points between Doubles: above 2^53 Doubles are 2, 4, 8… apart.
        for shift in 53..<63 {
            let spacing = UInt64(1) << UInt64(shift - 52)
            for step in 0..<500 {
                let halfway = (UInt64(1) << UInt64(shift)) + UInt64(step) * spacing + spacing / 2
                texts += [String(halfway), String(halfway) + ".0", String(halfway) + "e0", String(halfway) + "0e-1"]
            }
        }
        var decided = 0
        for text in texts {
            let bytes = Array(text.utf8)
            guard let fast = JSONParser.fastNumber(bytes, 0..<bytes.count) else { continue }
            decided += 1
            #expect(fast.bitPattern == strtod(text, nil).bitPattern, "\(text)")
            if fast.bitPattern != strtod(text, nil).bitPattern { break }
        }
        #expect(decided > texts.count / 2)
    }
}
