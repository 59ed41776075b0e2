import Foundation

/// Let's Encrypt's test ACME server (pebble) with its mock DNS (pebble-challtestsrv answering
/// 127.0.0.1 for every name), on 127.0.0.1 high ports, with External Account Binding required.
/// Started by a test and stopped by it (by PID).
public final class PebbleServer {
    public let directoryURL: String
    /// pebble's own HTTPS certificate (self-signed), for `--ca-file`.
    public let tlsCertificatePath: String
    /// The port pebble validates http-01 on: the test's responder listens here.
    public let httpPort: Int
    /// pebble's management interface: its issuing root is at `/roots/0`.
    public let managementURL: String
    /// The mock DNS's management interface (TXT records for dns-01 are set there).
    public let dnsManagementURL: String
    public static let eabKeyID = "kid-1"
    public static let eabHMACKey = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W"
    private let dns: BackgroundProgram
    private let pebble: BackgroundProgram

    public init(in directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let (port, management, dnsPort, dnsManagement, tlsPort) = (try freeLocalPort(), try freeLocalPort(), try freeLocalPort(), try freeLocalPort(), try freeLocalPort())
        httpPort = try freeLocalPort()
        tlsCertificatePath = directory + "/pebble.crt"
        let made = try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", directory + "/pebble.key",
                                "-out", tlsCertificatePath, "-subj", "/CN=localhost", "-days", "2",
                                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        guard made.status == 0 else { throw NginxServer.StartError(output: made.output) }
        let config = """
            {"pebble": {"listenAddress": "127.0.0.1:\(port)", "managementListenAddress": "127.0.0.1:\(management)",
             "certificate": "\(directory)/pebble.crt", "privateKey": "\(directory)/pebble.key",
             "httpPort": \(httpPort), "tlsPort": \(tlsPort), "ocspResponderURL": "",
             "externalAccountBindingRequired": true,
             "externalAccountMACKeys": {"\(PebbleServer.eabKeyID)": "\(PebbleServer.eabHMACKey)"}}}
            """
        try config.write(toFile: directory + "/pebble.json", atomically: true, encoding: .utf8)
        dns = try BackgroundProgram("pebble-challtestsrv", ["-defaultIPv4", "127.0.0.1", "-defaultIPv6", "", "-dns01", "127.0.0.1:\(dnsPort)",
                                                          "-http01", "", "-https01", "", "-tlsalpn01", "", "-management", "127.0.0.1:\(dnsManagement)"])
        // No waiting in the validation authority, and one nonce in five refused (badNonce is retried).
        pebble = try BackgroundProgram("pebble", ["-config", directory + "/pebble.json", "-dnsserver", "127.0.0.1:\(dnsPort)"],
                                       environment: ["PEBBLE_VA_NOSLEEP": "1", "PEBBLE_WFE_NONCEREJECT": "20"])
        directoryURL = "https://127.0.0.1:\(port)/dir"
        managementURL = "https://127.0.0.1:\(management)"
        dnsManagementURL = "http://127.0.0.1:\(dnsManagement)"
        guard waitUntilListening(port), waitUntilListening(dnsManagement) else {
            throw NginxServer.StartError(output: "pebble did not start: " + pebble.outputText + dns.outputText)
        }
    }

    /// pebble's issuing root (PEM), read from its management interface.
    public func issuingRoot() throws -> String {
        let script = "import ssl,sys,urllib.request; c=ssl.create_default_context(cafile=sys.argv[2]); print(urllib.request.urlopen(sys.argv[1], context=c).read().decode())"
        let result = try run(["python3", "-c", script, managementURL + "/roots/0", tlsCertificatePath])
        guard result.status == 0, result.output.contains("BEGIN CERTIFICATE") else { throw NginxServer.StartError(output: result.output) }
        return result.output
    }

    /// Publishes a TXT record in the mock DNS, as the applicant would in theirs.
    public func setTXT(_ name: String, _ value: String) throws {
        let script = "import json,sys,urllib.request; urllib.request.urlopen(urllib.request.Request(sys.argv[1] + '/set-txt', data=json.dumps({'host': sys.argv[2], 'value': sys.argv[3]}).encode(), method='POST'))"
        let result = try run(["python3", "-c", script, dnsManagementURL, name + ".", value])
        guard result.status == 0 else { throw NginxServer.StartError(output: result.output) }
    }

    public func stop() {
        pebble.stop()
        dns.stop()
    }

    deinit { stop() }
}
