/// Places a lineage graph in layers from left to right (inputs → runs → outputs, chained
/// when an output feeds another run), ordering each layer by the barycentre of its
/// neighbours to reduce crossings, with boxes sized to their labels.
struct LineageLayout {
    struct Box {
        var node: LineageGraph.Node
        var layer: Int
        var x = 0.0
        var y = 0.0
        var width = 0.0
        var height = 0.0
        var label = ""
        var truncated = false
    }

    static let maxLabelWidth = 180.0
    static let layerGap = 90.0
    static let rowGap = 14.0

    private(set) var boxes: [Box] = []
    private(set) var edges: [(from: Int, to: Int, role: String)] = []
    private(set) var width = 0.0
    private(set) var height = 0.0

    init(graph: LineageGraph, top: Double) {
        var index: [String: Int] = [:]
        for node in graph.nodes where index[node.id] == nil {
            index[node.id] = boxes.count
            boxes.append(Box(node: node, layer: 0))
        }
        var seenEdges = Set<String>()
        for edge in graph.edges {
            guard let from = index[edge.from], let to = index[edge.to], from != to else { continue }
            guard seenEdges.insert("\(from)>\(to)>\(edge.role)").inserted else { continue }
            edges.append((from, to, edge.role))
        }
        assignLayers()
        let layers = orderLayers()
        place(layers, top: top)
    }

    /// Longest-path layering; edges that would close a cycle are ignored.
    private mutating func assignLayers() {
        var incoming = [Int](repeating: 0, count: boxes.count)
        var outgoing = [[Int]](repeating: [], count: boxes.count)
        for edge in edges {
            incoming[edge.to] += 1
            outgoing[edge.from].append(edge.to)
        }
        var queue = boxes.indices.filter { incoming[$0] == 0 }
        var visited = [Bool](repeating: false, count: boxes.count)
        var head = 0
        while head < queue.count || visited.contains(false) {
            if head == queue.count, let next = visited.indices.first(where: { !visited[$0] }) {
                queue.append(next)  // a cycle: start anywhere unvisited
                incoming[next] = 0
            }
            let node = queue[head]
            head += 1
            guard !visited[node] else { continue }
            visited[node] = true
            for target in outgoing[node] where !visited[target] {
                boxes[target].layer = max(boxes[target].layer, boxes[node].layer + 1)
                incoming[target] -= 1
                if incoming[target] == 0 { queue.append(target) }
            }
        }
        // Sources (inputs) sit just left of their first consumer, so edges stay short.
        for position in boxes.indices where !edges.contains(where: { $0.to == position }) {
            let targets = edges.filter { $0.from == position }.map { boxes[$0.to].layer }
            if let first = targets.min(), first - 1 > boxes[position].layer { boxes[position].layer = first - 1 }
        }
        // Runs with no inputs sit one layer right of the inputs column when others have inputs.
        let hasInputs = edges.contains { boxes[$0.from].node.kind == .artifact }
        if hasInputs {
            for position in boxes.indices where boxes[position].node.kind == .run && boxes[position].layer == 0 {
                boxes[position].layer = 1
                for edge in edges where edge.from == position { boxes[edge.to].layer = max(boxes[edge.to].layer, 2) }
            }
        }
    }

    /// Barycentre ordering: a few sweeps down and up, ties kept in input order.
    private func orderLayers() -> [[Int]] {
        let layerCount = (boxes.map(\.layer).max() ?? 0) + 1
        var layers = [[Int]](repeating: [], count: layerCount)
        for position in boxes.indices { layers[boxes[position].layer].append(position) }
        var rank = [Int](repeating: 0, count: boxes.count)
        func refreshRanks() {
            for layer in layers { for (order, node) in layer.enumerated() { rank[node] = order } }
        }
        refreshRanks()
        for sweep in 0..<6 {
            let downward = sweep % 2 == 0
            let sequence = downward ? Array(1..<max(layerCount, 1)) : Array((0..<max(layerCount - 1, 0)).reversed())
            for layer in sequence {
                let keyed = layers[layer].map { node -> (Int, Double) in
                    let neighbours = edges.compactMap { edge -> Int? in
                        if downward, edge.to == node, boxes[edge.from].layer < layer { return edge.from }
                        if !downward, edge.from == node, boxes[edge.to].layer > layer { return edge.to }
                        return nil
                    }
                    let centre = neighbours.isEmpty ? Double(rank[node]) : Double(neighbours.map { rank[$0] }.reduce(0, +)) / Double(neighbours.count)
                    return (node, centre)
                }
                layers[layer] = keyed.enumerated().sorted { a, b in
                    a.element.1 == b.element.1 ? a.offset < b.offset : a.element.1 < b.element.1
                }.map(\.element.0)
                refreshRanks()
            }
        }
        return layers
    }

    private mutating func place(_ layers: [[Int]], top: Double) {
        for position in boxes.indices {
            let node = boxes[position].node
            let fitted = TextMeasure.truncated(node.label, maxWidth: Self.maxLabelWidth, fontSize: 12)
            let detailWidth = node.detail.map { min(Self.maxLabelWidth, TextMeasure.width($0, fontSize: 10)) } ?? 0
            boxes[position].label = fitted.text
            boxes[position].truncated = fitted.truncated
            let labelWidth = TextMeasure.width(fitted.text, fontSize: 12) * (node.kind == .run ? 1.1 : 1)
            boxes[position].width = max(labelWidth, detailWidth) + (node.kind == .run ? 36 : 24)
            boxes[position].height = node.detail == nil ? 30 : 42
        }
        let layerHeights = layers.map { layer in layer.reduce(0.0) { $0 + boxes[$1].height + Self.rowGap } - Self.rowGap }
        let tallest = layerHeights.max() ?? 0
        var x = 12.0
        for (layerIndex, layer) in layers.enumerated() {
            let layerWidth = layer.map { boxes[$0].width }.max() ?? 0
            var y = top + (tallest - layerHeights[layerIndex]) / 2
            for node in layer {
                boxes[node].x = x + (layerWidth - boxes[node].width) / 2
                boxes[node].y = y
                y += boxes[node].height + Self.rowGap
            }
            x += layerWidth + Self.layerGap
        }
        width = x - Self.layerGap + 12
        height = top + tallest + 12
    }
}
