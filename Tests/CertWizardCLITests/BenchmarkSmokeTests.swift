import Foundation
import Testing

/// `Benchmarks/run --quick` works: one run of every measure on the binary under test, small sizes,
/// no build and no installs. (The full benchmark is never part of the test run.)
@Suite struct BenchmarkSmokeTests {
    @Test func theQuickBenchmarkRunsEveryMeasureAndWritesJSON() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let out = NSTemporaryDirectory() + "certwiz-bench-" + UUID().uuidString + ".json"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let (status, printed) = try await detached { () throws -> (Int32, String) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
            process.arguments = ["-s", "KILL", "180", "python3", root.path + "/Benchmarks/run", "--quick", "--binary", CertWizProcess.binary.path, "--out", out]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, printed)
        }
        #expect(status == 0, "\(printed)")
        #expect(printed.contains("| answers walk, every screen |") && printed.contains("| drafts over 100 drafts |"), "\(printed)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        let results = try #require(json?["results"] as? [String: Any])
        for key in ["answers_walk_ms", "validate_ms", "keygen.p256", "drafts.10", "drafts.100"] {
            #expect(results[key] != nil, "\(key) in \(results.keys.sorted())")
        }
        // The terminal figures need ../shared/tools/ptybench.py, which CI has beside the clone.
        if FileManager.default.fileExists(atPath: root.path + "/../shared/tools/ptybench.py") {
            #expect(results["terminal.certwiz"] != nil, "\(results.keys.sorted())")
            // Not a timing but a count: a typed character costs the terminal one byte or two.
            let terminal = results["terminal.certwiz"] as? [String: Any]
            let bytes = (terminal?["key_bytes"] as? [String: Any])?["median"] as? Double
            #expect(bytes.map { $0 <= 2 } == true, "bytes per typed character: \(String(describing: bytes))")
        }
    }
}
