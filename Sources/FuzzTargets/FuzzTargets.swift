import CertWizardApp
import CertWizardCore
import CertWizardPKI

/// The parsers hostile input reaches, behind one entry point for the fuzzer (`Benchmarks/fuzz`)
/// and for the test that replays its corpus and every crash it found. The first byte of an input
/// picks the parser; the rest is the input. Besides "never crash", each checks an invariant:
/// a CSR passes only with a verified signature; a draft that loads saves and loads back the same.
public enum FuzzTargets {
    public enum Parser: UInt8, CaseIterable, Sendable {
        case csr, certificate, pem, draft, answers, mail
    }

    static let today = CalendarDate(iso8601: "2026-11-24")!

    /// The parser an input goes to, and the bytes it gets.
    public static func split(_ input: [UInt8]) -> (Parser, [UInt8])? {
        guard let first = input.first else { return nil }
        return (Parser(rawValue: first % UInt8(Parser.allCases.count))!, Array(input.dropFirst()))
    }

    /// Runs one input; a broken invariant stops the process (the fuzzer records it as a crash).
    public static func run(_ input: [UInt8]) {
        guard let (parser, bytes) = split(input) else { return }
        switch parser {
        case .csr:
            if let report = try? CSRInspector.inspect(bytes, today: today), !report.findings.contains(where: { $0.severity == .error }) {
                precondition(report.signatureValid == true, "a CSR passed without a verified signature")
            }
        case .certificate:
            _ = try? CertificateBundle.certificates(in: bytes)
            _ = CurrentCertificateReader.certificate(from: bytes)
        case .pem:
            if let text = String(validating: bytes, as: UTF8.self) { _ = PEMScanner.blocks(in: text) }
        case .draft:
            if let draft = try? DraftCodec.decode(bytes) {
                let again = try? DraftCodec.decode(DraftCodec.encode(draft))
                precondition(again == draft, "a draft did not survive a save and a load")
            }
        case .answers:
            _ = try? AnswersFile(bytes: bytes, source: "fuzz")
        case .mail:
            if MailMessage.looksLikeMail(bytes) { _ = MailMessage.parts(of: bytes) }
        }
    }
}
