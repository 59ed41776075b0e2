import CertWizardCore
import Foundation
import Testing
import TestSupport
@testable import CertWizardPKI
import SwiftASN1
import X509

/// One parser decides: whatever a damaged CSR looks like to the lenient reader, it passes only
/// when swift-certificates parsed it and its signature verified. Every single-byte change and
/// every truncation of a real P-256 and RSA CSR is tried, and a sample is checked against openssl.
@Suite struct CSRMutationTests {
    /// True when the report lets the CSR through (no error at all).
    static func passes(_ bytes: [UInt8]) -> (passed: Bool, verified: Bool) {
        guard let report = try? CSRInspector.inspect(bytes, today: today) else { return (false, false) }
        return (!report.findings.contains { $0.severity == .error }, report.signatureValid == true)
    }

    static func mutations(of der: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        for index in der.indices {
            for change: (UInt8) -> UInt8 in [{ $0 ^ 0x01 }, { $0 ^ 0x80 }, { _ in 0x00 }, { _ in 0xFF }] {
                var copy = der
                copy[index] = change(copy[index])
                if copy != der { result.append(copy) }
            }
            if index > 0 { result.append(Array(der[..<index])) }
        }
        return result
    }

    @Test(arguments: [KeyType.p256, .rsa2048])
    func noDamagedCSRPassesWithoutAVerifiedSignature(_ type: KeyType) throws {
        let folder = TemporaryFolder()
        let made = try KeyAndCSR.make(subject, keyType: type, in: folder.path, today: today)
        let der = try CSRInspector.csrDER(from: Array(made.csrPEM.utf8))
        #expect(Self.passes(der) == (true, true), "the original passes")
        var passedUnverified = 0
        var passed = 0
        let all = Self.mutations(of: der)
        for mutated in all {
            let outcome = Self.passes(mutated)
            if outcome.passed { passed += 1 }
            if outcome.passed && !outcome.verified { passedUnverified += 1 }
        }
        #expect(all.count > 1_000)
        #expect(passedUnverified == 0, "\(passedUnverified) of \(all.count) damaged CSRs passed without a verified signature")
        // What passes is a CSR whose signature really verifies: changes in places the signature
        // does not cover (its own DER, which ECDSA tolerates in a few encodings) and nothing else.
        #expect(passed < all.count / 50, "\(passed) of \(all.count) passed")
    }

    /// The two cases found by the probe, built on purpose, and a sample cross-checked with openssl:
    /// when openssl refuses a CSR, certwiz does not pass it.
    @Test func theProbesCasesAndASampleAgreeWithOpenSSL() throws {
        let folder = TemporaryFolder()
        let made = try KeyAndCSR.make(subject, keyType: .p256, in: folder.path, today: today)
        let der = try CSRInspector.csrDER(from: Array(made.csrPEM.utf8))
        // ecdsa-with-SHA256 (1.2.840.10045.4.3.2) made unknown (…4.3.9) in the signature algorithm.
        let oid: [UInt8] = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02]
        let at = try #require(Self.lastIndex(of: oid, in: der))
        var unknownAlgorithm = der
        unknownAlgorithm[at + oid.count - 1] = 0x09
        #expect(Self.passes(unknownAlgorithm).passed == false)
        // The signature BIT STRING's inner SEQUENCE tag damaged.
        // (CertificationRequest's third element: 03 LEN 00 30 …; a P-256 signature is under 128 bytes.)
        guard case .constructed(let top) = try DER.parse(der).content else { Issue.record("not a SEQUENCE"); return }
        let signature = try #require(Array(top).last).encodedBytes
        #expect(signature[signature.startIndex] == 0x03 && signature[signature.startIndex + 3] == 0x30)
        var damagedSignature = der
        damagedSignature[signature.startIndex + 3] = 0x31
        #expect(Self.passes(damagedSignature).passed == false)

        var sample = Self.mutations(of: der).enumerated().filter { $0.offset % 37 == 0 }.map(\.element)
        sample += [unknownAlgorithm, damagedSignature]
        var disagreements: [Int] = []
        for (index, mutated) in sample.enumerated() {
            let path = folder.path + "/m\(index).der"
            try Data(mutated).write(to: URL(fileURLWithPath: path))
            let openssl = try TestSupport.openssl(["req", "-inform", "DER", "-in", path, "-verify", "-noout"])
            let opensslAccepts = openssl.status == 0 && openssl.output.contains("verify OK")
            if !opensslAccepts && Self.passes(mutated).passed { disagreements.append(index) }
        }
        #expect(disagreements.isEmpty, "openssl refused but certwiz passed: samples \(disagreements) of \(sample.count)")
    }

    static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).last { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
