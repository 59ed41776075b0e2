#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import CertWizardCore
import CertWizardPKI
import X509

/// 5-1, receiving the certificate: what the issuer handed over (a notice mail, PEM, DER, PKCS#7)
/// is read, put leaf first, checked against the draft (its key, its CSR's names) and written
/// beside the key as `NAME.crt` and `NAME.chain.crt`; the issuance is recorded as `certwiz record
/// issued` records it. Problems with the chain (a missing intermediate, an untrusted root) are
/// reported, not refused: they are refused when installing, where they do harm.
public struct ImportCertificate: Operation {
    public let input: [UInt8]
    /// Where the input came from, for messages ("notice.eml", "pasted text").
    public let source: String
    public let draft: Draft
    public let today: CalendarDate
    /// Anchors besides the system's: `--ca-file`, the demo root.
    public let anchors: [Certificate]
    /// Where the files go when the draft has no key path (a CSR brought in).
    public let fallbackDirectory: String

    public init(input: [UInt8], source: String, draft: Draft, today: CalendarDate, anchors: [Certificate], fallbackDirectory: String) {
        self.input = input
        self.source = source
        self.draft = draft
        self.today = today
        self.anchors = anchors
        self.fallbackDirectory = fallbackDirectory
    }

    public var title: Localized { Localized("証明書を受け取っています: \(source)", "Receiving the certificate: \(source)") }
    public var timeLimit: Duration { .seconds(30) }

    /// What was imported, with the chain's problems to show.
    public struct Imported: DraftChange {
        public let recorded: EventsRecorded?
        public let certificatePath: String
        public let chainPath: String
        public let intermediates: Int
        public let wasReordered: Bool
        public let problems: [ChainCheck.Problem]
        public let alreadyThere: Bool

        public func applied(to draft: Draft) throws(ChangeRefused) -> Draft {
            guard let recorded else { return draft }
            return try recorded.applied(to: draft)
        }

        public var summary: Localized {
            if alreadyThere {
                return Localized("この証明書は受け取り済みです: \(certificatePath)", "This certificate is received already: \(certificatePath)")
            }
            let order = wasReordered ? Localized("、順序を直しました", ", put in order") : Localized("", "")
            return Localized("証明書を受け取りました: \(certificatePath) (中間 CA \(intermediates) 枚: \(chainPath)\(order.ja))",
                             "Received the certificate: \(certificatePath) (\(intermediates) intermediate(s): \(chainPath)\(order.en))")
        }
    }

    public func run(_ context: OperationContext) async throws -> Imported {
        let certificates: [Certificate]
        do { certificates = try CertificateBundle.certificates(in: input) } catch {
            throw OperationFailure.unreadable(Localized("\(source): \(error.message.ja)", "\(source): \(error.message.en)"))
        }
        let order: ChainOrder
        do { order = try ChainOrder(certificates, keyFingerprint: IssuedCertificateCheck.csrFingerprint(of: draft)) } catch {
            throw OperationFailure.failed(Localized("\(source): \(error.message.ja)", "\(source): \(error.message.en)"))
        }
        if let problem = IssuedCertificateCheck.problem(order.leaf, for: draft) ?? namesProblem(order.leaf) {
            throw OperationFailure.failed(Localized("\(source): \(problem.ja)", "\(source): \(problem.en)"))
        }
        let problems = await ChainCheck.problems(order, commonName: draft.csr.commonName, anchors: ChainCheck.Anchors(anchors))

        let leafPEM = try order.leaf.serializeAsPEM().pemString + "\n"
        let chainPEM = try order.intermediates.map { try $0.serializeAsPEM().pemString + "\n" }.joined()
        // The same certificate recorded already (the demo issuer's, or imported before): nothing to do.
        if let recordedPath = draft.issuance.certificatePath, let bytes = try? AtomicFile.read(recordedPath),
           (try? CertificateBundle.certificates(in: bytes).first) == order.leaf {
            return Imported(recorded: nil, certificatePath: recordedPath, chainPath: draft.issuance.chainPath ?? "", intermediates: order.intermediates.count,
                            wasReordered: order.wasReordered, problems: problems, alreadyThere: true)
        }
        if let refusal = refusalToRecord() { throw OperationFailure.failed(refusal) }

        let base = KeyFiles.certificateBase(for: draft, fallbackDirectory: fallbackDirectory)
        let (certificatePath, chainPath) = try context.commit { try KeyFiles.writeIssued(leafPEM: leafPEM, chainPEM: chainPEM, base: base, today: today) }
        let details = ApplicationEvent.Details(certificatePath: certificatePath, chainPath: chainPath,
                                               serialNumber: SerialNumberText.of(order.leaf.serialNumber))
        let recorded = EventsRecorded([EventsRecorded.Entry(.issued, details)], on: today,
                                      summary: Localized("記録しました: issued (\(today))", "Recorded: issued (\(today))"), issuerIfNone: "manual")
        return Imported(recorded: recorded, certificatePath: certificatePath, chainPath: chainPath, intermediates: order.intermediates.count,
                        wasReordered: order.wasReordered, problems: problems, alreadyThere: false)
    }

    /// Why the issuance cannot be recorded (checked before any file is written).
    private func refusalToRecord() -> Localized? {
        do { _ = try ApplicationEvent.issued.apply(to: draft, on: today, .init()) } catch { return error.message }
        return nil
    }

    /// Why the certificate's names are not the CSR's: every name the CSR asks for must be in it,
    /// and its subject's organization and place must be the CSR's.
    private func namesProblem(_ certificate: Certificate) -> Localized? {
        guard let pem = draft.csr.pem, let csr = DraftCheck.contents(ofCSR: pem, today: today) else { return nil }
        let wanted = Set(([csr.subject["commonName"]].compactMap { $0 } + csr.subjectAltNames).map { $0.lowercased() })
        let missing = wanted.filter { !ChainCheck.covers(certificate, $0) }.sorted()
        if !missing.isEmpty {
            return Localized("証明書に CSR の名前がありません: \(missing.joined(separator: ", "))",
                             "the certificate lacks names the CSR asks for: \(missing.joined(separator: ", "))")
        }
        let read = CurrentCertificateReader.read(certificate, source: nil, replacingCommonName: false).subject
        for (path, label) in [("organization", "O"), ("locality", "L"), ("state", "ST"), ("country", "C")] {
            guard let asked = csr.subject[path], let given = read[path], asked.lowercased() != given.lowercased() else { continue }
            return Localized("証明書の \(label) が CSR と違います (CSR: \(asked)、証明書: \(given))",
                             "the certificate's \(label) differs from the CSR's (CSR: \(asked), certificate: \(given))")
        }
        return nil
    }
}
