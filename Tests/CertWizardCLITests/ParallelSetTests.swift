import CertWizardCore
import Foundation
import Synchronization
import Testing
import TestSupport

/// `certwiz set` from many scripts at once (a cron job, a CI step and a person): each either
/// says the draft is busy (exit 1) or its value is in the draft afterwards. The lock's own
/// 20 x 100 stress test is in DraftStoreTests; this is the same through the real binary.
@Suite struct ParallelSetTests {
    let cli = CertWizProcess()

    @Test func twentySetsAtOnceLoseNothingThatSucceeded() throws {
        _ = try cli.run("new", "site")
        let fields = ["organization.nameJa", "organization.nameEn", "organization.address", "organization.phone", "csr.commonName",
                      "csr.organization", "csr.locality", "csr.state", "applicantInCharge.name", "applicantInCharge.department",
                      "applicantInCharge.title", "technicalContact.company", "technicalContact.name", "technicalContact.department",
                      "order.coupon", "payment.transferAccount", "installation.configPath", "installation.destination",
                      "acme.directory", "acme.webroot"]
        var lost: [String] = [], refusedOtherwise: [String] = []
        var succeededInAll = 0
        for round in 0..<5 {
            let outcomes = Mutex<[(Int, CertWizProcess.Result)]>([])
            // One thread each, so the twenty processes really run at once.
            let group = DispatchGroup()
            for writer in fields.indices {
                group.enter()
                Thread.detachNewThread { [cli] in
                    defer { group.leave() }
                    guard let result = try? cli.run("set", "--draft", "site", "\(fields[writer])=r\(round)w\(writer)") else { return }
                    outcomes.withLock { $0.append((writer, result)) }
                }
            }
            group.wait()
            let draft = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
            for (writer, result) in outcomes.withLock({ $0 }) {
                if result.status == 0 {
                    succeededInAll += 1
                    if try draft.value(at: fields[writer]) != .string("r\(round)w\(writer)") { lost.append("round \(round) \(fields[writer])") }
                } else if !result.stderr.contains("open in another certwiz") {
                    refusedOtherwise.append(result.stderr)
                }
            }
        }
        #expect(lost.isEmpty, "successful sets lost: \(lost)")
        #expect(refusedOtherwise.isEmpty, "\(refusedOtherwise)")
        #expect(succeededInAll >= 5, "at least one set a round gets through")
    }

    /// A second name made with `ln` would be split from the draft by the next save: refused,
    /// with the way out.
    @Test func aHardLinkedDraftIsRefusedNamingSymbolicLinks() throws {
        _ = try cli.run("new", "site")
        #expect(link(cli.draftsDirectory + "/site.json", cli.draftsDirectory + "/copy.json") == 0)
        let result = try cli.run("set", "--draft", "copy", "csr.locality=Chuo-ku", "--lang", "en")
        #expect(result.status == 1 && result.stderr.contains("hard links") && result.stderr.contains("ln -s"), "\(result.stderr)")
        #expect(try DraftCodec.decode(Array(try cli.read("site.json").utf8)).csr.locality == nil)
    }
}
