/// A page's view model turned into dictionaries and arrays, reflected once.
///
/// The Mustache library looks names up by reflecting a struct afresh for every `{{name}}`
/// and for every level of the context stack it climbs, which made reflection the largest
/// cost of rendering a page with long tables. Looking names up in dictionaries renders
/// the same text: optionals are unwrapped (a `nil` leaves its name out, as before),
/// structs and classes become `[String: Any]`, arrays keep their order.
enum TemplateContext {
    static func tree(_ value: Any) -> Any? {
        switch value {
        case is String, is Bool, is Int, is Double, is [String]: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { tree($0.value) }
        case .collection:
            return mirror.children.compactMap { tree($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                if let label = child.label, let field = tree(child.value) { fields[label] = field }
            }
            return fields
        default:
            return value
        }
    }
}
