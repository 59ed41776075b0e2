/// 1-2: the CSR's Distinguished Name and subject alternative names.
enum DistinguishedNameRules {
    /// X.520 upper bounds: a CA cannot put longer values into a certificate.
    static let maxCommonName = 64
    static let maxOrganization = 64

    static let commonName = Rule(codes: ["cn-not-fqdn", "cn-too-long"]) { context in
        guard let cn = context.draft.csr.commonName.nonBlank else { return [] }
        var findings: [Finding] = []
        if let reason = HostName.problem(cn) {
            findings.append(Finding(.error, "cn-not-fqdn", field: "csr.commonName",
                                    Localized("コモンネーム (CN)「\(cn)」: \(reason.ja)", "Common Name (CN) '\(cn)' \(reason.en)")))
        }
        if cn.count > maxCommonName {
            findings.append(Finding(.error, "cn-too-long", field: "csr.commonName", Localized(
                "コモンネーム (CN) は \(maxCommonName) 文字までです (いま \(cn.count) 文字)。長い名前は SAN に入れてください",
                "Common Name (CN) can hold at most \(maxCommonName) characters (now \(cn.count)); put longer names in the SANs")))
        }
        return findings
    }

    /// O, OU, L and ST must be half-width alphanumerics: the guide's examples are all romaji.
    static func notEnglish(_ path: String, _ code: String, _ value: @escaping @Sendable (Draft) -> String?) -> Rule {
        Rule(codes: [code]) { context in
            guard let text = value(context.draft).nonBlank, let bad = text.firstNonASCII else { return [] }
            let label = FieldLabels.label(path)
            return [Finding(.error, code, field: path, Localized(
                "\(label.ja)は半角英数字で入力してください (「\(bad)」は使えません)。例: \(examples[path]!)",
                "\(label.en) must be in English (half-width ASCII); '\(bad)' is not. Example: \(examples[path]!)"))]
        }
    }

    static let examples = ["csr.organization": "Sample K.K.", "csr.organizationalUnit": "Web Sales",
                           "csr.locality": "Chuo-ku", "csr.state": "Tokyo"]

    static let organization = Rule(codes: ["organization-legal-form-missing", "organization-too-long"]) { context in
        guard let o = context.draft.csr.organization.nonBlank, o.firstNonASCII == nil else { return [] }
        var findings: [Finding] = []
        if !LegalForm.isPresent(in: o) {
            findings.append(Finding(.warning, "organization-legal-form-missing", field: "csr.organization", Localized(
                "組織名 (O)「\(o)」に法人格 (K.K.、Co., Ltd.、Inc. など) が見当たりません。正式英文名に含まれるなら入れてください",
                "Organization (O) '\(o)' has no legal form (K.K., Co., Ltd., Inc. ...); include it if the official English name has one")))
        }
        if o.count > maxOrganization {
            findings.append(Finding(.error, "organization-too-long", field: "csr.organization", Localized(
                "組織名 (O) は \(maxOrganization) 文字までです (いま \(o.count) 文字)",
                "Organization (O) can hold at most \(maxOrganization) characters (now \(o.count))")))
        }
        return findings
    }

    static let organizationalUnit = Rule(codes: ["ou-deprecated"]) { context in
        guard context.draft.csr.organizationalUnit.nonBlank != nil else { return [] }
        return [Finding(.warning, "ou-deprecated", field: "csr.organizationalUnit", Localized(
            "部署名 (OU) は 2022 年以降、公的に信頼される証明書に載りません。空欄にすることをおすすめします",
            "Organizational Unit (OU): publicly trusted certificates no longer carry OU (since 2022); leave it empty"))]
    }

    static let country = Rule(codes: ["country-invalid"]) { context in
        let c = context.draft.csr.country?.trimmed ?? ""
        if c.count == 2, c.allSatisfy({ $0.isASCII && $0.isUppercase }), ISO3166.codes.contains(c) { return [] }
        let hint: Localized
        if c.isEmpty {
            hint = Localized("未入力です", "is empty")
        } else if ISO3166.codes.contains(c.uppercased()) {
            hint = Localized("「\(c)」は大文字で「\(c.uppercased())」と入力してください", "'\(c)' must be upper case: '\(c.uppercased())'")
        } else {
            hint = Localized("「\(c)」は ISO 3166 の 2 文字の国コードではありません", "'\(c)' is not a two-letter ISO 3166 country code")
        }
        return [Finding(.error, "country-invalid", field: "csr.country",
                        Localized("国コード (C) \(hint.ja)。日本は JP です", "Country (C) \(hint.en); Japan is JP"))]
    }

    static let state = Rule(codes: ["state-not-prefecture"]) { context in
        let csr = context.draft.csr
        guard csr.country?.trimmed == "JP", let st = csr.state.nonBlank, st.firstNonASCII == nil,
              Prefecture.match(st) == nil else { return [] }
        return [Finding(.warning, "state-not-prefecture", field: "csr.state", Localized(
            "都道府県 (ST)「\(st)」は都道府県名のローマ字ではないようです (例: Tokyo)。登記上の住所と一致させてください",
            "State (ST) '\(st)' does not look like a prefecture in romaji (e.g. Tokyo); it must match the registered address"))]
    }

    static let subjectAltNames = Rule(codes: ["san-not-fqdn", "san-duplicate", "san-missing-cn"]) { context in
        let csr = context.draft.csr
        let sans = (csr.subjectAltNames ?? []).map(\.trimmed).filter { !$0.isEmpty }
        var findings: [Finding] = []
        var seen = Set<String>()
        for san in sans {
            if let reason = HostName.problem(san) {
                findings.append(Finding(.error, "san-not-fqdn", field: "csr.subjectAltNames",
                                        Localized("SAN「\(san)」: \(reason.ja)", "SAN '\(san)' \(reason.en)")))
            }
            if !seen.insert(san.lowercased()).inserted {
                findings.append(Finding(.warning, "san-duplicate", field: "csr.subjectAltNames",
                                        Localized("SAN「\(san)」が重複しています", "SAN '\(san)' is listed twice")))
            }
        }
        // With no SANs entered certwiz puts the CN in by itself; a list without it is the mistake.
        if let cn = csr.commonName.nonBlank, !sans.isEmpty, !seen.contains(cn.lowercased()) {
            findings.append(Finding(.warning, "san-missing-cn", field: "csr.subjectAltNames", Localized(
                "コモンネーム「\(cn)」が SAN にありません。ブラウザは SAN だけを見るので追加してください",
                "the Common Name '\(cn)' is not among the SANs; browsers read only the SANs, so add it")))
        }
        return findings
    }

    static let all: [Rule] = [
        commonName,
        notEnglish("csr.organization", "organization-not-english") { $0.csr.organization },
        organization,
        notEnglish("csr.organizationalUnit", "ou-not-english") { $0.csr.organizationalUnit },
        organizationalUnit,
        notEnglish("csr.locality", "locality-not-english") { $0.csr.locality },
        notEnglish("csr.state", "state-not-english") { $0.csr.state },
        state,
        country,
        subjectAltNames,
    ]
}
