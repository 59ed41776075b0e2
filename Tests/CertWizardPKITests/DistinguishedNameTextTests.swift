import CertWizardCore
@testable import CertWizardPKI
import SwiftASN1
import Testing
import TestSupport
import X509

/// Values, not renderings: each string kind a CA or an old tool writes reads as its text.
@Suite struct DistinguishedNameTextTests {
    func attribute(_ any: ASN1Any) -> RelativeDistinguishedName.Attribute.Value { .init(asn1Any: any) }

    @Test func theRFC4514EscapesAreForTheOneLineDisplayOnly() throws {
        let name = try DistinguishedName {
            CountryName("JP")
            OrganizationName(" #1 \"Mihon\" Shoji + Sons; Co., Ltd. <JP> \\ ")
            CommonName("www.example.co.jp")
        }
        let fields = DistinguishedNameText.fields(of: name)
        #expect(fields["organization"] == " #1 \"Mihon\" Shoji + Sons; Co., Ltd. <JP> \\ ")
        #expect(fields["country"] == "JP" && fields["commonName"] == "www.example.co.jp")
        #expect(DistinguishedNameText.line(name).contains(##"O=\ \#1 \"Mihon\" Shoji \+ Sons\; Co.\, Ltd. \<JP\> \\\ ,C=JP"##))
    }

    @Test func olderStringKindsAreDecoded() throws {
        let bmp = try ASN1Any(erasing: ASN1BMPString(contentBytes: [0x65, 0xE5, 0x67, 0x2C, 0x00, 0x2C]))  // 日本,
        #expect(DistinguishedNameText.value(attribute(bmp)) == "日本,")
        let universal = try ASN1Any(erasing: ASN1UniversalString(contentBytes: [0, 0, 0x30, 0x42, 0, 0, 0, 0x41]))  // あA
        #expect(DistinguishedNameText.value(attribute(universal)) == "あA")
        let teletex = try ASN1Any(erasing: ASN1TeletexString(contentBytes: [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72]))  // Müller (Latin-1)
        #expect(DistinguishedNameText.value(attribute(teletex)) == "Müller")
        let visible = try ASN1Any(erasing: ASN1VisibleString("Co., Ltd."))
        #expect(DistinguishedNameText.value(attribute(visible)) == "Co., Ltd.")
        // Not a string at all (an INTEGER where a name belongs): no value, not a made-up one.
        #expect(DistinguishedNameText.value(attribute(try ASN1Any(erasing: 42))) == nil)
        // A BMPString of odd length is damaged: no value.
        let odd = try ASN1Any(erasing: ASN1BMPString(contentBytes: [0x00, 0x41, 0x00]))
        #expect(DistinguishedNameText.value(attribute(odd)) == nil)
    }

    @Test func terminalControlsInAValueAreMadeVisible() throws {
        let name = try DistinguishedName { OrganizationName("Evil\u{1B}[31m K.K.") }
        #expect(DistinguishedNameText.fields(of: name)["organization"] == "Evil<U+001B>[31m K.K.")
    }

    @Test func theFirstOfTwoAttributesCounts() throws {
        let name = try DistinguishedName { CommonName("first.example.jp"); CommonName("second.example.jp") }
        #expect(DistinguishedNameText.fields(of: name)["commonName"] == "first.example.jp")
        #expect(DistinguishedNameText.commonName(of: name) == "first.example.jp")
    }
}
