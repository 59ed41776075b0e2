import ACME
import Crypto
import Foundation
import Testing
import TestSupport
import SwiftASN1
import X509

/// The ACME client against a real pebble on 127.0.0.1: EAB registration, an order answered by
/// certwiz's own http-01 responder, finalize with a CSR made elsewhere, the chain downloaded.
@Suite struct ACMEClientTests {
    @Test func anOrderWithExternalAccountBindingEndsWithTheCertificateForTheCSRsKey() async throws {
        let folder = TemporaryFolder("certwiz-acme")
        let pebble = try PebbleServer(in: folder.path + "/pebble")
        defer { pebble.stop() }
        let transport = HTTPTransport(trustPEM: Array(try Data(contentsOf: URL(fileURLWithPath: pebble.tlsCertificatePath))))

        // Without the binding the CA refuses, and says why.
        let stranger = ACMEClient(directoryURL: pebble.directoryURL, accountKey: P256.Signing.PrivateKey(), transport: transport)
        do {
            _ = try await stranger.register(email: nil, eab: nil)
            Issue.record("registered without external account binding")
        } catch let problem as ACMEProblem {
            #expect(problem.type.hasSuffix(":externalAccountRequired"), "\(problem)")
        }

        let client = ACMEClient(directoryURL: pebble.directoryURL, accountKey: P256.Signing.PrivateKey(), transport: transport)
        let hmac = try #require(JWS.base64urlDecode(PebbleServer.eabHMACKey))
        let account = try await client.register(email: "admin@example.co.jp", eab: (PebbleServer.eabKeyID, hmac))
        #expect(account.hasPrefix("https://127.0.0.1:"))

        let key = P256.Signing.PrivateKey()
        let csr = try CertificateSigningRequest(
            version: .v1, subject: try DistinguishedName { CommonName("www.example.co.jp") }, privateKey: Certificate.PrivateKey(key),
            attributes: try CertificateSigningRequest.Attributes([.init(ExtensionRequest(extensions: Certificate.Extensions {
                SubjectAlternativeNames([.dnsName("www.example.co.jp"), .dnsName("example.co.jp")])
            }))]),
            signatureAlgorithm: .ecdsaWithSHA256)
        var serializer = DER.Serializer()
        try serializer.serialize(csr)

        let responder = try await HTTP01Responder.start(host: "127.0.0.1", port: pebble.httpPort)
        let (orderURL, order) = try await client.newOrder(names: ["www.example.co.jp", "example.co.jp"])
        #expect(order.status == "pending" && order.authorizations.count == 2)
        let thumbprint = JWS.thumbprint(client.accountKey.publicKey)
        for url in order.authorizations {
            let authorization = try await client.authorization(url)
            let challenge = try #require(authorization.challenges.first { $0.type == "http-01" })
            responder.serve(token: try #require(challenge.token), keyAuthorization: try #require(challenge.token) + "." + thumbprint)
            try await client.respond(to: challenge.url)
        }
        for url in order.authorizations {
            let done = try await client.poll(url, as: ACMEClient.Authorization.self, deadline: .now + .seconds(30)) { $0.status != "pending" }
            #expect(done.status == "valid", "\(done.challenges.compactMap(\.error))")
        }
        await responder.stop()
        let ready = try await client.poll(orderURL, as: ACMEClient.Order.self, deadline: .now + .seconds(30)) { $0.status != "pending" }
        #expect(ready.status == "ready")
        _ = try await client.finalize(ready.finalize, csrDER: serializer.serializedBytes)
        let valid = try await client.poll(orderURL, as: ACMEClient.Order.self, deadline: .now + .seconds(30)) { $0.status == "valid" || $0.status == "invalid" }
        let chain = try await client.certificate(try #require(valid.certificate))
        let leaf = try Certificate(pemDocument: try #require(try PEMDocument.parseMultiple(pemString: chain.pem).first))
        #expect(leaf.publicKey == Certificate.PublicKey(key.publicKey), "the certificate carries the CSR's key")
        #expect(chain.pem.components(separatedBy: "BEGIN CERTIFICATE").count >= 3, "leaf and intermediate")
    }
}

@Suite struct RenewalInformationTests {
    /// RFC 9773 §4.1's example: keyIdentifier 69:88:5B:6B:87:46:40:41:E1:B3:7B:84:7B:A0:AE:2C:DE:01:C8:D4,
    /// serial 00:87:65:43:21.
    @Test func theCertificateIdentifierIsTheRFCExample() {
        let aki: [UInt8] = [0x69, 0x88, 0x5B, 0x6B, 0x87, 0x46, 0x40, 0x41, 0xE1, 0xB3, 0x7B, 0x84, 0x7B, 0xA0, 0xAE, 0x2C, 0xDE, 0x01, 0xC8, 0xD4]
        #expect(ACMEClient.renewalCertificateID(authorityKeyIdentifier: aki, serialNumber: [0x00, 0x87, 0x65, 0x43, 0x21]) == "aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE")
    }
}
