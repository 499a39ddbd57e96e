/// Input that breaks one of Artifacta's rules, with a message naming the field and index.
///
/// Nothing of an input that fails validation is stored.
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in words a user can act on.
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// The same error with `context` in front, e.g. `Series "training": …`.
    public func prefixed(_ context: String) -> ValidationError {
        ValidationError("\(context): \(message)")
    }
}
