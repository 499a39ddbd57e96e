import ArtifactaCore
import Foundation
import Testing

/// The hostile-input corpus of `Tests/Hostile/corpus.json`, shared with the Python tests
/// (and, later, an HTTP runner): wire cases with their documented outcome, and text payloads
/// to put into every field that reaches the site.
struct HostileCorpus: Sendable {
    /// One wire document and what every entry point must do with it.
    struct WireCase: Sendable, CustomTestStringConvertible {
        enum Target: String, Sendable { case entry, run, artifact }
        enum Outcome: String, Sendable { case reject, accept }

        var id: String
        var target: Target
        /// The exact bytes of the document (possibly invalid UTF-8, possibly megabytes).
        var bytes: [UInt8]
        var expect: Outcome
        /// Words the error message must contain.
        var error: String?

        var testDescription: String { id }
    }

    /// A field template whose strings hold `@P@` where a payload goes.
    struct InjectionField: Sendable {
        var id: String
        var target: String
        var template: JSONValue
    }

    /// One payload put into one field; `@N@` in the payload is the case's number, so a leak
    /// found in the site names the field it came from.
    struct InjectionCase: Sendable, CustomTestStringConvertible {
        var number: Int
        var field: InjectionField
        var payload: String
        var value: JSONValue

        var testDescription: String { "\(field.id) #\(number)" }
    }

    var wire: [WireCase]
    var payloads: [String]
    var fields: [InjectionField]

    /// Every payload in every field.
    var injections: [InjectionCase] {
        var result: [InjectionCase] = []
        for field in fields {
            for template in payloads {
                let number = result.count + 1
                let payload = template.replacingOccurrences(of: "@N@", with: "\(number)")
                result.append(InjectionCase(number: number, field: field, payload: payload, value: Self.substitute(field.template, payload)))
            }
        }
        return result
    }

    static func substitute(_ value: JSONValue, _ payload: String) -> JSONValue {
        switch value {
        case .string(let text): .string(text.replacingOccurrences(of: "@P@", with: payload))
        case .array(let elements): .array(elements.map { substitute($0, payload) })
        case .object(let pairs): .object(pairs.map { ($0.0.replacingOccurrences(of: "@P@", with: payload), substitute($0.1, payload)) })
        default: value
        }
    }

    /// The folder holding the corpus file.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Hostile")

    static let shared: HostileCorpus = {
        do { return try load() } catch { return HostileCorpus(wire: [], payloads: [], fields: []) }
    }()

    static func load() throws -> HostileCorpus {
        let data = try Data(contentsOf: folder.appendingPathComponent("corpus.json"))
        let root = try JSONParser.parse(data)
        guard case .array(let cases)? = root["wire"], case .array(let payloads)? = root["injection"]?["payloads"],
            case .array(let fields)? = root["injection"]?["fields"]
        else { throw ValidationError("corpus.json lacks wire or injection") }
        return HostileCorpus(
            wire: try cases.map(wireCase),
            payloads: payloads.compactMap { if case .string(let text) = $0 { text } else { nil } },
            fields: fields.compactMap { field in
                guard case .string(let id)? = field["id"], case .string(let target)? = field["target"], let template = field["template"]
                else { return nil }
                return InjectionField(id: id, target: target, template: template)
            })
    }

    private static func wireCase(_ value: JSONValue) throws -> WireCase {
        guard case .string(let id)? = value["id"], case .string(let targetName)? = value["target"],
            let target = WireCase.Target(rawValue: targetName), case .string(let expectName)? = value["expect"],
            let expect = WireCase.Outcome(rawValue: expectName)
        else { throw ValidationError("malformed corpus case \(value.jsonText.prefix(80))") }
        var bytes: [UInt8]
        if case .string(let text)? = value["json"] {
            bytes = Array(text.utf8)
        } else if case .string(let encoded)? = value["json_base64"], let data = Data(base64Encoded: encoded) {
            bytes = Array(data)
        } else if let generate = value["generate"], case .string(let prefix)? = generate["prefix"],
            case .string(let unit)? = generate["repeat"], case .number(let count)? = generate["count"],
            case .string(let suffix)? = generate["suffix"]
        {
            bytes = Array(prefix.utf8)
            let unitBytes = Array(unit.utf8)
            bytes.reserveCapacity(bytes.count + unitBytes.count * Int(count) + suffix.utf8.count)
            for _ in 0..<Int(count) { bytes.append(contentsOf: unitBytes) }
            bytes.append(contentsOf: suffix.utf8)
        } else {
            throw ValidationError("corpus case \(id) has no json, json_base64 or generate")
        }
        var error: String?
        if case .string(let text)? = value["error"] { error = text }
        return WireCase(id: id, target: target, bytes: bytes, expect: expect, error: error)
    }
}

/// The outcome of decoding one wire document: the decoded value, or the error's message.
enum WireDecoding {
    enum Decoded {
        case entry(Entry)
        case run(RunStart)
        case artifact(ArtifactRegistration)
    }

    static func decode(_ wireCase: HostileCorpus.WireCase) -> Result<Decoded, any Error> {
        do {
            let json = try JSONParser.parse(wireCase.bytes)
            switch wireCase.target {
            case .entry: return .success(.entry(try Entry(json: json)))
            case .run: return .success(.run(try RunStart(json: json)))
            case .artifact: return .success(.artifact(try ArtifactRegistration(json: json)))
            }
        } catch {
            return .failure(error)
        }
    }
}
