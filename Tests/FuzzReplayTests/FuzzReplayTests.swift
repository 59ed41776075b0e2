import Foundation
import FuzzTargets
import Testing

/// What `Benchmarks/fuzz` keeps: its corpus (Tests/Fuzz/corpus) and every input that ever crashed
/// a parser (Tests/Fuzz/crashes), each replayed through the same entry point the fuzzer uses.
/// A crash here stops the test process, which is the failure.
@Suite struct FuzzReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

    static func inputs(_ folder: String) -> [URL] {
        let dir = root.appendingPathComponent(folder)
        return ((try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? [])
            .filter { !$0.lastPathComponent.hasPrefix(".") && $0.lastPathComponent != "README.md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func theCorpusCoversEveryParserAndRunsClean() throws {
        let corpus = Self.inputs("corpus")
        let parsers = Set(try corpus.compactMap { FuzzTargets.split(Array(try Data(contentsOf: $0)))?.0 })
        #expect(parsers == Set(FuzzTargets.Parser.allCases), "seeds for every parser: \(parsers)")
        for file in corpus { FuzzTargets.run(Array(try Data(contentsOf: file))) }
    }

    @Test func everyCrashTheFuzzerFoundStaysFixed() throws {
        let crashes = Self.inputs("crashes")
        #expect(!crashes.isEmpty)
        for file in crashes { FuzzTargets.run(Array(try Data(contentsOf: file))) }
    }
}
