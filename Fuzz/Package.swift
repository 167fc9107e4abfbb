// swift-tools-version:6.0
import Foundation
import PackageDescription

// libFuzzer targets for the engine's parsers. Not part of the root package or of CI: build and run them with
// `Fuzz/run.sh` (see Fuzz/README.md), which passes -sanitize=fuzzer,address and -enable-testing.

// A path dependency's identity is its folder's name, which differs between clones and worktrees.
let rootIdentity = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let fuzzTargets = ["FuzzFrontMatter", "FuzzCitations", "FuzzClaims", "FuzzQuotes"]

let package = Package(
    name: "BriefingFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver, which each target's main.swift calls.
        .target(name: "CLibFuzzer"),
        .target(
            name: "FuzzSupport",
            dependencies: ["CLibFuzzer", .product(name: "BriefingKit", package: rootIdentity)]
        ),
    ] + fuzzTargets.map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "BriefingKit", package: rootIdentity)])
    },
    swiftLanguageModes: [.v6]
)
