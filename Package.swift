// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Briefing",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "briefing", targets: ["briefing"]),
        .library(name: "BriefingKit", targets: ["BriefingKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `briefing serve` only: the preview server and its lifecycle (graceful shutdown on Ctrl-C).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.3.0"),
    ],
    targets: [
        // Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev; the pkg-config file links both libraries.
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE) for swapping a finished build into place in one step.
        .target(name: "CAtomicSwap"),
        .target(
            name: "BriefingKit",
            dependencies: [
                "CMarkGFM",
                "CAtomicSwap",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedTheme"]
        ),
        // The preview server of `briefing serve`: a target of its own, so that the engine and its tests never
        // build an HTTP stack.
        .target(
            name: "BriefingPreview",
            dependencies: [
                "BriefingKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "briefing",
            dependencies: [
                "BriefingKit",
                "BriefingPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Turns the top-level Templates/ folder into Swift source, so the default theme ships inside the binary.
        .executableTarget(name: "ThemeEmbedder", path: "Plugins/ThemeEmbedder"),
        .plugin(
            name: "EmbedTheme",
            capability: .buildTool(),
            dependencies: ["ThemeEmbedder"],
            path: "Plugins/EmbedTheme"
        ),
        .testTarget(
            name: "BriefingKitTests",
            dependencies: ["BriefingKit"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "BriefingPreviewTests",
            dependencies: ["BriefingPreview", "BriefingKit"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
