/// Runs and artifacts linked by input and output edges, to be drawn as a lineage graph.
public struct LineageGraph: Sendable {
    /// A run or an artifact.
    public struct Node: Sendable {
        public enum Kind: Sendable { case run, artifact }
        /// Unique within the graph; an artifact used by several runs is one node.
        public var id: String
        public var label: String
        public var kind: Kind
        /// A second line, such as a short hash and size.
        public var detail: String?
        /// The run's colour index (runs only).
        public var colorIndex: Int
        /// Where the node links to (its run or artifact page), relative to the page.
        public var href: String?

        public init(id: String, label: String, kind: Kind, detail: String? = nil, colorIndex: Int = 0, href: String? = nil) {
            self.id = id
            self.label = label
            self.kind = kind
            self.detail = detail
            self.colorIndex = colorIndex
            self.href = href
        }
    }

    /// A directed link: artifact → run for an input, run → artifact for an output.
    public struct Edge: Sendable {
        public var from: String
        public var to: String
        /// The role shown on the edge, such as "input", "model", "dataset".
        public var role: String

        public init(from: String, to: String, role: String) {
            self.from = from
            self.to = to
            self.role = role
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]

    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }
}
