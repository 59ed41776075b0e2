import Testing
import TestSupport
@testable import CertWizardCore

@Suite struct PublicSuffixListTests {
    @Test func theBuiltInListKnowsJapan() {
        let list = PublicSuffixList.builtIn
        for suffix in ["jp", "co.jp", "ne.jp", "or.jp", "tokyo.jp", "osaka.jp", "com", "co.uk"] {
            #expect(list.isPublicSuffix(suffix), "\(suffix)")
        }
        for domain in ["example.co.jp", "example.jp", "example.com"] {
            #expect(!list.isPublicSuffix(domain), "\(domain)")
        }
        #expect(ApproverAddresses.domains(for: "www.shop.example.co.jp", suffixes: list)
                == ["www.shop.example.co.jp", "shop.example.co.jp", "example.co.jp"])
    }

    @Test func readsWildcardAndExceptionRules() {
        let list = PublicSuffixList(listText: """
        // comment
        jp
        *.kawasaki.jp
        !city.kawasaki.jp
        """)
        #expect(list.isPublicSuffix("nakahara.kawasaki.jp"))
        #expect(!list.isPublicSuffix("city.kawasaki.jp"))
        #expect(ApproverAddresses.domains(for: "www.city.kawasaki.jp", suffixes: list) == ["www.city.kawasaki.jp", "city.kawasaki.jp"])
        #expect(ApproverAddresses.domains(for: "www.foo.nakahara.kawasaki.jp", suffixes: list) == ["www.foo.nakahara.kawasaki.jp", "foo.nakahara.kawasaki.jp"])
    }

    @Test func theSharedListAgreesOnTheCasesTheRulesAreTestedWith() {
        for suffix in ["co.jp", "ne.jp", "tokyo.jp", "jp"] { #expect(PublicSuffixList.shared.isPublicSuffix(suffix)) }
        #expect(!PublicSuffixList.shared.isPublicSuffix("example.co.jp"))
    }
}
