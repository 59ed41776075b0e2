import Foundation

/// A CA made with openssl in a folder (root, intermediate), standing for a commercial CA whose
/// root is not in the system store: signs CSRs the way CAs do (serverAuth, SANs copied).
public struct OpenSSLCA {
    public let directory: String
    public var rootPath: String { directory + "/root.crt" }
    public var intermediatePath: String { directory + "/intermediate.crt" }

    public init(in directory: String, name: String = "Test") throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let caExtensions = directory + "/ca.ext"
        try "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"
            .write(toFile: caExtensions, atomically: true, encoding: .utf8)
        try OpenSSLCA.run(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "root.key", "-out", "root.crt",
                           "-subj", "/O=\(name) CA/CN=\(name) Root", "-days", "3650",
                           "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"], in: directory)
        try OpenSSLCA.run(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "intermediate.key", "-out", "intermediate.csr",
                           "-subj", "/O=\(name) CA/CN=\(name) Intermediate"], in: directory)
        try OpenSSLCA.run(["x509", "-req", "-in", "intermediate.csr", "-CA", "root.crt", "-CAkey", "root.key", "-set_serial", "2",
                           "-out", "intermediate.crt", "-days", "3000", "-extfile", caExtensions], in: directory)
    }

    /// Signs the CSR at `csrPath`; returns the certificate's path.
    public func sign(csr csrPath: String, as name: String, days: Int = 90) throws -> String {
        let leafExtensions = directory + "/leaf.ext"
        try "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"
            .write(toFile: leafExtensions, atomically: true, encoding: .utf8)
        let out = directory + "/" + name + ".crt"
        try OpenSSLCA.run(["x509", "-req", "-in", csrPath, "-CA", "intermediate.crt", "-CAkey", "intermediate.key", "-set_serial", "\(Int.random(in: 1000...999_999))",
                           "-out", out, "-days", "\(days)", "-extfile", leafExtensions, "-copy_extensions", "copyall"], in: directory)
        return out
    }

    private static func run(_ arguments: [String], in directory: String) throws {
        let result = try openssl(arguments, in: directory)
        guard result.status == 0 else { throw OpenSSLError(output: result.output) }
    }

    public struct OpenSSLError: Error, CustomStringConvertible {
        public let output: String
        public var description: String { "openssl: \(output)" }
    }
}
