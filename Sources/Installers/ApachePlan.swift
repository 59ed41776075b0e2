import CertWizardCore

/// What installing a certificate into Apache 2.4 changes: in every `<VirtualHost>` with
/// `SSLEngine on` whose `ServerName`/`ServerAlias` names the certificate's hosts, the
/// `SSLCertificateFile` (full chain) and `SSLCertificateKeyFile` arguments, and
/// `SSLCertificateChainFile` only for Apache before 2.4.8 (which cannot read a chain from the
/// certificate file); when none serves TLS but the site's `<VirtualHost>` is on the port TLS goes
/// on, `SSLEngine on` there too; when none matches, a new site with Mozilla's "intermediate" settings.
public enum ApachePlan {
    public struct Target: Sendable {
        public let names: [String]
        public let certificatePath: String
        public let chainPath: String
        public let fullChainPath: String
        public let keyPath: String
        public let listen: String
        public let hsts: Bool
        /// Apache before 2.4.8 takes the chain in `SSLCertificateChainFile`.
        public let needsChainFile: Bool

        public init(names: [String], certificatePath: String, chainPath: String, fullChainPath: String, keyPath: String,
                    listen: String, hsts: Bool, needsChainFile: Bool) {
            self.names = names
            self.certificatePath = certificatePath
            self.chainPath = chainPath
            self.fullChainPath = fullChainPath
            self.keyPath = keyPath
            self.listen = listen
            self.hsts = hsts
            self.needsChainFile = needsChainFile
        }
    }

    public static func plan(config path: String, target: Target) throws(NginxPlan.PlanError) -> NginxPlan.Plan {
        let config: ApacheConfig
        do { config = try ApacheConfig(path: path) } catch { throw .config(error) }
        var edits: [String: [(range: Range<Int>, text: String)]] = [:]
        var places: [String] = []
        var listens: [String] = []
        for host in config.virtualHosts where isTLS(host) && matches(host, target.names) {
            places.append(try addCertificateLines(to: host, in: config, target: target, edits: &edits))
            listens += host.arguments.map(\.value)
        }
        // The site's <VirtualHost> on the port TLS goes on, without `SSLEngine on` (it answers in
        // plain HTTP there): it gets `SSLEngine on` with its certificate lines, in one edit.
        if edits.isEmpty {
            // Turning TLS on (here or in a new site) needs mod_ssl, which Debian installs turned
            // off: said before anything changes, with the command that turns it on (apachectl's
            // "Invalid command 'SSLEngine'" after the edit says less, and costs a restore).
            if !config.loads("ssl_module") { throw .apacheModuleNotLoaded(module: "ssl_module", enable: "a2enmod ssl") }
            // Only a VirtualHost wholly on that port: `<VirtualHost *:80 *:443>` with SSLEngine on
            // would speak TLS on 80 too.
            for host in config.virtualHosts where matches(host, target.names) && !host.arguments.isEmpty
                && host.arguments.allSatisfy({ sameAddress($0.value, target.listen) }) {
                places.append(try addCertificateLines(to: host, in: config, target: target, engineOn: true, edits: &edits))
                listens += host.arguments.map(\.value)
            }
        }
        if !edits.isEmpty {
            let changes = edits.keys.sorted().map { file in
                FileChange.edit(file, from: config.files[file] ?? [], to: NginxPlan.apply(edits[file]!, to: config.files[file] ?? []))
            }
            return NginxPlan.Plan(changes: changes, places: places, createsSite: false, listens: listens)
        }
        // A new site's HSTS header needs mod_headers, the same way.
        if target.hsts, !config.loads("headers_module") { throw .apacheModuleNotLoaded(module: "headers_module", enable: "a2enmod headers") }
        let root = config.serverRoot
        let name = "certwiz-" + NginxPlan.fileName(for: target.names.first ?? "site") + ".conf"
        let needsListen = !config.listens.contains { $0 == target.listen || $0.hasSuffix(":" + port(of: target.listen)) || $0 == port(of: target.listen) }
        let site = Array(virtualHost(target, addListen: needsListen).utf8)
        if NginxPlan.isDirectory(root + "/sites-available"), NginxPlan.isDirectory(root + "/sites-enabled") {
            let available = root + "/sites-available/" + name
            return NginxPlan.Plan(changes: [.create(available, site), .link(root + "/sites-enabled/" + name, to: "../sites-available/" + name)],
                                  places: [available], createsSite: true, listens: [target.listen])
        }
        if NginxPlan.isDirectory(root + "/conf.d") {
            return NginxPlan.Plan(changes: [.create(root + "/conf.d/" + name, site)], places: [root + "/conf.d/" + name], createsSite: true, listens: [target.listen])
        }
        throw .noSiteFolder(prefix: root)
    }

