import Foundation
import Testing
import TestSupport
@testable import CertWizardApp
@testable import CertWizardCore

@Suite struct DraftSaverTests {
    let folder = TemporaryFolder()

    private func openDraft() throws -> (DraftFile, DraftLock) {
        let store = DraftStore(directory: folder.path + "/drafts")
        let file = try store.create("site", Draft(applicationType: .new))
        let (_, lock) = try file.open()
        return (file, lock)
    }

    @Test func theNewestDraftHandedOverIsOnDiskAfterFlush() throws {
        let (file, lock) = try openDraft()
        let saver = DraftSaver(file: file, lock: lock)
        var draft = Draft(applicationType: .new)
        // A burst of edits, as fast typing gives: only the order matters, never an older one last.
        for length in 1...200 {
            draft.csr.commonName = String(repeating: "w", count: length)
            saver.save(draft)
        }
        #expect(saver.flush() == nil)
        #expect(try file.read().csr.commonName == String(repeating: "w", count: 200))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/drafts").filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aFailedSaveIsReportedOnceAndTheNextSaveStillWrites() throws {
        let (file, lock) = try openDraft()
        let saver = DraftSaver(file: file, lock: lock)
        let drafts = folder.path + "/drafts"
        // The folder replaced by a file: no temporary file can be made there, even by root.
        let kept = folder.path + "/kept"
        #expect(rename(drafts, kept) == 0)
        #expect(FileManager.default.createFile(atPath: drafts, contents: Data()))
        var draft = Draft(applicationType: .new)
        draft.csr.commonName = "www.example.co.jp"
        saver.save(draft)
        let failure = saver.flush()
        #expect(failure != nil)
        #expect(saver.takeFailure() == nil, "reported once")
        #expect(unlink(drafts) == 0 && rename(kept, drafts) == 0)
        #expect(try file.read().csr.commonName == nil)
        saver.save(draft)
        #expect(saver.flush() == nil)
        #expect(try file.read().csr.commonName == "www.example.co.jp")
    }
}
