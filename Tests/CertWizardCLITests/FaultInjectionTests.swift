import CertWizardCore
import Foundation
import Testing
import TestSupport

/// kill -9 anywhere in an answers run, and hostile or damaged drafts: certwiz never leaves a
/// corrupt draft, never loses what it saved, never changes a file it could not read, and always
/// answers in bounded time.
@Suite struct FaultInjectionTests {
    /// The answers a run puts into the draft, by path.
    static let answers: [String: JSONValue] = {
        let data = Data(TmuxSession.answersForANewApplication.utf8)
        guard case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: data) else { return [:] }
        return members
    }()

    /// Killed at 50 points of an answers run: what is on disk is always a readable draft whose
    /// every field holds its answer (no torn or wrong value); the next open removes the dead
    /// save's temporary file and succeeds; running the answers again completes the draft.
    @Test func killAnAnswersRunAnywhereAndNothingIsCorruptOrLost() async throws {
        let cli = CertWizProcess()
        let answersPath = try writeAnswers(TmuxSession.answersForANewApplication)
        var generator = SeededGenerator(seed: 13)
        var killedMidway = 0
        for run in 0..<50 {
            let name = "k\(run)"
            let delay = UInt32.random(in: 0...120_000, using: &generator)
            let environment = cli.environment
            // Started, killed and waited for on a thread of its own (see runDetached).
            let killed = try await detached { () throws -> Bool in
                let process = Process()
                process.executableURL = CertWizProcess.binary
                process.arguments = ["--answers", answersPath, "--draft", name, "--today", "2026-11-24"]
                process.environment = environment
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                process.standardInput = FileHandle.nullDevice
                try process.run()
                usleep(delay)
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return process.terminationReason == .uncaughtSignal
            }
            if killed { killedMidway += 1 }
            let path = cli.draftsDirectory + "/\(name).json"
            guard FileManager.default.fileExists(atPath: path) else { continue }  // killed before the draft was made
            let draft = try DraftCodec.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            // The run types each answer key by key and the draft is saved as it goes: a field is
            // its answer, or (the one being typed at the kill) the start of it; never anything else.
            for field in DraftFields.all {
                guard let value = field.value(in: draft) else { continue }
                let answer = Self.answers[field.path]
                if case .string(let typed) = value, case .string(let full)? = answer {
                    #expect(full.hasPrefix(typed), "run \(run): \(field.path) is \(typed) on disk")
                } else {
                    #expect(answer == value, "run \(run): \(field.path) is \(value) on disk")
                }
            }
            // The next open cleans up and succeeds; the answers then complete the draft.
            let again = try await cli.runDetached(["--answers", answersPath, "--draft", name, "--today", "2026-11-24"], bound: 30)
            #expect(again.status == 0, "run \(run): \(again.stderr)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.draftsDirectory).filter { $0.hasPrefix(".\(name).json.tmp-") }
            #expect(leftovers.isEmpty, "run \(run): \(leftovers)")
            let complete = try DraftCodec.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            for (path, value) in Self.answers where path != "applicationType" {
                #expect(DraftFields.field(path)?.value(in: complete) == value, "run \(run): \(path) lost")
            }
        }
        #expect(killedMidway > 10, "most kills land while the run is going (\(killedMidway) of 50)")
    }

    /// 100 damaged or hostile drafts: each is a clear error (exit 2, naming the file) or a
    /// faithful load, none changes a byte on disk, none crashes, each command ends within 2 s.
    @Test func aHundredDamagedDraftsAreEachAClearErrorOrAFaithfulLoad() async throws {
        let cli = CertWizProcess()
        try FileManager.default.createDirectory(atPath: cli.draftsDirectory, withIntermediateDirectories: true)
        var generator = SeededGenerator(seed: 100)
        let base = Array(validDraftJSON.utf8)
        var cases: [(String, [UInt8])] = []
        for i in 0..<40 {  // one byte changed
            var bytes = base
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            bytes[at] = UInt8.random(in: 0...255, using: &generator)
            cases.append(("flip\(i)", bytes))
        }
        for i in 0..<22 { cases.append(("cut\(i)", Array(base.prefix(Int.random(in: 0..<base.count, using: &generator))))) }
        let kinds: [(String, String)] = [
            (#""licenses": 1"#, #""licenses": "one""#), (#""licenses": 1"#, #""licenses": 1.5"#), (#""listedInDuns": true"#, #""listedInDuns": "yes""#),
            (#""keyType": "p256""#, #""keyType": 256"#), (#""country": "JP""#, #""country": ["JP"]"#), (#""commonName": "www.example.co.jp""#, #""commonName": null"#),
            (#""plannedDate": "2026-11-30""#, #""plannedDate": "30/11/2026""#), (#""organization": {"#, #""organization": 7, "x": {"#)]
        for (i, (from, to)) in kinds.enumerated() {
            cases.append(("kind\(i)", Array(validDraftJSON.replacingOccurrences(of: from, with: to).utf8)))
        }
        for i in 0..<10 {
            cases.append(("unknown\(i)", Array(validDraftJSON.replacingOccurrences(of: #""applicationType": "new","#, with: #""applicationType": "new", "note\#(i)": {"by": "script", "n": \#(i)},"#).utf8)))
        }
        for (i, key) in ["applicationType", "csr", "order", "payment", "technicalContact"].enumerated() {
            cases.append(("duplicate\(i)", Array(validDraftJSON.replacingOccurrences(of: "{\n  \"", with: "{\n  \"\(key)\": null, \"").utf8)))
        }
        cases += [("schema999", Array(#"{"schemaVersion": 999, "csr": {"commonName": 5}}"#.utf8)), ("empty", []), ("spaces", Array("  \n".utf8)),
                  ("binary", (0..<512).map { _ in UInt8.random(in: 0...255, using: &generator) }), ("array", Array("[1, 2, 3]".utf8)),
                  ("string", Array(#""draft""#.utf8)), ("deep", Array((String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)).utf8)),
                  ("trailing", base + Array("}garbage".utf8)), ("nul", base.prefix(100) + [0] + base.dropFirst(100)),
                  ("bom", [0xEF, 0xBB, 0xBF] + base), ("latin1", Array(validDraftJSON.utf8).map { $0 > 0x7F ? 0xE9 : $0 })]
        for (name, bytes) in cases { try Data(bytes).write(to: URL(fileURLWithPath: cli.draftsDirectory + "/\(name).json")) }
        try FileManager.default.createDirectory(atPath: cli.draftsDirectory + "/folder.json", withIntermediateDirectories: true)
        #expect(mkfifo(cli.draftsDirectory + "/fifo.json", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: cli.draftsDirectory + "/zero.json", withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: cli.draftsDirectory + "/dangling.json", withDestinationPath: cli.home + "/nowhere.json")
        let names = cases.map(\.0) + ["folder", "fifo", "zero", "dangling"]
        #expect(names.count >= 100)
        func snapshot() -> [String: Data] {
            var files: [String: Data] = [:]
            for name in cases.map(\.0) { files[name] = try? Data(contentsOf: URL(fileURLWithPath: cli.draftsDirectory + "/\(name).json")) }
            return files
        }
        let before = snapshot()
        var loaded = 0
        for name in names {
            let result = try await cli.runDetached(["validate", "--draft", name, "--today", "2026-11-24"], bound: 10)
            let took = result.seconds
            #expect(took < 2, "\(name): \(took) s")
            #expect(result.status >= 0, "\(name) crashed: \(result.status)")
            #expect(!result.stderr.contains("Fatal error"), "\(name): \(result.stderr)")
            if result.status == 2 {
                #expect(result.stderr.contains(name), "\(name): the error names the file: \(result.stderr)")
            } else {
                // Loaded: what certwiz read is what the file says, field by field.
                loaded += 1
                #expect(result.status == 0 || result.status == 1, "\(name): \(result.status)")
                if let bytes = before[name] ?? nil, let draft = try? DraftCodec.decode(Array(bytes)),
                   case .object(let tree)? = try? JSONDecoder().decode(JSONValue.self, from: bytes) {
                    // Every field as an independent JSON reading of the file has it.
                    for field in DraftFields.all {
                        var node: JSONValue? = .object(tree)
                        for key in field.path.split(separator: ".") {
                            guard case .object(let members)? = node else { node = nil; break }
                            node = members[String(key)]
                        }
                        let written = node == .null ? nil : node
                        #expect(field.value(in: draft) == written, "\(name): \(field.path)")
                    }
                } else {
                    Issue.record("\(name): certwiz loaded a draft the codec refuses")
                }
            }
        }
        #expect(loaded > 10 && loaded < names.count - 10, "a mix of faithful loads (\(loaded)) and clear errors")
        let listing = try await cli.runDetached(["drafts"], bound: 10)
        #expect(listing.status == 0 && listing.stdout.split(separator: "\n").count > names.count, "\(listing.stderr)")
        #expect(snapshot() == before, "no damaged draft was changed")
    }
}
