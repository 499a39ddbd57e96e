/// A value that can be logged: each of the seven primitive kinds.
public protocol Loggable: Sendable {
    /// The value as a ``Primitive``.
    var primitive: Primitive { get }
}

extension Series: Loggable { public var primitive: Primitive { .series(self) } }
extension Distribution: Loggable { public var primitive: Primitive { .distribution(self) } }
extension Scatter: Loggable { public var primitive: Primitive { .scatter(self) } }
extension Matrix: Loggable { public var primitive: Primitive { .matrix(self) } }
extension Curve: Loggable { public var primitive: Primitive { .curve(self) } }
extension BarChart: Loggable { public var primitive: Primitive { .barChart(self) } }
extension Table: Loggable { public var primitive: Primitive { .table(self) } }
extension Primitive: Loggable { public var primitive: Primitive { self } }