    /// Puts the certificate lines (and `SSLEngine on`, when asked) into `host`: a line that is
    /// there gets its argument replaced, a missing one goes in after `ServerName`. Returns the
    /// host's place ("file:line").
    private static func addCertificateLines(to host: ApacheConfig.Directive, in config: ApacheConfig, target: Target, engineOn: Bool = false,
                                            edits: inout [String: [(range: Range<Int>, text: String)]]) throws(NginxPlan.PlanError) -> String {
        let bytes = config.files[host.file] ?? []
        let place = "\(host.file):\(NginxPlan.line(of: host.name.range.lowerBound, in: bytes))"
        let certificateValue = target.needsChainFile ? target.certificatePath : target.fullChainPath
        var wanted: [(String, String)] = engineOn ? [("SSLEngine", "on")] : []
        wanted += [("SSLCertificateFile", certificateValue), ("SSLCertificateKeyFile", target.keyPath)]
        let chainLines = host.children(named: "SSLCertificateChainFile")
        if target.needsChainFile || !chainLines.isEmpty { wanted.append(("SSLCertificateChainFile", target.chainPath)) }
        var inserted = ""
        let anchor = host.children(named: "ServerName").first { $0.file == host.file }
        let indent = anchor.map { NginxPlan.indentation(before: $0.name.range.lowerBound, in: bytes) } ?? "    "
        for (name, value) in wanted {
            let existing = host.children(named: name)
            if let shared = existing.first(where: { $0.file != host.file }) { throw .sharedSnippet(place: place, file: shared.file) }
            guard existing.count <= 1 else { throw .dualCertificates(place: place) }
            if let argument = existing.first?.arguments.first {
                edits[host.file, default: []].append((argument.range, quoted(value)))
            } else {
                inserted += "\n\(indent)\(name) \(quoted(value))"
            }
        }
        if !inserted.isEmpty {
            let at = anchor?.lineEnd ?? host.lineEnd
            edits[host.file, default: []].append((at..<at, inserted))
        }
        return place
    }

    /// Whether a `<VirtualHost>` address (`*:443`, `_default_:443`, `127.0.0.1:8443`) answers on
    /// `listen` (`443`, `127.0.0.1:8443`): the same port, on any address or the same one.
    static func sameAddress(_ host: String, _ listen: String) -> Bool {
        guard let address = HostPort(host, defaultPort: nil) else { return false }
        if let port = Int(listen) { return address.port == port }
        guard let wanted = HostPort(listen, defaultPort: nil), wanted.port == address.port else { return false }
        return address.host == "*" || address.host == "_default_" || address.host == wanted.host
    }

    public static func virtualHost(_ target: Target, addListen: Bool) -> String {
        let address = target.listen.contains(":") ? target.listen : "*:" + target.listen
        var lines = ["# Written by certwiz for \(target.names.first ?? ""): the certificate with its chain and its key."]
        if addListen { lines.append("Listen \(target.listen)") }
        lines += [
            "<VirtualHost \(address)>",
            "    ServerName \(target.names.first ?? "")",
        ]
        if target.names.count > 1 { lines.append("    ServerAlias \(target.names.dropFirst().joined(separator: " "))") }
        lines += [
            "",
            "    SSLEngine on",
            "    SSLCertificateFile \(quoted(target.needsChainFile ? target.certificatePath : target.fullChainPath))",
            "    SSLCertificateKeyFile \(quoted(target.keyPath))",
        ]
        if target.needsChainFile { lines.append("    SSLCertificateChainFile \(quoted(target.chainPath))") }
        lines += [
            "",
            "    # Mozilla's \"intermediate\" configuration (ssl-config.mozilla.org).",
            "    SSLProtocol -all +TLSv1.2 +TLSv1.3",
            "    SSLCipherSuite \(NginxPlan.mozillaIntermediateCiphers)",
            "    SSLHonorCipherOrder off",
            "    SSLSessionTickets off",
        ]
        if target.hsts { lines.append("    Header always set Strict-Transport-Security \"max-age=63072000\"") }
        lines.append("</VirtualHost>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func isTLS(_ host: ApacheConfig.Directive) -> Bool {
        host.children(named: "SSLEngine").contains { $0.arguments.first?.value.lowercased() == "on" }
    }

    static func matches(_ host: ApacheConfig.Directive, _ names: [String]) -> Bool {
        let patterns = (host.children(named: "ServerName") + host.children(named: "ServerAlias")).flatMap(\.arguments).map { value -> String in
            // "ServerName www.example.jp:443": the port is not part of the name.
            let text = value.value.lowercased()
            if let colon = text.lastIndex(of: ":"), Int(text[text.index(after: colon)...]) != nil { return String(text[..<colon]) }
            return text
        }
        return names.map { $0.lowercased() }.contains { name in
            patterns.contains { pattern in
                pattern == name || (pattern.hasPrefix("*.") && name.hasSuffix(String(pattern.dropFirst(1))) && !name.hasPrefix("*."))
            }
        }
    }

    static func quoted(_ value: String) -> String {
        value.contains(where: { $0 == " " || $0 == "\t" || $0 == "\"" }) ? "\"" + value.replacingAll("\"", with: "\\\"") + "\"" : value
    }

    static func port(of listen: String) -> String {
        listen.lastIndex(of: ":").map { String(listen[listen.index(after: $0)...]) } ?? listen
    }

    /// Whether `apache2 -v` ("Server version: Apache/2.4.7 (Ubuntu)") names a version before 2.4.8.
    public static func needsChainFile(versionText: String) -> Bool {
        let parts = versionText.split(separator: "Apache/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let numbers = parts[1].prefix { $0.isNumber || $0 == "." }.split(separator: ".").compactMap { Int($0) }
        guard numbers.count >= 3 else { return false }
        return (numbers[0], numbers[1], numbers[2]) < (2, 4, 8)
    }
}
