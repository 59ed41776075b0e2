// swift-tools-version:6.1
import PackageDescription

// Start-up cost of the installed (release) binary: the wizard should start and weigh like dialog.
// - Each function in its own section, so the linker can place the ones the wizard runs before its
//   first frame together (Sources/certwiz/startup.order, made by Benchmarks/startup-order): the
//   pages touched at start-up shrink from scattered 64 KB read-arounds to one run.
// - lld, without exporting every symbol (32,000 dynamic symbols made ld.so and dladdr walk
//   2.8 MB of tables) and with packed relative relocations (1.9 MB of relocation entries read
//   at every start, now 16 KB).
// - Our code reaches concrete generic types through their metadata accessors, not by mangled
//   name: the runtime demangled the name and looked up each generic requirement (a Hashable, a
//   CodingKey) among all 7,245 conformances, ~300,000 instructions a type before the first frame.
// - No LLVM function merging in our code: it turns each merged value witness into an unnamed
//   thunk (.L__unnamed_N) that the ordering file cannot name, so start-up calls into 277 of them
//   left 128 KB windows of the binary resident far from the ordered run.
let ownCode: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-function-sections", "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors",
                  "-Xfrontend", "-disable-llvm-merge-functions-pass"],
                 .when(platforms: [.linux], configuration: .release)),
]
// - The C++ runtime (the Swift runtime and BoringSSL's users need a little of it) linked from its
//   static archive: Sources/certwiz/link/libstdc++.so is a linker script that every -lstdc++
//   finds first and that names libstdc++.a, so ld.so no longer maps and relocates libstdc++.so
//   (1.5 MB of the wizard's peak RSS, and half of ld.so's time).
let startupLayout: [LinkerSetting] = [
    .unsafeFlags(["-use-ld=lld", "-Xlinker", "--no-export-dynamic", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                  "-L", "\(Context.packageDirectory)/Sources/certwiz/link"],
                 .when(platforms: [.linux])),
    .unsafeFlags(["-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Sources/certwiz/startup.order",
                  "-Xlinker", "--no-warn-symbol-ordering"], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "certwiz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "certwiz", targets: ["certwiz"]),
        .library(name: "CertWizardCore", targets: ["CertWizardCore"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "CertWizardPKI", targets: ["CertWizardPKI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        // The process runner (nginx -t, reloads); without its Foundation trait.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2", traits: []),
        // A real TLS client (1.2 and 1.3) for checking what a live server sends.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // The procedure's knowledge: draft model, rules, calendar, draft store.
        // No terminal and no network here: everything is a function of the draft.
        .target(name: "CertWizardCore", swiftSettings: ownCode),
        // Keys, CSRs and certificates, on swift-certificates and swift-crypto (no openssl).
        .target(
            name: "CertWizardPKI",
            dependencies: [
                "CertWizardCore",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: ownCode
        ),
        // Issuers: the embedded demo CA (more to come: ACME, the manual path).
        .target(
            name: "Issuers",
            dependencies: ["CertWizardCore", "CertWizardPKI", .product(name: "X509", package: "swift-certificates"),
                           .product(name: "Crypto", package: "swift-crypto"), .product(name: "_CryptoExtras", package: "swift-crypto")],
            swiftSettings: ownCode
        ),
        // Server configuration: reading nginx and Apache configs as the servers do, planning the
        // smallest edit that installs a certificate, diffs, backups. No processes run here.
        .target(name: "Installers", dependencies: ["CertWizardCore"], swiftSettings: ownCode),
        // An RFC 8555 client (accounts with External Account Binding, orders, challenges, the
        // certificate chain) and its http-01 responder, on swift-nio, swift-nio-ssl and swift-crypto.
        .target(
            name: "ACME",
            dependencies: [.product(name: "Crypto", package: "swift-crypto"), .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl")],
            swiftSettings: ownCode
        ),
        // Typed effects shared by the wizard, plain mode and the CLI: each thing certwiz does to
        // the world, its time limit and cancel, and the one process runner. No terminal here.
        .target(
            name: "Operations",
            dependencies: ["CertWizardCore", "CertWizardPKI", "Issuers", "Installers", "ACME", .product(name: "Subprocess", package: "swift-subprocess"),
                           .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOTLS", package: "swift-nio"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "SwiftASN1", package: "swift-asn1"),
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "X509", package: "swift-certificates")],
            swiftSettings: ownCode
        ),
        // ncurses, behind one adapter: the system library, and C for its macros and for
        // restoring the terminal from signal handlers.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CursesShim", linkerSettings: [.linkedLibrary("ncursesw")]),
        // A terminal toolkit that knows nothing of certificates: cells, keys, widgets, backends.
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "CursesShim"], swiftSettings: ownCode),
        // One file per wizard screen, in procedure order: what is asked, never how it is drawn.
        .target(name: "Screens", dependencies: ["CertWizardCore"], path: "Screens", exclude: ["README.md"], swiftSettings: ownCode),
        // The wizard itself: model, update, view; plain mode; answers files.
        .target(name: "CertWizardApp", dependencies: ["CertWizardCore", "CertWizardPKI", "Issuers", "Operations", "Screens", "TerminalUI"], swiftSettings: ownCode),
        .executableTarget(
            name: "certwiz",
            dependencies: [
                "CertWizardCore",
                "CertWizardApp",
                "CertWizardPKI",
                "Issuers",
                "Operations",
                "ACME",
                "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            exclude: ["startup.order", "link"],
            swiftSettings: ownCode,
            linkerSettings: startupLayout
        ),
        // The parsers hostile input reaches, for the fuzzer (Benchmarks/fuzz) and the replay test.
        .target(name: "FuzzTargets", dependencies: ["CertWizardCore", "CertWizardPKI", "CertWizardApp"]),
        .executableTarget(name: "FuzzDriver", dependencies: ["FuzzTargets", "CertWizardCore"]),
        // What the test targets share: sample drafts, the openssl runner, temporary folders, a silent port.
        .target(name: "TestSupport", dependencies: ["CertWizardCore"], path: "Tests/TestSupport"),
        .testTarget(name: "CertWizardCoreTests", dependencies: ["CertWizardCore", "TestSupport"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport"]),
        .testTarget(name: "CertWizardPKITests", dependencies: ["CertWizardPKI", "CertWizardCore", "TestSupport"]),
        .testTarget(name: "IssuersTests", dependencies: ["Issuers", "CertWizardPKI", "CertWizardCore", "TestSupport"]),
        .testTarget(name: "ACMETests", dependencies: ["ACME", "TestSupport", .product(name: "X509", package: "swift-certificates"),
                                                     .product(name: "Crypto", package: "swift-crypto"), .product(name: "SwiftASN1", package: "swift-asn1")]),
        .testTarget(name: "InstallersTests", dependencies: ["Installers", "CertWizardCore", "TestSupport"]),
        .testTarget(name: "OperationsTests", dependencies: ["Operations", "Installers", "CertWizardPKI", "CertWizardCore", "TestSupport"]),
        .testTarget(name: "CertWizardAppTests", dependencies: ["CertWizardApp", "CertWizardCore", "CertWizardPKI", "Operations", "Screens", "TerminalUI", "TestSupport"],
                    exclude: ["Golden"]),
        // Drives the built `certwiz` binary; depends on it so `swift test` builds it first.
        .testTarget(name: "CertWizardCLITests", dependencies: ["certwiz", "CertWizardCore", "TestSupport"]),
        // The fuzzer's corpus and every crash it found (Tests/Fuzz), replayed on every run.
        .testTarget(name: "FuzzReplayTests", dependencies: ["FuzzTargets"]),
    ]
)
