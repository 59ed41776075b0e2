// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "certwiz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "certwiz", targets: ["certwiz"]),
        .library(name: "CertWizardCore", targets: ["CertWizardCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The procedure's knowledge: draft model, rules, calendar, draft store.
        // No terminal and no network here: everything is a function of the draft.
        .target(name: "CertWizardCore"),
        .executableTarget(
            name: "certwiz",
            dependencies: [
                "CertWizardCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CertWizardCoreTests", dependencies: ["CertWizardCore"]),
        // Drives the built `certwiz` binary; depends on it so `swift test` builds it first.
        .testTarget(name: "CertWizardCLITests", dependencies: ["certwiz", "CertWizardCore"]),
    ]
)
