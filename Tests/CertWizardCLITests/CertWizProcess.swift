import CertWizardCore
import Foundation
import Testing
import TestSupport

/// Runs the built `certwiz` binary in a private data folder, as a user's shell would.
final class CertWizProcess: @unchecked Sendable {  // every stored property is a constant
    let home: String
    let environment: [String: String]

    struct Result: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
        /// From the start of the process to its end (not counting any wait to be resumed).
        var seconds: Double = 0
    }

    init() {
        home = NSTemporaryDirectory() + "certwiz-cli-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        environment = ["HOME": home, "XDG_DATA_HOME": home + "/data", "LANG": "C.UTF-8",
                       "PATH": (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") + ":/usr/sbin:/sbin"]
    }

    var draftsDirectory: String { home + "/data/certwiz/drafts" }

    static let binary: URL = {
        if let explicit = ProcessInfo.processInfo.environment["CERTWIZ_BIN"] { return URL(fileURLWithPath: explicit) }
        // The test bundle sits in the products folder beside the executable.
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("certwiz")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/certwiz")
    }()

    deinit { try? FileManager.default.removeItem(atPath: home) }

    @discardableResult
    func run(_ arguments: String..., stdin: String? = nil, extraEnvironment: [String: String] = [:]) throws -> Result {
        try run(args: arguments, stdin: stdin, extraEnvironment: extraEnvironment)
    }

    /// `run` on a thread of its own, awaited: a test that waits seconds for certwiz (a time-out
    /// being tested, a long loop) must not hold one of the test process's few pool threads, which
    /// the in-process operations of other suites (nginx -t through swift-subprocess) need.
    func runDetached(_ arguments: [String], bound: Int? = nil) async throws -> Result {
        try await detached { try self.run(args: arguments, bound: bound) }
    }

    /// Runs certwiz under `timeout -s KILL`: a command that hangs ends as status -9 (or 137) after
    /// `seconds` instead of hanging the suite, and the test says so.
    func runBounded(seconds: Int, _ arguments: String..., stdin: String? = nil) throws -> Result {
        try run(args: arguments, stdin: stdin, bound: seconds)
    }

    @discardableResult
    func run(args arguments: [String], stdin: String? = nil, extraEnvironment: [String: String] = [:], bound: Int? = nil) throws -> Result {
        let process = Process()
        if let bound {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
            process.arguments = ["-s", "KILL", "\(bound)", CertWizProcess.binary.path] + arguments
        } else {
            process.executableURL = CertWizProcess.binary
            process.arguments = arguments
        }
        process.environment = environment.merging(extraEnvironment) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let started = Date()
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
        return Result(status: status, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self), seconds: Date().timeIntervalSince(started))
    }

    /// Runs openssl in this process's folder (the reference certwiz is checked against; certwiz
    /// itself never calls it). Returns the exit status and everything it printed.
    @discardableResult
    func openssl(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try TestSupport.openssl(arguments, in: home)
    }

    func write(_ text: String, to name: String) throws {
        try FileManager.default.createDirectory(atPath: draftsDirectory, withIntermediateDirectories: true)
        try text.write(toFile: draftsDirectory + "/" + name, atomically: false, encoding: .utf8)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: draftsDirectory + "/" + name, encoding: .utf8)
    }
}

extension CertWizProcess {
    /// `site`: a valid draft taken through key + CSR, submission and the demo review to issuance.
    @discardableResult
    func issuedDemoDraft() throws -> Draft {
        try write(validDraftJSON, to: "site.json")
        #expect(try run("csr", "new", "--draft", "site").status == 0)
        #expect(try run("submit", "--draft", "site").status == 0)
        #expect(try run("demo", "advance", "--draft", "site", "--all").status == 0)
        return try DraftCodec.decode(Array(try read("site.json").utf8))
    }

    /// The demo CA's root in this data folder.
    var demoRoot: String { home + "/data/certwiz/demo-ca/root.crt" }
}

/// Runs blocking work on a thread of its own and awaits it, leaving the cooperative pool free.
func detached<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do { continuation.resume(returning: try work()) } catch { continuation.resume(throwing: error) }
        }
        thread.start()
    }
}
