import ArtifactaCore
import ArtifactaStore

/// One chart the site draws.
enum ChartSpec: Sendable, Equatable {
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
}

/// Decides which charts a project's Plots page holds (DESIGN.md §5): sections from the
/// entry's section, else its name's prefix, else General; Series and Curves overlaid across
/// runs; other primitives one chart per run.
enum PlotDiscovery {
    static func sections(of project: ProjectData, runs: [RunData]? = nil) -> [PlotSection] {
        let runs = runs ?? project.runs
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
