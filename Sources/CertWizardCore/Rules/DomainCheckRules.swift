/// 3-1 (N step 2): the right to use the domain name, by approver e-mail.
public enum ApproverAddresses {
    /// The constructed mailboxes the issuer may write to (N step 2, and CA/B Forum 3.2.2.4.4).
    public static let localParts = ["admin", "administrator", "webmaster", "hostmaster", "postmaster"]

    /// The domains an approver address may use for `commonName`: its own domain (without a
    /// leading `*.`) and each parent that is not a public suffix, longest first.
    public static func domains(for commonName: String, suffixes: PublicSuffixList = .shared) -> [String] {
        var name = commonName.lowercased()
        if name.hasPrefix("*.") { name.removeFirst(2) }
        guard HostName.isValid(name) else { return [] }
        // The CN's own domain and its parents, down to (not including) its public suffix.
        let suffixLabels = suffixes.publicSuffix(of: name).split(separator: ".").count
        var labels = name.split(separator: ".").map(String.init)
        var result: [String] = []
        while labels.count > suffixLabels {
            result.append(labels.joined(separator: "."))
            labels.removeFirst()
        }
        return result
    }

    /// Every allowed approver address for `commonName`, in the order the wizard offers them.
    public static func all(for commonName: String, suffixes: PublicSuffixList = .shared) -> [String] {
        domains(for: commonName, suffixes: suffixes).flatMap { d in localParts.map { "\($0)@\(d)" } }
    }
}

enum DomainCheckRules {
    static let approver = Rule(codes: ["approver-email-not-allowed", "whois-email-retired"]) { context in
        let check = context.draft.domainCheck
        guard let address = check.approverEmail.nonBlank, EmailAddress.problem(address) == nil else { return [] }
        if let source = check.approverSource, source != .constructed {
            return [Finding(.warning, "whois-email-retired", field: "domainCheck.approverEmail", Localized(
                "WHOIS の連絡先アドレスによるドメイン確認は 2025 年 7 月に廃止されました。admin@ などの構成アドレスか DNS・HTTP による確認を選んでください",
                "Domain checks by e-mail to WHOIS contacts were retired in July 2025; choose a constructed address (admin@ ...) or a DNS or HTTP method"))]
        }
        let parts = address.lowercased().split(separator: "@").map(String.init)
        let local = parts[0], domain = parts[1]
        guard let cn = context.draft.csr.commonName.nonBlank, HostName.isValid(cn) else { return [] }
        let allowedDomains = ApproverAddresses.domains(for: cn, suffixes: context.publicSuffixes)
        if ApproverAddresses.localParts.contains(local), allowedDomains.contains(domain) { return [] }
        let example = allowedDomains.first.map { "admin@\($0)" } ?? "admin@example.co.jp"
        let reason: Localized
        if !ApproverAddresses.localParts.contains(local) {
            reason = Localized("@ の前は admin、administrator、webmaster、hostmaster、postmaster のいずれかです",
                               "the part before '@' must be admin, administrator, webmaster, hostmaster or postmaster")
        } else if context.publicSuffixes.isPublicSuffix(domain) {
            reason = Localized("「\(domain)」は誰でも登録できる公開サフィックスで、承認者のドメインにはなれません",
                               "'\(domain)' is a public suffix, which can never be an approver's domain")
        } else {
            reason = Localized("「\(domain)」はコモンネーム「\(cn)」のドメインでもその親ドメインでもありません",
                               "'\(domain)' is neither the domain of the Common Name '\(cn)' nor a parent of it")
        }
        return [Finding(.error, "approver-email-not-allowed", field: "domainCheck.approverEmail", Localized(
            "承認者アドレス「\(address)」は使えません: \(reason.ja)。例: \(example)",
            "the approver address '\(address)' is not allowed: \(reason.en). Example: \(example)"))]
    }

    static let all: [Rule] = [ContactRules.email("domainCheck.approverEmail") { $0.domainCheck.approverEmail }, approver]
}
