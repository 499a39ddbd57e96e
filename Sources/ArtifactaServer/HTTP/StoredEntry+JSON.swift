import ArtifactaCore
import ArtifactaStore

extension StoredEntry {
    /// The API's view of an entry: its name, type and section; a Series' index, fields and
    /// point count (its points come from `/series`); every other type's `data` when asked.
    func json(includingData: Bool) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .number(Double(id))), ("name", .string(name)), ("primitive_type", .string(type.rawValue)),
            ("section", section.map(JSONValue.string) ?? .null), ("logged_at", .string(Timestamp.iso8601(loggedAt))),
        ]
        if type == .series {
            pairs.append(("index", seriesIndex.map(JSONValue.string) ?? .null))
            pairs.append(("fields", .array(seriesFields.map(JSONValue.string))))
            pairs.append(("point_count", .number(Double(pointCount))))
        } else if includingData, let primitive {
            pairs.append(("data", primitive.json))
        }
        return .object(pairs)
    }
}
