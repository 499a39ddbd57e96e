import Hummingbird

/// Typed reading of query parameters, with 400s that name the parameter.
struct QueryParameters {
    let request: Request

    init(_ request: Request) { self.request = request }

    func string(_ name: String) -> String? {
        request.uri.queryParameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A whole number in `range`, or `nil` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError(.badRequest, "query parameter \(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(text)")
        }
        return value
    }

    func requiredString(_ name: String) throws -> String {
        guard let value = string(name) else { throw APIError(.badRequest, "missing query parameter \(name)") }
        return value
    }
}
