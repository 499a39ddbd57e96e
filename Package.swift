// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Artifacta",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "artifacta", targets: ["artifacta"]),
        .library(name: "Artifacta", targets: ["Artifacta"]),
        .library(name: "ArtifactaCore", targets: ["ArtifactaCore"]),
        .library(name: "ArtifactaStore", targets: ["ArtifactaStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // FullFoundation only: the default ConfigurationSupport trait would pull in swift-configuration.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
    ],
    targets: [
        .target(name: "ArtifactaCore"),
        .target(
            name: "ArtifactaStore",
            dependencies: ["ArtifactaCore", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.embedInCode("Schema/schema.sql")]
        ),
        .target(name: "ArtifactaCharts", dependencies: ["ArtifactaCore"]),
        .target(name: "ArtifactaAnalysis", dependencies: ["ArtifactaCore"]),
        .target(name: "Artifacta", dependencies: ["ArtifactaCore", "ArtifactaStore"]),
        // Templates/ and site/ live at the top level; the target reaches them through symbolic links.
        .target(name: "ArtifactaAssets", resources: [.embedInCode("Templates"), .embedInCode("site")]),
        .target(name: "CSystemShims"),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "ArtifactaSite",
            dependencies: [
                "ArtifactaCore", "ArtifactaStore", "ArtifactaCharts", "ArtifactaAnalysis", "ArtifactaAssets", "CSystemShims",
                "CCmarkGFM",
            ]
        ),
        .target(
            name: "ArtifactaServer",
            dependencies: [
                "ArtifactaCore", "ArtifactaStore", "ArtifactaSite", "CSystemShims",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .target(
            name: "ArtifactaCLI",
            dependencies: [
                "ArtifactaCore", "ArtifactaStore", "ArtifactaSite", "ArtifactaServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "artifacta", dependencies: ["ArtifactaCLI"]),
        .executableTarget(
            name: "classification-example",
            dependencies: ["Artifacta"],
            path: "Examples/swift/Classification"
        ),
        .executableTarget(
            name: "artifacta-test-writer",
            dependencies: ["Artifacta"],
            path: "Tests/Support/TestWriter"
        ),
        .executableTarget(
            name: "artifacta-bench",
            dependencies: ["Artifacta", "ArtifactaStore"],
            path: "Benchmarks/StoreBench"
        ),
        .executableTarget(
            name: "artifacta-site-bench",
            dependencies: ["Artifacta", "ArtifactaSite", "ArtifactaAnalysis"],
            path: "Benchmarks/SiteBench"
        ),
        .executableTarget(
            name: "artifacta-chart-bench",
            dependencies: ["ArtifactaCharts"],
            path: "Benchmarks/ChartBench"
        ),
        .executableTarget(
            name: "artifacta-analysis-bench",
            dependencies: ["ArtifactaAnalysis"],
            path: "Benchmarks/AnalysisBench"
        ),
        .target(name: "ArtifactaTestSupport", path: "Tests/ArtifactaTestSupport"),
        .testTarget(name: "ArtifactaCoreTests", dependencies: ["ArtifactaCore"]),
        .testTarget(name: "ArtifactaAnalysisTests", dependencies: ["ArtifactaAnalysis"]),
        .testTarget(name: "ArtifactaChartsTests", dependencies: ["ArtifactaCharts"], exclude: ["Golden"]),
        .testTarget(
            name: "ArtifactaStoreTests",
            dependencies: ["ArtifactaStore", "Artifacta", "ArtifactaTestSupport", "artifacta-test-writer"]
        ),
        .testTarget(
            name: "ArtifactaSiteTests",
            dependencies: ["ArtifactaSite", "Artifacta", "ArtifactaTestSupport", "classification-example"]
        ),
        .testTarget(
            name: "ArtifactaCLITests",
            dependencies: ["ArtifactaCLI", "Artifacta", "ArtifactaTestSupport", "artifacta", "classification-example"]
        ),
        .testTarget(
            name: "ArtifactaServerTests",
            dependencies: [
                "ArtifactaServer", "ArtifactaStore", "ArtifactaTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            exclude: ["Fixtures"]
        ),
        // The hostile-input corpus (Tests/Hostile/corpus.json) through every Swift entry point.
        .testTarget(
            name: "ArtifactaHostileTests",
            dependencies: [
                "ArtifactaCore", "ArtifactaStore", "Artifacta", "ArtifactaSite", "ArtifactaCharts", "ArtifactaServer",
                "ArtifactaTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
