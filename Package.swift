// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "capaudit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "capaudit", targets: ["capaudit"]),
        .library(name: "CapAuditKit", targets: ["CapAuditKit"]),
    ],
    targets: [
        .target(name: "CapAuditKit"),
        .executableTarget(name: "capaudit", dependencies: ["CapAuditKit"]),
        .testTarget(
            name: "CapAuditKitTests",
            dependencies: ["CapAuditKit"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
