import ArtifactaCore

/// Entries waiting to be written, in logging order. Appends to one Series are gathered in
/// place into a single write, so per-step logging becomes large packed chunks and costs
/// O(1) per call.
struct EntryBuffer: Sendable {
    /// A Series being gathered: columns grow in place.
    private struct PendingSeries: Sendable {
        var name: String
        var section: String?
        var index: String?
        var fieldNames: [String] = []
        var columns: [[Double]] = []
        var pointCount = 0

        mutating func append(_ series: Series) {
            for field in series.fields where !fieldNames.contains(field.name) {
                fieldNames.append(field.name)
                columns.append([Double](repeating: .nan, count: pointCount))
            }
            for (position, name) in fieldNames.enumerated() {
                if let field = series.fields.first(where: { $0.name == name }) {
                    columns[position].append(contentsOf: field.values)
                } else {
                    columns[position].append(contentsOf: repeatElement(.nan, count: series.pointCount))
                }
            }
            pointCount += series.pointCount
        }

        var entry: Entry {
            let series = Series(index: index, fields: zip(fieldNames, columns).map { SeriesField(name: $0, values: $1) })
            // Every part was validated when logged, and appending keeps fields equal in length.
            return Entry(validated: name, section: section, primitive: .series(series))
        }
    }

    private enum Item: Sendable {
        case entry(Entry)
        case series(Int)
    }

    private var items: [Item] = []
    private var pending: [PendingSeries] = []
    private var pendingByName: [String: Int] = [:]
    /// Values held, to decide when to flush early.
    private(set) var heldValues = 0

    var isEmpty: Bool { items.isEmpty }

    mutating func append(_ entry: Entry) {
        guard case .series(let series) = entry.primitive else {
            heldValues += 1
            items.append(.entry(entry))
            return
        }
        heldValues += series.pointCount * series.fields.count
        if let position = pendingByName[entry.name], pending[position].section == entry.section,
            series.index == nil || pending[position].index == series.index
        {
            pending[position].append(series)
            return
        }
        var gathered = PendingSeries(name: entry.name, section: entry.section, index: series.index)
        gathered.append(series)
        pendingByName[entry.name] = pending.count
        items.append(.series(pending.count))
        pending.append(gathered)
    }

    /// Takes every held entry in logging order, leaving the buffer empty.
    mutating func drain() -> [Entry] {
        let entries = items.map { item in
            switch item {
            case .entry(let entry): entry
            case .series(let position): pending[position].entry
            }
        }
        items = []
        pending = []
        pendingByName = [:]
        heldValues = 0
        return entries
    }
}
