import Foundation
import Testing
import TestSupport
@testable import CertWizardCore

@Suite struct DraftCodecTests {
    func decode(_ json: String) throws(DraftReadError) -> Draft { try DraftCodec.decode(Array(json.utf8)) }

    /// Members this certwiz does not know (a newer minor version's, a script's notes) survive every
    /// load and save, at any depth; a field certwiz knows and clears is not brought back by them.
    @Test func unknownMembersAreKeptThroughLoadAndSave() throws {
        let json = #"""
            {"schemaVersion": 1, "scriptNotes": {"owner": "ops", "ticket": 42, "tags": ["a", "b"]},
             "csr": {"commonName": "www.example.co.jp", "futureOption": true, "more": {"x": 2.5, "y": null}},
             "timeline": [{"date": "2026-11-22", "event": "submitted"}]}
            """#
        var draft = try decode(json)
        #expect(draft.csr.commonName == "www.example.co.jp")
        draft.organization.nameEn = "Sample K.K."
        draft.csr.commonName = nil
        let saved = try JSONDecoder().decode(JSONValue.self, from: Data(DraftCodec.encode(draft)))
        guard case .object(let top) = saved, case .object(let csr)? = top["csr"] else { Issue.record("\(saved)"); return }
        #expect(top["scriptNotes"] == .object(["owner": .string("ops"), "ticket": .int(42), "tags": .array([.string("a"), .string("b")])]))
        #expect(csr["futureOption"] == .bool(true) && csr["more"] == .object(["x": .double(2.5), "y": .null]))
        #expect(csr["commonName"] == nil, "a cleared field stays cleared")
        #expect(top["organization"] == .object(["nameEn": .string("Sample K.K.")]))
        // And again: a second load and save changes nothing more.
        let again = try DraftCodec.decode(DraftCodec.encode(draft))
        #expect(again == draft && DraftCodec.encode(again) == DraftCodec.encode(draft))
        // A draft with nothing unknown carries nothing.
        #expect(try decode(#"{"csr": {"commonName": "a.example.jp"}}"#).unknownMembers == nil)
    }

    /// A key written twice is an error naming the key, where it is and the line, in drafts and at any depth.
    @Test func aDuplicateKeyIsAnErrorNotAQuietChoice() {
        #expect(throws: DraftReadError.duplicateKey(JSONKeyScan.Duplicate(path: "csr.commonName", line: 3))) {
            try decode("{\"csr\": {\n  \"commonName\": \"a.example.jp\",\n  \"commonName\": \"b.example.jp\"}}")
        }
        #expect(throws: DraftReadError.duplicateKey(JSONKeyScan.Duplicate(path: "applicationType", line: 1))) {
            try decode(#"{"applicationType": "new", "applicationType": "renewal"}"#)
        }
        // A key spelled through JSON escapes is the same key, as the decoder reads it.
        #expect(throws: DraftReadError.duplicateKey(JSONKeyScan.Duplicate(path: "csr.commonName", line: 1))) {
            try decode(#"{"csr": {"commonName": "a.example.jp", "common\u004eame": "b.example.jp"}}"#)
        }
        #expect(JSONKeyScan.scan(Array(#"{"\u006b\/": 1, "k/": 2}"#.utf8)).duplicate == JSONKeyScan.Duplicate(path: "k/", line: 1))
        #expect(JSONKeyScan.scan(Array(#"{"\ud83d\ude00": 1, "😀": 2}"#.utf8)).duplicate == JSONKeyScan.Duplicate(path: "😀", line: 1))
        #expect(JSONKeyScan.scan(Array(#"{"a\"b": 1, "a\\b": 2}"#.utf8)).duplicate == nil)
        // The same key in two objects, or a string value that looks like a key, is fine.
        #expect((try? decode(#"{"organization": {"nameEn": "x"}, "csr": {"organization": "x", "commonName": "organization"}}"#)) != nil)
        #expect(JSONKeyScan.scan(Array(#"{"timeline": [{"event": "a"}, {"event": "b"}]}"#.utf8)).duplicate == nil)
        #expect(JSONKeyScan.scan(Array(#"{"a": [{"k": 1, "k": 2}]}"#.utf8)).duplicate == JSONKeyScan.Duplicate(path: "a[0].k", line: 1))
        // Deep nesting is scanned without recursion.
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(JSONKeyScan.scan(Array(deep.utf8)).duplicate == nil)
        let deepObjects = String(repeating: #"{"a": "#, count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        #expect(JSONKeyScan.scan(Array(deepObjects.utf8)).sawUnknownKey)
        #expect(throws: DraftReadError.self) { try decode(deepObjects) }
    }

    /// A value holding a terminal control (ESC, DEL, a C1 control such as CSI) never gets into a
    /// draft, and a file that has one is refused naming the field, the control shown as <U+...>.
    @Test func terminalControlsAreRefusedNamingTheField() throws {
        for (json, path) in [(#"{"organization": {"nameEn": "Evil\u001b[31m"}}"#, "organization.nameEn"),
                             ("{\"csr\": {\"commonName\": \"a\u{7F}.example.jp\"}}", "csr.commonName"),
                             ("{\"csr\": {\"subjectAltNames\": [\"ok.example.jp\", \"x\u{9B}2J.example.jp\"]}}", "csr.subjectAltNames"),
                             // The timeline is not a field, but `status` prints its events and notes.
                             (#"{"timeline": [{"date": "2026-11-20", "event": "submitted", "note": "ok"}, {"date": "2026-11-21", "event": "issued", "note": "x\u001b]0;title\u0007"}]}"#, "timeline[1].note"),
                             (#"{"timeline": [{"date": "2026-11-20", "event": "sub\u009bmitted"}]}"#, "timeline[0].event")] {
            do {
                _ = try decode(json)
                Issue.record("accepted \(path)")
            } catch {
                guard case .wrongShape(let named, let detail) = error else { Issue.record("\(error)"); continue }
                #expect(named == path)
                #expect(detail.en.contains("terminal control") && !detail.en.unicodeScalars.contains(where: TerminalControls.isControl))
            }
        }
        // Line breaks and tabs are text (a pasted PEM); \u0041 is just an escaped letter.
        let pem = try decode(#"{"csr": {"pem": "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\r\n\tx", "organization": "\u0041"}}"#)
        #expect(pem.csr.pem?.contains("\n") == true && pem.csr.organization == "A")
        // Setting one is refused before it is written.
        let draft = Draft(applicationType: .new)
        #expect(throws: DraftPathError.self) { try draft.setting("organization.nameEn", to: .string("a\u{1B}b")) }
        #expect(throws: DraftPathError.self) { try draft.setting("csr.subjectAltNames", to: .array([.string("a\u{85}")])) }
        let address = try draft.setting("organization.address", to: .string("1-2-3 Chuo\nTokyo"))
        #expect(address.organization.address == "1-2-3 Chuo\nTokyo")
    }

    /// A number of the wrong kind is named at its field, not called a syntax error; trailing text is named as such.
    @Test func wrongNumbersAndTrailingTextAreNamedForWhatTheyAre() {
        #expect(throws: DraftReadError.wrongShape(path: "order.licenses", detail: Localized("整数を指定してください (1.5)", "expected a whole number (found 1.5)"))) {
            try decode(#"{"order": {"licenses": 1.5}}"#)
        }
        do { _ = try decode(#"{"order": {"licenses": 99999999999999999999}}"#); Issue.record("decoded") } catch {
            #expect(error.message.en.contains("order.licenses: expected a whole number"), "\(error.message.en)")
        }
        do { _ = try decode("{\"order\": {\"licenses\": 1}}\n garbage") ; Issue.record("decoded") } catch {
            #expect(error.message.en.contains("there is more after the JSON closes at line 1"), "\(error.message.en)")
        }
    }

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
        #expect(DraftFields.paths == DraftFields.all.map(\.path))
        #expect(DraftFields.paths.allSatisfy(DraftFields.isField) && !DraftFields.isField("csr") && !DraftFields.isField("csr.commonname"))
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

