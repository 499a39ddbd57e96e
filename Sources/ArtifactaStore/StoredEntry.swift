import ArtifactaCore
import Foundation

/// An entry as read from the store. Series carry their field names and point count; their
/// points are read separately with ``Store/series(entryID:)`` so that listing stays cheap.
/// Other types keep their data as JSON text, decoded when asked (``decodePrimitive()``).
public struct StoredEntry: Sendable, Equatable {
    public var id: Int64
    public var runID: String
    public var name: String
    public var section: String?
    public var type: PrimitiveType
    public var loggedAt: Date
    /// Series: points so far. Other types: 0.
    public var pointCount: Int
    /// Series: the index field, when logged with one.
    public var seriesIndex: String?
    /// Series: the field names in first-seen order.
    public var seriesFields: [String]
    /// The stored JSON of the entry (the wire `data`; for a Series, its index and field names).
    /// Empty when ``payloadIsDeferred``.
    public var payload: String
    /// Whether ``payload`` was left unread (``Store/snapshot(project:deferringPayloadsOf:)``):
    /// read it with ``Store/payloads(entryIDs:)`` when needed.
    public var payloadIsDeferred = false

    /// The value of every type but Series, decoded from ``payload``.
    public func decodePrimitive() throws(ValidationError) -> Primitive? {
        guard type != .series else { return nil }
        guard !payloadIsDeferred else { throw ValidationError("the stored data of \(name) was not read") }
        let data: JSONValue
        do { data = try JSONParser.parse(payload) } catch { throw ValidationError("stored data of \(name) is not JSON: \(error)") }
        return try Primitive(type: type, data: data)
    }

    /// The value of every type but Series, or nil when it cannot be decoded.
    public var primitive: Primitive? { try? decodePrimitive() }

    /// Takes a Series' index and field names from its stored payload.
    mutating func describeSeries(_ payload: JSONValue) {
        if case .string(let index)? = payload["index"] { seriesIndex = index }
        seriesFields = payload["fields"]?.arrayOfStrings ?? []
    }

    /// The section a page groups this entry under (see ``Entry/displaySection``).
    public var displaySection: String { Entry.displaySection(name: name, section: section) }
}
