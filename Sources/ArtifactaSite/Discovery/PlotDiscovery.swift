import ArtifactaCore
import ArtifactaStore

/// One chart the site draws.
enum ChartSpec: Sendable, Hashable {
    /// One field of a Series, overlaid across every run that logged it.
    case seriesOverlay(name: String, field: String)
    /// A Curve name, overlaid across every run that logged it (each run's newest).
    case curveOverlay(name: String)
    /// Any other primitive: one chart per run.
    case single(runID: String, entryID: Int64, name: String, type: PrimitiveType)

    var title: String {
        switch self {
        case .seriesOverlay(let name, let field): name == field ? name : "\(name) · \(field)"
        case .curveOverlay(let name): name
        case .single(_, _, let name, _): name
        }
    }
}

/// A titled group of charts on the Plots page.
struct PlotSection: Sendable {
    var name: String
    var charts: [ChartSpec]
    /// Per-run charts left out because of the page's limit, by entry name.
    var omitted: [(name: String, count: Int)] = []
}

/// Decides which charts a project's Plots page holds (DESIGN.md §5): sections from the
/// entry's section, else its name's prefix, else General; Series and Curves overlaid across
/// runs; other primitives one chart per run.
enum PlotDiscovery {
    /// Per-run charts of one entry name on the Plots page, at most; every run's page has all of its own.
    static let perRunChartLimit = 100

    static func sections(of project: ProjectData, runs: [RunData]? = nil, perRunLimit: Int? = nil) -> [PlotSection] {
        let runs = runs ?? project.runs
        var perName: [String: Int] = [:]
        var omitted: [(section: String, name: String)] = []
        // First-logged order across runs decides the order of sections and charts.
        var order: [(id: Int64, section: String, spec: ChartSpec)] = []
        var seenOverlays = Set<String>()
        for run in runs {
            for entry in run.seriesEntries {
                for field in entry.seriesFields where field != entry.seriesIndex || entry.seriesFields.count == 1 {
                    let key = "s\u{0}\(entry.name)\u{0}\(field)"
                    if seenOverlays.insert(key).inserted {
                        order.append((entry.id, entry.displaySection, .seriesOverlay(name: entry.name, field: field)))
                    }
                }
            }
            for entry in run.latestEntries {
                if entry.type == .curve {
                    if seenOverlays.insert("c\u{0}\(entry.name)").inserted {
                        order.append((entry.id, entry.displaySection, .curveOverlay(name: entry.name)))
                    }
                } else if entry.type != .table {
                    perName[entry.name, default: 0] += 1
                    if let perRunLimit, perName[entry.name, default: 0] > perRunLimit {
                        omitted.append((entry.displaySection, entry.name))
                        continue
                    }
                    order.append((entry.id, entry.displaySection, .single(runID: run.run.id, entryID: entry.id, name: entry.name, type: entry.type)))
                }
            }
        }
        // Overlays keep their first-logged place; per-run charts group by name, then run order.
        var firstIDOfName: [String: Int64] = [:]
        for item in order { if case .single(_, _, let name, _) = item.spec { firstIDOfName[name] = min(firstIDOfName[name] ?? item.id, item.id) } }
        let runPosition = Dictionary(uniqueKeysWithValues: runs.enumerated().map { ($1.run.id, $0) })
        let sorted = order.enumerated().sorted { lhs, rhs in
            let left = sortKey(lhs.element, firstIDOfName: firstIDOfName, runPosition: runPosition, offset: lhs.offset)
            let right = sortKey(rhs.element, firstIDOfName: firstIDOfName, runPosition: runPosition, offset: rhs.offset)
            return left.lexicographicallyPrecedes(right)
        }.map(\.element)
        var sections: [PlotSection] = []
        var sectionIndex: [String: Int] = [:]
        for item in sorted {
            if let index = sectionIndex[item.section] {
                sections[index].charts.append(item.spec)
            } else {
                sectionIndex[item.section] = sections.count
                sections.append(PlotSection(name: item.section, charts: [item.spec]))
            }
        }
        for (section, name) in omitted {
            guard let index = sectionIndex[section] else { continue }
            if let position = sections[index].omitted.firstIndex(where: { $0.name == name }) {
                sections[index].omitted[position].count += 1
            } else {
                sections[index].omitted.append((name, 1))
            }
        }
        return sections
    }

    private static func sortKey(
        _ item: (id: Int64, section: String, spec: ChartSpec), firstIDOfName: [String: Int64], runPosition: [String: Int], offset: Int
    ) -> [Int64] {
        if case .single(let runID, _, let name, _) = item.spec {
            return [firstIDOfName[name] ?? item.id, Int64(runPosition[runID] ?? 0), Int64(offset)]
        }
        return [item.id, -1, Int64(offset)]
    }
}
