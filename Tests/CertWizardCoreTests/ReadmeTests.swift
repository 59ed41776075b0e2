import Testing
import TestSupport
@testable import CertWizardCore

#if canImport(Glibc)
import Glibc
#endif

@Suite struct ReadmeTests {
    /// The README's rule table is what script writers read: every code a rule can
    /// report must be in it.
    @Test func everyRuleCodeIsDocumented() throws {
        let root = String(#filePath.split(separator: "/Tests/").first!)
        let readme = String(decoding: try AtomicFile.read(root + "/README.md"), as: UTF8.self)
        for code in Validator.allCodes {
            #expect(readme.contains("`\(code)`"), "README.md does not document \(code)")
        }
    }
}
