/// What the draft's CSR says, as the PKI module reads it (the core parses no ASN.1). Rules compare
/// it with the fields, so a CSR that disagrees with what the screens show never reaches the CA.
public struct CSRContents: Equatable, Sendable {
    /// The subject by CSR field name: commonName, organization, organizationalUnit, locality, state, country.
    public var subject: [String: String]
    public var subjectAltNames: [String]
    /// Why the CSR cannot be used (it does not parse, its signature is invalid, its key is too
    /// small or unsupported); empty when it can.
    public var unusable: [Localized]

    public init(subject: [String: String], subjectAltNames: [String], unusable: [Localized] = []) {
        self.subject = subject
        self.subjectAltNames = subjectAltNames
        self.unusable = unusable
    }
}

/// The CSR and the draft never disagree: a CSR made here that the fields have moved away from is
/// stale; a loaded or pasted one that says something else is a mismatch; one that cannot be used
/// says why. `submit` refuses all three (they are errors).
enum CSRAgreementRules {
    static let agreement = Rule(codes: ["csr-unusable", "csr-stale", "csr-subject-mismatch"]) { context in
        let request = context.draft.csr
        guard let csr = context.csr, request.pem.nonBlank != nil else { return [] }
        if !csr.unusable.isEmpty {
            return [Finding(.error, "csr-unusable", field: "csr.pem", Localized(
                "この CSR は使えません: " + csr.unusable.map(\.ja).joined(separator: "、"),
                "this CSR cannot be used: " + csr.unusable.map(\.en).joined(separator: "; ")))]
        }
        // Made here (the draft names its key): the fields were edited since. Otherwise: loaded or pasted.
        let madeHere = request.origin == .generateHere && request.keyPath != nil
        var findings: [Finding] = []
        func differs(_ path: String, field: String?, csrSays: String?) {
            let label = FieldLabels.label(path)
            let said = csrSays ?? ""
            let typed = field ?? ""
            if madeHere {
                findings.append(Finding(.error, "csr-stale", field: path, Localized(
                    "「\(label.ja)」が鍵と CSR を作った後に変わりました (CSR: 「\(said)」、入力: 「\(typed)」)。1-2 の画面で鍵と CSR を作り直してください (certwiz csr new --new-key)",
                    "\(label.en) was edited after the key and CSR were made (the CSR says '\(said)', the field '\(typed)'): make a new key and CSR on the 1-2 screen (certwiz csr new --new-key)")))
            } else {
                findings.append(Finding(.error, "csr-subject-mismatch", field: path, Localized(
                    "CSR の「\(label.ja)」は「\(said)」で、入力の「\(typed)」と違います。入力を直すか、正しい CSR を読み込んでください",
                    "the CSR says '\(said)' for \(label.en), the field says '\(typed)': correct the field or load the right CSR")))
            }
        }
        for (name, keyPath) in Draft.subjectFields {
            let path = "csr.\(name)"
            let field = context.draft[keyPath: keyPath].nonBlank
            let said = csr.subject[name].nonBlank
            // A loaded CSR with a field left empty is the required-field rules' business.
            if field == nil && !madeHere { continue }
            if field != said { differs(path, field: field, csrSays: said) }
        }
        // The names the certificate will cover: the CN and the SANs, in any order and case.
        func names(_ cn: String?, _ sans: [String]) -> Set<String> {
            Set((sans + [cn].compactMap { $0 }).map { $0.lowercased() })
        }
        let typedNames = names(request.commonName.nonBlank, request.subjectAltNames ?? [])
        let csrNames = names(csr.subject["commonName"].nonBlank, csr.subjectAltNames)
        if (madeHere || request.subjectAltNames != nil), typedNames != csrNames {
            differs("csr.subjectAltNames", field: typedNames.sorted().joined(separator: ", "), csrSays: csrNames.sorted().joined(separator: ", "))
        }
        return findings
    }

    static let all: [Rule] = [agreement]
}
