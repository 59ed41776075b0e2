import CertWizardCore
import Foundation
import Testing
import TestSupport

/// Every file certwiz reads is a regular file of bounded size, checked before it is read: a FIFO,
/// a device, a folder or a huge file is a clear error at once, never a hang or a full memory.
@Suite struct HostileFileTests {
    let cli = CertWizProcess()

    func special(_ name: String) throws -> (fifo: String, folder: String, zero: String, big: String) {
        let base = cli.home + "/" + name
        try FileManager.default.createDirectory(atPath: base + "-folder", withIntermediateDirectories: true)
        #expect(mkfifo(base + "-fifo", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: base + "-zero", withDestinationPath: "/dev/zero")
        FileManager.default.createFile(atPath: base + "-big", contents: nil)
        #expect(truncate(base + "-big", 5 << 20) == 0)  // sparse: 5 MB that take no room
        return (base + "-fifo", base + "-folder", base + "-zero", base + "-big")
    }

    @Test func everyCommandThatReadsAFileRefusesFIFOsDevicesFoldersAndHugeFilesAtOnce() throws {
        let files = try special("input")
        try cli.write(validDraftJSON, to: "site.json")
        let readers: [[String]] = [["csr", "check"], ["cert", "show"], ["import", "--draft", "site"], ["--answers"]]
        for reader in readers {
            for (path, expected) in [(files.fifo, "is a named pipe (FIFO), not a regular file"), (files.folder, "is a folder, not a regular file"),
                                     (files.zero, "is a device, not a regular file"), (files.big, "is too large (5.0 MB; the limit is 4 MB)")] {
                let result = try cli.run(args: reader + [path] + (reader == ["--answers"] ? ["--draft", "site"] : []), bound: 10)
                #expect(result.status == 2 && result.stderr.contains(path) && result.stderr.contains(expected),
                        "\(reader) \(path): \(result.status) \(result.stderr)")
            }
        }
        // The draft was never touched by any of it.
        #expect(try cli.read("site.json") == validDraftJSON)
    }

    @Test func draftsThatAreNotFilesAreListedAsUnreadableAndRefusedWithoutHanging() throws {
        try FileManager.default.createDirectory(atPath: cli.draftsDirectory + "/folder.json", withIntermediateDirectories: true)
        #expect(mkfifo(cli.draftsDirectory + "/fifo.json", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: cli.draftsDirectory + "/zero.json", withDestinationPath: "/dev/zero")
        try cli.write(validDraftJSON, to: "site.json")
        let listed = try cli.runBounded(seconds: 10, "drafts")
        #expect(listed.status == 0, "\(listed.stderr)")
        for line in ["fifo", "folder", "zero"] {
            #expect(listed.stdout.split(separator: "\n").contains { $0.hasPrefix(line + " ") && $0.contains("unreadable") }, "\(listed.stdout)")
        }
        #expect(listed.stdout.contains("site "))
        for name in ["fifo", "folder", "zero"] {
            let validated = try cli.runBounded(seconds: 10, "validate", "--draft", name)
            #expect(validated.status == 2 && validated.stderr.contains("not a regular file"), "\(name): \(validated.stderr)")
            let set = try cli.runBounded(seconds: 10, "set", "--draft", name, "csr.commonName=www.example.co.jp")
            #expect(set.status == 2, "set on \(name) exits 2 as validate does: \(set.status) \(set.stderr)")
        }
    }

    @Test func aMissingFileIsNoSuchFileNeverAHostToLookUp() throws {
        for source in ["missing.pem", "./missing", "certs/missing"] {
            let result = try cli.runBounded(seconds: 10, "cert", "show", source)
            #expect(result.status == 2 && result.stderr.contains("No such file"), "\(source): \(result.stderr)")
            #expect(!result.stderr.contains("connect") && !result.stderr.contains("Name or service"), "\(source): \(result.stderr)")
        }
    }

    @Test func certShowListsEveryCertificateInTheFile() throws {
        let issued = try cli.issuedDemoDraft()
        let certificate = try #require(issued.issuance.certificatePath)
        let chain = try #require(issued.issuance.chainPath)
        let both = cli.home + "/fullchain.pem"
        try (try String(contentsOfFile: certificate, encoding: .utf8) + String(contentsOfFile: chain, encoding: .utf8)).write(toFile: both, atomically: true, encoding: .utf8)
        let shown = try cli.runBounded(seconds: 10, "cert", "show", both)
        #expect(shown.status == 0 && shown.stdout.contains("[0] ") && shown.stdout.contains("[1] "), "\(shown.stdout)\(shown.stderr)")
        #expect(shown.stdout.contains("CN=www.example.co.jp"))
    }
}
