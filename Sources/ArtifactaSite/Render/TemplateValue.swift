/// A page's view model as plain values, reflected once before rendering.
///
/// Structs and classes become objects: their fields by property name, in order (a list, not
/// a dictionary: a page of a thousand rows makes tens of thousands of small objects, and
/// looking a name up among a dozen is quicker than hashing it). Arrays become lists,
/// optionals are unwrapped (a `nil` property is left out, so the name is looked up in
/// the enclosing context, as Mustache does), and every other value is text: its
/// `String(describing:)`, as Mustache prints it.
indirect enum TemplateValue: Sendable, Equatable {
    case text(String)
    /// UTF-8 written as it is by `{{{…}}}` (markup made by a template already, such as a table row).
    case bytes([UInt8])
    case bool(Bool)
    case list([TemplateValue])
    case object([(key: String, value: TemplateValue)])

    /// Objects are equal when they have the same fields, in any order.
    static func == (lhs: TemplateValue, rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case let (.text(a), .text(b)): a == b
        case let (.bytes(a), .bytes(b)): a == b
        case let (.bool(a), .bool(b)): a == b
        case let (.list(a), .list(b)): a == b
        case let (.object(a), .object(b)):
            a.count == b.count && a.allSatisfy { field in b.contains { $0.key == field.key && $0.value == field.value } }
        default: false
        }
    }

    /// The value of a view model; `nil` for `nil`.
    static func of(_ value: Any) -> TemplateValue? {
        switch value {
        case let text as String: return .text(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .text(String(number))
        case let texts as [String]: return .list(texts.map(TemplateValue.text))
        case let markup as [[UInt8]]: return .list(markup.map(TemplateValue.bytes))
        case let model as any TemplateFields: return .fields(of: model)
        case let models as [any TemplateFields]: return .list(models.map { .fields(of: $0) })
        default: break
        }
        return reflected(value)
    }

    /// The value of a view model by reflection alone (what ``TemplateFields`` must equal).
    static func reflected(_ value: Any) -> TemplateValue? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { of($0.value) }
        case .collection:
            return .list(mirror.children.compactMap { of($0.value) })
        case .struct, .class:
            var fields: [(key: String, value: TemplateValue)] = []
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                if let label = child.label, let field = of(child.value) { fields.append((label, field)) }
            }
            return .object(fields)
        default:
            return .text(String(describing: value))
        }
    }

    /// Whether a section over this value renders: `false` and empty lists do not.
    var isTruthy: Bool {
        switch self {
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .text, .bytes, .object: true
        }
    }

    /// The text a variable tag prints.
    var text: String {
        switch self {
        case .text(let text): text
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .bool(let flag): flag ? "true" : "false"
        case .list, .object: ""
        }
    }

    /// The UTF-8 size of every text in the value, a page's size without its template's own text.
    var textBytes: Int {
        switch self {
        case .text(let text): text.utf8.count
        case .bytes(let bytes): bytes.count
        case .bool: 5
        case .list(let items): items.reduce(0) { $0 + $1.textBytes }
        case .object(let fields): fields.reduce(0) { $0 + $1.value.textBytes }
        }
    }

    func field(_ name: String) -> TemplateValue? {
        if case .object(let fields) = self {
            for field in fields where field.key == name { return field.value }
        }
        return nil
    }
}

/// A view model that lists its own fields: the rows of a thousand-run table are converted
/// without reflecting each one (reflection looks every field's type up by name). The fields
/// must be what reflection finds; a test compares the two for every conforming type.
protocol TemplateFields {
    /// The fields in declaration order; a `nil` value is left out, as reflection leaves out a `nil` optional.
    var templateFields: KeyValuePairs<String, TemplateValue?> { get }
}

extension Array where Element: TemplateFields {
    /// The list a template iterates over.
    var templateList: TemplateValue { .list(map { .fields(of: $0) }) }
}

extension TemplateValue {
    /// The object of a model that lists its own fields.
    static func fields(of model: any TemplateFields) -> TemplateValue {
        .object(model.templateFields.compactMap { field in field.value.map { (key: field.key, value: $0) } })
    }
}
