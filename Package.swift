// swift-tools-version:6.0
import PackageDescription

// capaudit runs on Linux only: it imports Glibc and uses Linux process APIs (prctl, /proc).
// Its install plans may still target macOS hosts.
#if !os(Linux)
#error("capaudit builds and runs on Linux only")
#endif

let package = Package(
    name: "capaudit",
    products: [
        .executable(name: "capaudit", targets: ["capaudit"]),
        .library(name: "CapAuditKit", targets: ["CapAuditKit"]),
    ],
    targets: [
        // Facts, judgements and renderers: everything but the command line.
        .target(name: "CapAuditKit"),
        // The command line: one file per subcommand, option parsing, the terminal, errors to exit codes.
        .target(name: "CapAuditCLI", dependencies: ["CapAuditKit"]),
        // main.swift only.
        .executableTarget(name: "capaudit", dependencies: ["CapAuditCLI"]),
        .testTarget(
            name: "CapAuditKitTests",
            dependencies: ["CapAuditKit", "CapAuditCLI"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
