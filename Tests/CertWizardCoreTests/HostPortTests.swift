import Testing
@testable import CertWizardCore

/// The one parser of what people type for a server and what `listen` lines say.
@Suite struct HostPortTests {
    @Test(arguments: [("www.example.co.jp", "www.example.co.jp", 443), ("www.example.co.jp:8443", "www.example.co.jp", 8443),
                      ("192.0.2.10:443", "192.0.2.10", 443), ("[2001:db8::1]:8443", "2001:db8::1", 8443),
                      ("[::1]", "::1", 443), ("2001:db8::1", "2001:db8::1", 443), ("*:443", "*", 443)])
    func reads(_ text: String, _ host: String, _ port: Int) {
        let parsed = HostPort(text)
        #expect(parsed?.host == host && parsed?.port == port, "\(text)")
    }

    @Test(arguments: ["", ":443", "host:", "host:0", "host:65536", "host:https", "[::1]x", "[::1]:", "[]:443", "[::1]:99999"])
    func refuses(_ text: String) {
        #expect(HostPort(text) == nil, "\(text)")
    }

    @Test func aPortCanBeRequired() {
        #expect(HostPort("www.example.co.jp", defaultPort: nil) == nil)
        #expect(HostPort("[::]:443", defaultPort: nil).map { [$0.host, "\($0.port)"] } == ["::", "443"])
        #expect(HostPort("www.example.co.jp", defaultPort: 80)?.port == 80)
    }
}
