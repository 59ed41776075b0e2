import Foundation
import Testing
import TestSupport
@testable import CertWizardCore

@Suite struct DraftCodecTests {
    func decode(_ json: String) throws(DraftReadError) -> Draft { try DraftCodec.decode(Array(json.utf8)) }

    @Test func roundTripsAWholeDraft() throws {
        var d = completeDraft(.renewal)
        d.timeline = [TimelineEvent(date: date("2026-11-22"), event: "submitted", note: "注文番号 123")]
        let again = try DraftCodec.decode(DraftCodec.encode(d))
        #expect(again == d)
    }

    @Test func writesTheDocumentedPathsInCamelCase() {
        let json = String(decoding: DraftCodec.encode(completeDraft(.renewal)), as: UTF8.self)
        for key in ["\"schemaVersion\" : 1", "\"applicationType\" : \"renewal\"", "\"corporateNumber\"", "\"commonName\"",
                    "\"subjectAltNames\"", "\"keyType\" : \"rsa2048\"", "\"notBefore\" : \"2026-01-10\"",
                    "\"fullTimeEmployee\" : true", "\"belongsToApplicant\"", "\"product\" : \"secure\"",
                    "\"method\" : \"bankTransfer\"", "\"plannedDate\" : \"2026-11-30\""] {
            #expect(json.contains(key), "\(key)")
        }
    }

