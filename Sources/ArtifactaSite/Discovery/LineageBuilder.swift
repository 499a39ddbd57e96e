import ArtifactaCharts
import ArtifactaCore

/// The lineage of a project as a graph: runs, and their input and output artifacts; an
/// artifact with the same content (hash) is one node, so a run's output that another run
/// reads chains the two.
struct LineageBuilder {
    let project: ProjectData
    let paths: SitePaths

    /// Every run and artifact of the project.
    func graph(from page: String) -> LineageGraph {
        graph(runs: project.runs, from: page)
    }

    /// A run, its inputs and outputs, the runs that produced its inputs and the runs that read its outputs.
    func neighbourhood(of run: RunData, from page: String) -> LineageGraph {
        let hashes = Set(run.artifacts.map(\.hash))
        var seen = Set([run.run.id])
        let neighbours = [run] + project.linkedRuns(of: run).map(\.run).filter { seen.insert($0.run.id).inserted }
        let full = graph(runs: neighbours, from: page)
        // Keep the neighbours' edges only where they touch this run's artifacts.
        let edges = full.edges.filter { edge in
            edge.from == run.run.id || edge.to == run.run.id || hashes.contains(String(edge.from.dropFirst(2))) || hashes.contains(String(edge.to.dropFirst(2)))
        }
        let used = Set(edges.flatMap { [$0.from, $0.to] } + [run.run.id])
        return LineageGraph(nodes: full.nodes.filter { used.contains($0.id) }, edges: edges)
    }

    private func graph(runs: [RunData], from page: String) -> LineageGraph {
        var nodes: [LineageGraph.Node] = []
        var edges: [LineageGraph.Edge] = []
        var artifactNodes = Set<String>()
        for run in runs {
            nodes.append(LineageGraph.Node(
                id: run.run.id, label: run.run.name, kind: .run, detail: run.run.status.rawValue, colorIndex: run.colorIndex,
                href: SitePaths.link(from: page, to: paths.runPage(project: project.name, runID: run.run.id))))
            for artifact in run.artifacts {
                let id = "a:" + artifact.hash
                if artifactNodes.insert(id).inserted {
                    nodes.append(LineageGraph.Node(
                        id: id, label: artifact.name, kind: .artifact,
                        detail: "\(artifact.hash.prefix(8)) · \(NumberText.bytes(artifact.sizeBytes))",
                        href: SitePaths.link(from: page, to: paths.artifactPage(project: project.name, artifactID: artifact.id))))
                }
                switch artifact.role {
                case .input: edges.append(LineageGraph.Edge(from: id, to: run.run.id, role: "input"))
                case .output: edges.append(LineageGraph.Edge(from: run.run.id, to: id, role: "output"))
                }
            }
        }
        return LineageGraph(nodes: nodes, edges: edges)
    }

    /// Artifacts that link runs: the same content produced or read by more than one run.
    struct SharedArtifact: Sendable {
        var name: String
        var hash: String
        var href: String
        var producedBy: String
        var usedBy: String
    }

    func sharedArtifacts(from page: String) -> [SharedArtifact] {
        var byHash: [String: [(run: RunData, artifact: Artifact)]] = [:]
        var order: [String] = []
        for run in project.runs {
            for artifact in run.artifacts {
                if byHash[artifact.hash] == nil { order.append(artifact.hash) }
                byHash[artifact.hash, default: []].append((run, artifact))
            }
        }
        return order.compactMap { hash in
            guard let uses = byHash[hash], Set(uses.map(\.run.run.id)).count > 1, let first = uses.first else { return nil }
            let names = { (role: ArtifactRole) in
                uses.filter { $0.artifact.role == role }.map(\.run.run.name).joined(separator: ", ")
            }
            return SharedArtifact(
                name: first.artifact.name, hash: String(hash.prefix(12)),
                href: SitePaths.link(from: page, to: paths.artifactPage(project: project.name, artifactID: first.artifact.id)),
                producedBy: names(.output).isEmpty ? "–" : names(.output), usedBy: names(.input).isEmpty ? "–" : names(.input))
        }
    }
}
