import Synchronization
import Testing
import TestSupport
import Foundation
@testable import CertWizardCore

func mode(of path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
}

@Suite struct DraftStoreTests {
    let folder = TemporaryFolder()
    var store: DraftStore { DraftStore(directory: folder.path + "/certwiz/drafts") }

    @Test func followsXDG() {
        #expect(DataHome.draftsDirectory(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/u"]) == "/x/data/certwiz/drafts")
        #expect(DataHome.draftsDirectory(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/certwiz/drafts")
        // The spec says a relative XDG_DATA_HOME is ignored.
        #expect(DataHome.draftsDirectory(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/u"]) == "/home/u/.local/share/certwiz/drafts")
    }

    @Test func createsPrivateFilesAndRefusesToReplaceOne() throws {
        let file = try store.create("site", completeDraft())
        #expect(mode(of: file.path) == 0o600)
        #expect(mode(of: store.directory) == 0o700)
        #expect(try file.read() == completeDraft())
        #expect(throws: DraftStoreError.alreadyExists(path: file.path)) { try store.create("site", Draft()) }
        #expect(try file.read() == completeDraft())
    }

    @Test func savesAtomicallyAndKeepsTheMode() throws {
        let file = try store.create("site", Draft(applicationType: .new))
        let (draft, lock) = try file.open()
        var edited = draft
        edited.csr.commonName = "www.example.co.jp"
        var sawOldFileBeforeRename = false
        try file.save(edited, holding: lock) { stage in
            // Between writing and renaming, readers still see the complete old draft.
            if stage == .written { sawOldFileBeforeRename = (try? file.read()) == draft }
        }
        #expect(sawOldFileBeforeRename)
        #expect(try file.read() == edited)
        #expect(mode(of: file.path) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    /// A command that sets a field directly (an option, a path from outside) could hand a save a
    /// value the next load refuses: the save refuses it instead, naming the field, and the draft
    /// on disk stays as it was and opens.
    @Test func aValueTheNextLoadWouldRefuseIsNeverWritten() throws {
        let file = try store.create("site", completeDraft())
        let (draft, lock) = try file.open()
        let before = try AtomicFile.read(file.path)
        var edited = draft
        edited.installation.destination = "/etc/ssl/x\u{1B}[31my"
        do {
            try file.save(edited, holding: lock)
            Issue.record("saved a draft holding ESC")
        } catch {
            guard case .unsavable(let path, .wrongShape(let field, _)) = error else { Issue.record("\(error)"); return }
            #expect(path == file.path && field == "installation.destination")
            #expect(error.message.en.contains("installation.destination") && error.message.en.contains("<U+001B>"))
            #expect(!error.message.ja.unicodeScalars.contains(where: TerminalControls.isControl))
        }
        #expect(try AtomicFile.read(file.path) == before)
        lock.release()
        #expect(try file.open().0 == draft)
        // A timeline note from outside, the same; and a new draft is not created with one.
        var noted = draft
        noted.timeline.append(TimelineEvent(date: CalendarDate(iso8601: "2026-11-30")!, event: "renewed", note: "x\u{9B}2J"))
        #expect(throws: DraftStoreError.self) { try store.create("other", noted) }
        #expect(try store.locate("other").exists == false)
        // Line breaks are text: an address on two lines saves.
        var address = draft
        address.organization.address = "1-2-3 Chuo\nTokyo"
        let (_, again) = try file.open()
        try file.save(address, holding: again)
        #expect(try file.read() == address)
    }

    @Test func aSecondOpenIsRefusedUntilTheFirstLetsGo() throws {
        let file = try store.create("site", Draft())
        let (_, first) = try file.open()
        do {
            _ = try file.open()
            Issue.record("a second lock was granted")
        } catch {
            #expect(error == .locked(path: file.path, holder: getpid()))
            #expect(error.message.en.contains("open in another certwiz (pid \(getpid()))"))
        }
        #expect(throws: DraftStoreError.self) { try store.remove("site") }
        first.release()
        let (_, second) = try file.open()
        #expect(second.isHeld)
    }

    /// The lock is the draft file's own: a symbolic link or a hard link to it meets the same lock,
    /// before and after saves, and every refusal names the holder's pid.
    @Test func everyPathToTheDraftMeetsTheSameLockAcrossSaves() throws {
        let file = try store.create("site", Draft(applicationType: .new))
        let (draft, lock) = try file.open()
        let symlink = DraftFile(path: folder.path + "/elsewhere.json")
        try FileManager.default.createSymbolicLink(atPath: symlink.path, withDestinationPath: file.path)
        let hardlink = DraftFile(path: store.directory + "/second-name.json")
        #expect(link(file.path, hardlink.path) == 0)
        for other in [file, symlink, hardlink] {
            #expect(throws: DraftStoreError.locked(path: other.path, holder: getpid())) { try other.open() }
        }
        // A save would split the hard link (the new file takes one name, the other keeps the old
        // version, edited apart unnoticed): refused, the file as it was.
        var edited = draft
        edited.csr.commonName = "www.example.co.jp"
        #expect(throws: DraftStoreError.hardLinked(path: file.path, links: 2)) { try file.save(edited, holding: lock) }
        #expect(try file.read() == draft)
        lock.release()
        #expect(throws: DraftStoreError.hardLinked(path: hardlink.path, links: 2)) { try hardlink.open() }
        #expect(unlink(hardlink.path) == 0)
        // A save puts a new file in place: it is locked before it gets the name.
        let (_, relocked) = try file.open()
        try file.save(edited, holding: relocked)
        #expect(throws: DraftStoreError.locked(path: symlink.path, holder: getpid())) { try symlink.open() }
        #expect(throws: DraftStoreError.locked(path: file.path, holder: getpid())) { try file.open() }
        relocked.release()
        // Saving through the link keeps the link and changes the file it points to.
        let (viaLink, linkLock) = try symlink.open()
        #expect(viaLink == edited)
        var again = edited
        again.csr.organization = Applicant.sample.nameEn
        try symlink.save(again, holding: linkLock)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: symlink.path)) == file.path)
        #expect(try file.read() == again)
    }

    /// One lock holder at a time, even when a save replaces the file between another process's
    /// open and its lock: that process then held a lock on a file that was no longer the draft,
    /// a third opened the new file freely, and one of their saves was lost.
    @Test func aLockWonOnAFileASaveReplacedIsTakenAgainOnTheNewOne() throws {
        let file = try store.create("site", Draft(applicationType: .new))
        let (draft, holder) = try file.open()
        var edited = draft
        edited.csr.commonName = "www.example.co.jp"
        let late = try DraftLock(draftPath: file.path) {
            // The holder saves (a new file takes the name) and lets go while we hold the old one
            // open (once: the next attempt opens the new file).
            guard holder.isHeld else { return }
            try? file.save(edited, holding: holder)
            holder.release()
        }
        #expect(late.isHeld)
        #expect(throws: DraftStoreError.locked(path: file.path, holder: getpid())) { try file.open() }
        var mine = try file.read()
        #expect(mine == edited, "the late opener reads what the holder saved")
        mine.csr.organization = Applicant.sample.nameEn
        try file.save(mine, holding: late)
        #expect(try file.read() == mine)
    }

    /// The same under load: 20 threads at once (flock locks belong to open files, so threads
    /// contend as processes do), 100 rounds, each setting its own field; every set that reported
    /// success is in the draft at the end of its round.
    @Test func everySuccessfulSetSurvivesTwentyAtOnce() throws {
        let file = try store.create("site", Draft(applicationType: .new))
        let writers = 20, rounds = 100
        // Text fields with no side effect on each other (typing over a certificate's reading
        // drops its fingerprint, so those are left out).
        let paths = Array(DraftFields.all.filter { $0.kind == .text && !$0.path.hasPrefix("currentCertificate.") }.prefix(writers).map(\.path))
        #expect(paths.count == writers)
        var lost: [String] = []
        for round in 0..<rounds {
            let succeeded = Mutex<[Int]>([])
            let group = DispatchGroup()
            let start = DispatchSemaphore(value: 0)
            for writer in 0..<writers {
                group.enter()
                Thread.detachNewThread {
                    defer { group.leave() }
                    start.wait()
                    guard let (draft, lock) = try? file.open() else { return }
                    defer { lock.release() }
                    guard let edited = try? draft.setting(paths[writer], to: .string("r\(round)-w\(writer)")),
                          (try? file.save(edited, holding: lock)) != nil else { return }
                    succeeded.withLock { $0.append(writer) }
                }
            }
            for _ in 0..<writers { start.signal() }
            group.wait()
            let final = try file.read()
            for writer in succeeded.withLock({ $0 })
            where DraftFields.field(paths[writer])?.value(in: final) != .string("r\(round)-w\(writer)") {
                lost.append("round \(round): writer \(writer)")
            }
        }
        #expect(lost.isEmpty, "successful sets lost: \(lost)")
    }

    /// No lock file is made, so a link planted at the old lock file's name (`.NAME.json.lock`)
    /// is never followed, created through or written.
    @Test func aLinkAtTheOldLockFileNameIsNeverWritten() throws {
        let file = try store.create("site", Draft())
        let victim = folder.path + "/victim.txt"
        try "precious\n".write(toFile: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: store.directory + "/.site.json.lock", withDestinationPath: victim)
        try FileManager.default.createSymbolicLink(atPath: store.directory + "/.other.json.lock", withDestinationPath: folder.path + "/created-through-link")
        let (draft, lock) = try file.open()
        try file.save(draft, holding: lock)
        lock.release()
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/created-through-link"))
    }

    /// A save killed between writing and renaming leaves `.NAME.json.tmp-PID-N` (a whole copy of
    /// the draft): the next open in the folder removes every such file whose process is gone, and
    /// never one of a live process.
    @Test func aDeadSavesTemporaryFileIsRemovedOnTheNextOpen() throws {
        let file = try store.create("site", Draft())
        let dead = try deadPid()
        let leftover = store.directory + "/.site.json.tmp-\(dead)-12345"
        let living = store.directory + "/.site.json.tmp-\(getppid())-777"
        let otherDraft = store.directory + "/.other.json.tmp-\(dead)-1"
        for path in [leftover, living, otherDraft] { try "{}".write(toFile: path, atomically: false, encoding: .utf8) }
        let (_, lock) = try file.open()
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(FileManager.default.fileExists(atPath: living), "a live process's file is not touched")
        #expect(!FileManager.default.fileExists(atPath: otherDraft), "a dead save's file goes whichever draft it was for")
    }

    /// Only a save's temporary name yields a process; a draft, a hidden file or a name that merely
    /// contains the marker in the wrong place never does (that would delete someone's file).
    @Test func onlyASavesTemporaryNameNamesItsProcess() {
        #expect(DraftFile.savingProcess(ofTemporary: ".site.json.tmp-4321-99") == 4321)
        #expect(DraftFile.savingProcess(ofTemporary: ".申請.json.tmp-77-1") == 77)
        for name in ["site.json", "site.json.tmp-12-1", ".", "..", ".json.tmp-", ".json.tmp-5-1", ".site.json.tmp-", ".site.json.tmp-x-1",
                     ".site.json.tmp--1", ".site.json"] {
            #expect(DraftFile.savingProcess(ofTemporary: name) == nil, "\(name)")
        }
    }

    /// A pid that no process has: a child that has exited and been reaped.
    func deadPid() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func aCorruptDraftIsReportedAndLeftAlone() throws {
        try AtomicFile.makeDirectories(store.directory)
        let path = store.directory + "/broken.json"
        let junk = Array(#"{"csr": {"commonName": "www.exa"#.utf8)
        try AtomicFile.write(junk, to: path)
        let file = try store.file(named: "broken")
        do {
            _ = try file.open()
            Issue.record("a corrupt draft was opened")
        } catch {
            guard case .unreadable(let p, _) = error else { Issue.record("\(error)"); return }
            #expect(p == path)
            #expect(error.message.en.contains(path) && error.message.en.contains("left as it is"))
        }
        #expect(try AtomicFile.read(path) == junk)
        // It is listed, marked broken, beside the good ones, and a fresh draft can start beside it.
        _ = try store.create("fresh", Draft())
        let listings = try store.list()
        #expect(Set(listings.map(\.file.name)) == ["broken", "fresh"])
        #expect(listings.contains { $0.file.name == "broken" && (try? $0.content.get()) == nil })
    }

    @Test func namesAreChecked() {
        for bad in ["", "a/b", ".hidden", "tab\there"] {
            #expect(throws: DraftStoreError.self) { try store.file(named: bad) }
        }
        #expect((try? store.file(named: "本社サイト-2026")) != nil)
    }

    @Test func removesADraftAndItsLock() throws {
        let file = try store.create("old", Draft())
        try store.remove("old")
        #expect(!file.exists)
        #expect(throws: DraftStoreError.notFound(path: file.path)) { try store.remove("old") }
    }

    @Test func listsNothingWhenThereIsNoFolderYet() throws {
        #expect(try store.list().isEmpty)
    }
}

@Suite struct DraftLocationTests {
    let folder = TemporaryFolder()
    var store: DraftStore { DraftStore(directory: folder.path + "/drafts") }

    @Test func namesAndPathsAreToldApart() throws {
        #expect(try store.locate("site").path == folder.path + "/drafts/site.json")
        #expect(try store.locate("/tmp/x.json").path == "/tmp/x.json")
        #expect(try store.locate("x.json").path == "x.json")
        let made = try store.locateOrCreate("new-site", type: .renewal)
        #expect(try made.read().applicationType == .renewal)
        // A missing path is not invented.
        #expect(!(try store.locateOrCreate(folder.path + "/missing.json", type: .new)).exists)
    }
}
