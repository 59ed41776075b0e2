import CertWizardCore
import Synchronization

/// Every rule for a draft, with its CSR read: what `validate`, `submit`, the wizard and plain mode
/// all ask, so the CSR is checked against the fields everywhere.
public enum DraftCheck {
    /// All findings for `draft` as of `today`: the core's rules with the CSR's contents, and the
    /// inspector's own findings for a loaded or pasted CSR (a weak key, a bad signature, not a CSR).
    public static func findings(for draft: Draft, today: CalendarDate) -> [Finding] {
        guard let pem = draft.csr.pem, !pem.trimmed.isEmpty else { return Validator.findings(for: draft, today: today) }
        let inspected = inspection(of: pem, today: today)
        let contents = try? inspected.get()
        var findings = Validator.findings(for: draft, today: today, csr: contents.map(\.contents))
        // A CSR made here was checked as it was made; one brought in says what is wrong with it.
        guard draft.csr.origin == .existing else { return findings }
        switch inspected {
        case .success(let read):
            findings += read.inspectorFindings.map { Finding($0.severity, $0.code, field: "csr.pem", $0.message) }
        case .failure(let error):
            findings.append(Finding(.error, "csr-unreadable", field: "csr.pem",
                                    Localized("CSR として読めません: \(error.message.ja)", "Not a readable CSR: \(error.message.en)")))
        }
        return findings
    }

    /// What a CSR says, nil when the text is not a CSR at all.
    public static func contents(ofCSR pem: String, today: CalendarDate) -> CSRContents? {
        try? inspection(of: pem, today: today).get().contents
    }

    /// A CSR read once: what the rules compare, and the inspector's findings that make it unusable.
    struct Inspection: Sendable {
        let contents: CSRContents
        let inspectorFindings: [Finding]
    }

    /// The CSR read, or why it is not one. The last answer is kept: the wizard asks on every
    /// keystroke and the CSR rarely changes.
    static func inspection(of pem: String, today: CalendarDate) -> Result<Inspection, CSRInputError> {
        if let known = last.withLock({ $0?.pem == pem ? $0?.result : nil }) { return known }
        let result: Result<Inspection, CSRInputError>
        do throws(CSRInputError) {
            let report = try CSRInspector.inspect(Array(pem.utf8), today: today)
            let unusable = report.findings.filter { unusableCodes.contains($0.code) }
            // A CSR that cannot be parsed is reported once, by the rule's own csr-unusable.
            result = .success(Inspection(contents: CSRContents(subject: report.subject, subjectAltNames: report.subjectAltNames,
                                                               unusable: unusable.map(\.message)),
                                         inspectorFindings: unusable.filter { $0.code != "csr-unusable" }))
        } catch {
            result = .failure(error)
        }
        last.withLock { $0 = (pem, result) }
        return result
    }

    /// The inspector's findings that make a CSR unusable.
    static let unusableCodes: Set<String> = ["csr-unusable", "csr-signature-invalid", "key-too-small", "key-type-unsupported", "signature-algorithm-weak"]

    private static let last = Mutex<(pem: String, result: Result<Inspection, CSRInputError>)?>(nil)
}
