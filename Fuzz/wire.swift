import ArtifactaCore

/// libFuzzer target: the wire-format decoders. Any bytes go through `JSONParser`; what parses
/// must write back to JSON that parses to the same value, and is then decoded as an entry,
/// a run start, an artifact registration and the data of every primitive type (which may
/// throw, never crash). A decoded entry must survive its own round trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWire(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let json = try? JSONParser.parse(bytes) else { return 0 }
    for style in [JSONWriter.NonFiniteStyle.bareTokens, .strings] {
        let text = JSONWriter(nonFinite: style).string(json)
        guard let again = try? JSONParser.parse(text) else { fatalError("the writer's output does not parse: \(text.prefix(200))") }
        if style == .bareTokens, again != json { fatalError("a round trip changed the value: \(text.prefix(200))") }
    }
    if let entry = try? Entry(json: json) {
        guard let again = try? Entry(json: JSONParser.parse(entry.json.jsonText)), again == entry else {
            fatalError("a valid entry does not survive a round trip: \(entry.json.jsonText.prefix(200))")
        }
    }
    _ = try? RunStart(json: json)
    _ = try? ArtifactRegistration(json: json)
    for type in PrimitiveType.allCases { _ = try? Primitive(type: type, data: json) }
    return 0
}
