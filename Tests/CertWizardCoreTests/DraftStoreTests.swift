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
