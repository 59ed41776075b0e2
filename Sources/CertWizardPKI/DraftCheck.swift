import CertWizardCore
import Synchronization

/// Every rule for a draft, with its CSR read: what `validate`, `submit`, the wizard and plain mode
/// all ask, so the CSR is checked against the fields everywhere.
public enum DraftCheck {
    /// All findings for `draft` as of `today`: the core's rules with the CSR's contents, and the
    /// inspector's own findings for a loaded or pasted CSR (a weak key, a bad signature, not a CSR).
    public static func findings(for draft: Draft, today: CalendarDate) -> [Finding] {
        let csr = draft.csr.pem.flatMap { contents(ofCSR: $0, today: today) }
        return Validator.findings(for: draft, today: today, csr: csr) + CSRInspector.findings(forExistingCSRIn: draft, today: today)
    }

    /// What a CSR says, nil when the text is not a CSR at all (the inspector names what it is).
    /// The last answer is kept: the wizard asks on every keystroke and the CSR rarely changes.
    public static func contents(ofCSR pem: String, today: CalendarDate) -> CSRContents? {
        if let known = last.withLock({ $0?.pem == pem ? $0 : nil }) { return known.contents }
        let read: CSRContents?
        if let report = try? CSRInspector.inspect(Array(pem.utf8), today: today) {
            let unusable = report.findings.filter { unusableCodes.contains($0.code) }.map(\.message)
            read = CSRContents(subject: report.subject, subjectAltNames: report.subjectAltNames, unusable: unusable)
        } else {
            read = nil
        }
        last.withLock { $0 = (pem, read) }
        return read
    }

    /// The inspector's findings that make a CSR unusable.
    static let unusableCodes: Set<String> = ["csr-signature-invalid", "key-too-small", "key-type-unsupported", "signature-algorithm-weak"]

    private static let last = Mutex<(pem: String, contents: CSRContents?)?>(nil)
}
