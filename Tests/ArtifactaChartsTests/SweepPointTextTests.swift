import ArtifactaCharts
import ArtifactaCore
import Foundation
import Testing

/// A sweep's scatters drawn with the text shared across its pages are the scatters drawn alone.
@Suite("Sweep point text")
struct SweepPointTextTests {
    let runs: [SweepRun] = (0..<40).map { index in
        var values: [String: JSONValue] = [
            "lr": .number(pow(10, -4 + Double(index) / 10)), "optimizer": index % 3 == 0 ? "adam" : "sgd <&>",
            "loss (last)": .number(1 / Double(index + 1)),
        ]
        if index % 7 != 0 { values["depth"] = .number(Double(index % 4)) }
        if index != 5 { values["partial"] = .number(Double(index)) }
        return SweepRun(runID: "r\(index)", name: "run \"\(index)\"", colorIndex: index, values: values)
    }

    @Test(arguments: ["lr", "optimizer", "depth"])
    func `a scatter drawn with shared text is the same chart`(parameter: String) {
        let shared = SweepPointText(runs: runs, parameters: ["lr", "optimizer", "depth"])
        for (metric, goal) in [("loss (last)", MetricGoal.minimize), ("partial", .maximize)] {
            let alone = ParameterScatterChart(parameter: parameter, metric: metric, goal: goal, runs: runs).svg()
            let withShared = ParameterScatterChart(parameter: parameter, metric: metric, goal: goal, runs: runs, shared: shared).svg()
            #expect(alone == withShared, "\(parameter) vs \(metric)")
        }
        // Text of other runs is not used.
        let fewer = Array(runs.prefix(30))
        #expect(
            ParameterScatterChart(parameter: parameter, metric: "loss (last)", goal: .minimize, runs: fewer, shared: shared).svg()
                == ParameterScatterChart(parameter: parameter, metric: "loss (last)", goal: .minimize, runs: fewer).svg())
    }

    @Test func `parallel coordinates drawn with shared text are the same chart`() {
        let parameters = ["lr", "optimizer", "depth"]
        let shared = SweepPointText(runs: runs, parameters: parameters)
        for (metric, maxRuns) in [("loss (last)", 500), ("partial", 25), ("absent", 500)] {
            let alone = ParallelCoordinatesChart(title: "p", parameters: parameters, metric: metric, goal: .minimize, runs: runs, maxRuns: maxRuns)
            var withShared = alone
            withShared.shared = shared
            #expect(alone.svg() == withShared.svg(), "\(metric)")
        }
    }
}