    @Test func aHandWrittenPartialDraftLoadsAndValidates() throws {
        let d = try decode(#"{"csr": {"commonName": "www.example.co.jp", "country": "JP"}, "order": {"express": true}}"#)
        #expect(d.csr.commonName == "www.example.co.jp")
        #expect(d.order.express == true)
        #expect(d.schemaVersion == Draft.currentSchemaVersion)
        #expect(codes(d).contains("application-type-missing"))
        #expect(!codes(d).contains("cn-missing"))
        #expect(try decode("{}") == Draft())
    }

    @Test func emptyAndTruncatedFilesAreReported() {
        #expect(throws: DraftReadError.empty) { try decode("") }
        #expect(throws: DraftReadError.empty) { try decode(" \n") }
        do {
            _ = try decode(#"{"csr": {"commonName": "www.ex"#)
            Issue.record("a truncated draft was read")
        } catch {
            guard case .notJSON = error else { Issue.record("\(error)"); return }
            #expect(error.message.en.contains("not valid JSON"))
        }
    }

    @Test func aWrongValueIsReportedWithItsPath() {
        func shapeError(_ json: String) -> (String, String)? {
            do { _ = try decode(json); return nil } catch {
                if case .wrongShape(let path, let detail) = error { return (path, detail.en) }
                return nil
            }
        }
        #expect(shapeError(#"{"csr": {"keyType": "rsa1024"}}"#)?.0 == "csr.keyType")
        #expect(shapeError(#"{"order": {"licenses": "two"}}"#)?.0 == "order.licenses")
        #expect(shapeError(#"{"currentCertificate": {"notAfter": "2026/11/22"}}"#)?.1.contains("YYYY-MM-DD") == true)
        #expect(shapeError(#"{"csr": {"subjectAltNames": ["a.example.jp", 3]}}"#)?.0 == "csr.subjectAltNames[1]")
        #expect(shapeError(#"{"csr": "www.example.co.jp"}"#)?.0 == "csr")
    }

    @Test func aNewerSchemaIsRefusedEvenIfItsShapeIsNew() {
        #expect(throws: DraftReadError.newerSchema(found: 2, supported: 1)) {
            try decode(#"{"schemaVersion": 2, "csr": {"keyType": "ml-dsa-65"}}"#)
        }
    }
}

@Suite struct DraftSchemaTests {
    @Test func knowsEveryDocumentedPath() {
        let documented = """
        applicationType organization.nameJa organization.nameEn organization.corporateNumber organization.phone
        csr.commonName csr.organization csr.organizationalUnit csr.locality csr.state csr.country csr.subjectAltNames
        csr.keyType csr.serverSoftware currentCertificate.commonName currentCertificate.notBefore currentCertificate.notAfter
        applicantInCharge.name applicantInCharge.email applicantInCharge.phone applicantInCharge.fullTimeEmployee
        technicalContact.company technicalContact.name technicalContact.email technicalContact.phone
        technicalContact.belongsToApplicant order.product order.express order.licenses payment.method payment.plannedDate
        payment.deferred domainCheck.whoisMatches domainCheck.method domainCheck.approverEmail
        """.split(whereSeparator: \.isWhitespace).map(String.init)
        for path in documented { #expect(DraftSchema.field(path) != nil, "\(path)") }
        #expect(DraftSchema.field("csr.keyType")?.kind == .choice(["rsa2048", "rsa3072", "rsa4096", "p256", "p384"]))
        #expect(DraftSchema.field("order.express")?.kind == .flag)
        #expect(DraftSchema.field("payment.plannedDate")?.kind == .date)
        #expect(DraftSchema.field("schemaVersion") == nil)
    }

    @Test func setsAndReadsByPath() throws {
        var d = Draft()
        d = try d.setting("csr.commonName", to: .string("www.example.co.jp"))
        d = try d.setting("order.express", to: .bool(true))
        d = try d.setting("csr.subjectAltNames", to: .array([.string("a.example.jp")]))
        d = try d.setting("payment.plannedDate", to: .string("2026-12-01"))
        #expect(d.csr.commonName == "www.example.co.jp" && d.order.express == true)
        #expect(d.payment.plannedDate == date("2026-12-01"))
        #expect(try d.value(at: "csr.subjectAltNames") == .array([.string("a.example.jp")]))
        d = try d.setting("csr.commonName", to: .null)
        #expect(d.csr.commonName == nil)
        #expect(try d.value(at: "csr.commonName") == nil)
    }

    @Test func listsEveryLeafOfTheModelOnce() {
        #expect(DraftFields.all.map(\.path) == DraftSchema.reflectedPaths())
    }

    /// Each descriptor's key path and string path name the same field: a value set through the
    /// key path is saved at the string path in the draft's JSON, and read back from it.
    @Test(arguments: DraftFields.all.map(\.path))
    func keyPathAndStringPathNameTheSameField(_ path: String) throws {
        let field = try #require(DraftFields.field(path))
        let value: JSONValue
        switch field.kind {
        case .text: value = .string("x-\(path)")
        case .flag: value = .bool(true)
        case .integer: value = .int(7)
        case .date: value = .string("2026-12-01")
        case .list: value = .array([.string("a"), .string("b")])
        case .choice(let values): value = .string(values.last!)
        }
        var draft = Draft()
        try field.set(value, in: &draft)
        let saved = try JSONDecoder().decode(JSONValue.self, from: Data(DraftCodec.encode(draft)))
        var node = saved
        for key in path.split(separator: ".") {
            guard case .object(let members) = node, let child = members[String(key)] else {
                Issue.record("\(path) is not where the JSON puts it: \(saved)")
                return
            }
            node = child
        }
        #expect(node == value)
        let reloaded = try DraftCodec.decode(DraftCodec.encode(draft))
        #expect(field.value(in: reloaded) == value)
        try field.set(.null, in: &draft)
        #expect(draft == Draft())
    }

    @Test func refusesUnknownPathsAndWrongValues() {
        #expect(throws: DraftPathError.unknownPath("csr.cn")) { try Draft().setting("csr.cn", to: .string("x")) }
        #expect(throws: DraftPathError.self) { try Draft().setting("csr.keyType", to: .string("rsa1024")) }
        #expect(throws: DraftPathError.self) { try Draft().setting("order.licenses", to: .string("2")) }
        #expect(throws: DraftPathError.self) { try Draft().setting("payment.plannedDate", to: .string("tomorrow")) }
    }

    @Test func parsesTypedText() throws {
        #expect(try DraftSchema.field("order.express")!.parse("yes") == .bool(true))
        #expect(try DraftSchema.field("order.licenses")!.parse("3") == .int(3))
        #expect(try DraftSchema.field("csr.subjectAltNames")!.parse("a.example.jp, b.example.jp") ==
                .array([.string("a.example.jp"), .string("b.example.jp")]))
        #expect(try DraftSchema.field("csr.commonName")!.parse("") == .null)
        #expect(throws: DraftPathError.self) { try DraftSchema.field("order.express")!.parse("maybe") }
    }
}

@Suite struct JSONDiagnosisTests {
    @Test func tellsWhatIsWrongWithTheBytes() {
        func said(_ text: String) -> String { JSONDiagnosis.describe(Array(text.utf8)).en }
        #expect(said("{\"csr\": {\n\"commonName\": \"w") .contains("cut off at line 2"))
        #expect(said("{\"csr\": {}} junk").contains("more after the JSON closes at line 1"))
        #expect(said("csr: x").contains("does not begin with '{'"))
        #expect(said("{\"a\" 1}").contains("syntax"))
        #expect(JSONDiagnosis.describe([0x7B, 0x00, 0x7D]).en.contains("not text"))
    }
}

