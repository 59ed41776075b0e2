#if canImport(Glibc)
import Glibc
#endif
import CertWizardCore

/// What installing a certificate into nginx changes: in every TLS `server` block whose
/// `server_name` names the certificate's host names, the `ssl_certificate` and
/// `ssl_certificate_key` arguments (and nothing else); when none serves TLS but the site's block
/// listens where TLS goes without `ssl`, that listen line gets `ssl` too; when no block matches,
/// a new site file with a TLS server block and Mozilla's "intermediate" settings.
public enum NginxPlan {
    public struct Target: Sendable {
        /// The certificate's names (CN first, then SANs); a block matches when it names one of them.
        public let names: [String]
        public let fullChainPath: String
        public let keyPath: String
        /// Where a new server block listens (`443`, `127.0.0.1:8443`).
        public let listen: String
        public let hsts: Bool

        public init(names: [String], fullChainPath: String, keyPath: String, listen: String, hsts: Bool) {
            self.names = names
            self.fullChainPath = fullChainPath
            self.keyPath = keyPath
            self.listen = listen
            self.hsts = hsts
        }
    }

    public struct Plan: Sendable {
        public let changes: [FileChange]
        /// The blocks changed, as "file:line" (or the new file).
        public let places: [String]
        public let createsSite: Bool
        /// The addresses the changed blocks listen on with TLS (`443`, `127.0.0.1:8443`): where to verify.
        public let listens: [String]
    }

    public enum PlanError: Error, Equatable, Sendable {
        case config(NginxConfig.ParseError)
        case dualCertificates(place: String)
        case noSiteFolder(prefix: String)
        case sharedSnippet(place: String, file: String)
        /// Another site listens without TLS on the address and port the certificate goes on.
        case plainSiteOnTLSAddress(place: String, listen: String)
        /// Apache: a new site needs a module the configuration does not load.
        case apacheModuleNotLoaded(module: String, enable: String)

        public var message: Localized {
            switch self {
            case .config(let error): return error.message
            case .dualCertificates(let place):
                return Localized("\(place) の server ブロックには ssl_certificate が複数あります (RSA と ECDSA の併用)。手で編集するか --server files を使ってください",
                                 "the server block at \(place) has several ssl_certificate lines (RSA and ECDSA together): edit it by hand or use --server files")
            case .sharedSnippet(let place, let file):
                return Localized("\(place) の server ブロックの証明書は別のファイル \(file) で指定されています (ほかのサイトと共有かもしれません)。手で編集するか --server files を使ってください",
                                 "the server block at \(place) takes its certificate lines from \(file), which other sites may share: edit it by hand or use --server files")
            case .plainSiteOnTLSAddress(let place, let listen):
                return Localized("\(place) の server ブロックが \(listen) を ssl なしで待ち受けています。nginx では TLS はアドレスとポートごとに決まるので、そこで TLS を始めるとこのブロックにも証明書が要り、nginx が設定を拒否します。そのサイトを別のポートへ移すか、--listen で別の待ち受けを指定してください",
                                 "the server block at \(place) listens on \(listen) without ssl, and nginx turns TLS on for a whole address and port: TLS there would need a certificate for that block too, and nginx would refuse the configuration. Move that site to another port, or choose another --listen")
            case .apacheModuleNotLoaded(let module, let enable):
                return Localized("Apache が \(module) を読み込んでいません (設定に LoadModule \(module) がありません)。Debian や Ubuntu では \(enable) を実行してから、もう一度インストールしてください",
                                 "Apache does not load \(module) (its configuration has no LoadModule \(module)): on Debian or Ubuntu run '\(enable)', then install again")
            case .noSiteFolder(let prefix):
                return Localized("\(prefix) に sites-available/sites-enabled も conf.d もありません。--server files で入れて、表示される行を設定に加えてください",
                                 "\(prefix) has neither sites-available/sites-enabled nor conf.d: install with --server files and add the lines it prints")
            }
        }
    }

    public static func plan(config path: String, target: Target) throws(PlanError) -> Plan {
        let config: NginxConfig
        do { config = try NginxConfig(path: path) } catch { throw .config(error) }
        var edits: [String: [(range: Range<Int>, text: String)]] = [:]
        var places: [String] = []
        var listens: [String] = []
        for server in config.serverBlocks where isTLS(server) && matches(server, target.names) {
            places.append(try addCertificateLines(to: server, in: config, target: target, edits: &edits))
            listens += server.children(named: "listen").filter(hasSSL).compactMap { $0.arguments.first?.value }
        }
        // The classic mistake: the site's block listens where TLS goes, without `ssl`. Its listen
        // line gets `ssl` in the same edit as its certificate, so the changed configuration passes
        // `nginx -t` at once (`ssl` alone would fail it: no certificate).
        let turnsTLSOn = edits.isEmpty
        if turnsTLSOn {
            for server in config.serverBlocks where matches(server, target.names) {
                let plain = server.children(named: "listen").filter { listen in
                    !hasSSL(listen) && listen.arguments.first.map { sameSocket($0.value, target.listen) } == true
                }
                guard let first = plain.first, first.file == server.file, let address = first.arguments.first else { continue }
                // Its twin on the same port (`listen [::]:443;` beside `listen 443;`) too, or IPv6
                // visitors would still get plain HTTP.
                let port = socket(address.value)?.port
                for listen in server.children(named: "listen") where listen.file == server.file && !hasSSL(listen) {
                    guard let other = listen.arguments.first, socket(other.value)?.port == port else { continue }
                    edits[server.file, default: []].append((other.range.upperBound..<other.range.upperBound, " ssl"))
                }
                places.append(try addCertificateLines(to: server, in: config, target: target, edits: &edits))
                listens.append(address.value)
            }
        }
        // nginx turns TLS on for a whole address and port: where certwiz turns it on (the site's
        // own block, or a new site), any other block listening there without `ssl` would then
        // need a certificate too, and `nginx -t` would refuse it.
        let edited = Set(places)
        for server in config.serverBlocks where turnsTLSOn && !isTLS(server) && !edited.contains(place(of: server, in: config)) {
            for listen in server.children(named: "listen") where !hasSSL(listen) {
                guard let address = listen.arguments.first?.value, sameSocket(address, target.listen) else { continue }
                let bytes = config.files[listen.file] ?? []
                throw .plainSiteOnTLSAddress(place: "\(listen.file):\(line(of: listen.name.range.lowerBound, in: bytes))", listen: address)
            }
        }
        if !edits.isEmpty {
            let changes = edits.keys.sorted().map { file -> FileChange in
                let before = config.files[file] ?? []
                return FileChange.edit(file, from: before, to: apply(edits[file]!, to: before))
            }
            return Plan(changes: changes, places: places, createsSite: false, listens: listens)
        }
        // No TLS block names the site: a new one, where this layout keeps sites.
        let prefix = config.prefix
        let name = "certwiz-" + fileName(for: target.names.first ?? "site") + ".conf"
        let block = Array(serverBlock(target).utf8)
        if isDirectory(prefix + "/sites-available"), isDirectory(prefix + "/sites-enabled") {
            let available = prefix + "/sites-available/" + name
            return Plan(changes: [.create(available, block), .link(prefix + "/sites-enabled/" + name, to: "../sites-available/" + name)],
                        places: [available], createsSite: true, listens: [target.listen])
        }
        if isDirectory(prefix + "/conf.d") {
            return Plan(changes: [.create(prefix + "/conf.d/" + name, block)], places: [prefix + "/conf.d/" + name], createsSite: true, listens: [target.listen])
        }
        throw .noSiteFolder(prefix: prefix)
    }

    /// Puts the certificate and key into `server`: a line that is there gets its argument
    /// replaced; a missing one goes in after `server_name`, indented as it is. Returns the
    /// block's place ("file:line").
    private static func addCertificateLines(to server: NginxConfig.Directive, in config: NginxConfig, target: Target,
                                            edits: inout [String: [(range: Range<Int>, text: String)]]) throws(PlanError) -> String {
        let certificates = server.children(named: "ssl_certificate")
        let keys = server.children(named: "ssl_certificate_key")
        let place = place(of: server, in: config)
        guard certificates.count <= 1, keys.count <= 1 else { throw .dualCertificates(place: place) }
        if let shared = (certificates + keys).first(where: { $0.file != server.file }) {
            throw .sharedSnippet(place: place, file: shared.file)
        }
        let bytes = config.files[server.file] ?? []
        let anchor = server.children(named: "server_name").first { $0.file == server.file }
        let at = anchor.map { $0.end + 1 } ?? server.end + 1
        let indent = anchor.map { indentation(before: $0.name.range.lowerBound, in: bytes) } ?? "    "
        var inserted = ""
        for (existing, directive, value) in [(certificates.first, "ssl_certificate", target.fullChainPath), (keys.first, "ssl_certificate_key", target.keyPath)] {
            if let argument = existing?.arguments.first {
                edits[server.file, default: []].append((argument.range, quoted(value)))
            } else {
                inserted += "\n\(indent)\(directive) \(quoted(value));"
            }
        }
        if !inserted.isEmpty { edits[server.file, default: []].append((at..<at, inserted)) }
        return place
    }

    private static func place(of server: NginxConfig.Directive, in config: NginxConfig) -> String {
        "\(server.file):\(line(of: server.name.range.lowerBound, in: config.files[server.file] ?? []))"
    }

    /// Whether two `listen` addresses are the same socket to nginx: `443`, `*:443` and
    /// `0.0.0.0:443` are; `127.0.0.1:443` and `[::]:443` are others. A bare address listens on 80.
    static func sameSocket(_ a: String, _ b: String) -> Bool {
        guard let x = socket(a), let y = socket(b) else { return false }
        return x == y
    }

    /// A `listen` address as nginx binds it, read by the one host:port parser: `443` is `*:443`,
    /// `0.0.0.0` is `*`, a bare address is port 80; nil for what is not an address (`unix:`).
    static func socket(_ text: String) -> (host: String, port: Int)? {
        if let port = Int(text) { return ("*", port) }
        guard let address = HostPort(text.lowercased(), defaultPort: 80) else { return nil }
        return (address.host == "0.0.0.0" ? "*" : address.host, address.port)
    }

    /// Whether a `listen` line says `ssl`.
    static func hasSSL(_ listen: NginxConfig.Directive) -> Bool { listen.arguments.contains { $0.value == "ssl" } }

    /// The new site's server block: TLS 1.2 and 1.3 with Mozilla's "intermediate" cipher list.
    public static func serverBlock(_ target: Target) -> String {
        var lines = [
            "# Written by certwiz for \(target.names.first ?? ""): the certificate with its chain (leaf first) and its key.",
            "server {",
            "    listen \(target.listen) ssl;",
            "    server_name \(target.names.joined(separator: " "));",
            "",
            "    ssl_certificate \(quoted(target.fullChainPath));",
            "    ssl_certificate_key \(quoted(target.keyPath));",
            "",
            "    # Mozilla's \"intermediate\" configuration (ssl-config.mozilla.org).",
            "    ssl_protocols TLSv1.2 TLSv1.3;",
            "    ssl_ciphers \(mozillaIntermediateCiphers);",
            "    ssl_prefer_server_ciphers off;",
            "    ssl_session_timeout 1d;",
            "    ssl_session_cache shared:certwiz:10m;",
            "    ssl_session_tickets off;",
        ]
        if target.hsts { lines.append("    add_header Strict-Transport-Security \"max-age=63072000\" always;") }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    public static let mozillaIntermediateCiphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305"

    /// A block serves TLS when one of its `listen`s says `ssl` or it names a certificate.
    static func isTLS(_ server: NginxConfig.Directive) -> Bool {
        server.children(named: "listen").contains(where: hasSSL) || !server.children(named: "ssl_certificate").isEmpty
    }

    /// Whether `server_name` names one of `names`: exactly, `*.example.jp`, `.example.jp` (nginx's forms; regexes are not matched).
    static func matches(_ server: NginxConfig.Directive, _ names: [String]) -> Bool {
        let patterns = server.children(named: "server_name").flatMap(\.arguments).map { $0.value.lowercased() }
        return names.map { $0.lowercased() }.contains { name in
            patterns.contains { pattern in
                if pattern == name { return true }
                if pattern.hasPrefix("*.") { return name.hasSuffix(String(pattern.dropFirst(1))) && !name.hasPrefix("*.") }
                if pattern.hasPrefix(".") { return name == String(pattern.dropFirst()) || name.hasSuffix(pattern) }
                return false
            }
        }
    }

    static func quoted(_ value: String) -> String {
        guard value.contains(where: { " \t\n;{}#\"'\\$".contains($0) }) else { return value }
        return "\"" + value.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }

    static func apply(_ edits: [(range: Range<Int>, text: String)], to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: Array(edit.text.utf8))
        }
        return result
    }

    static func line(of offset: Int, in bytes: [UInt8]) -> Int { lineNumber(of: offset, in: bytes) }

    static func indentation(before offset: Int, in bytes: [UInt8]) -> String {
        var start = offset
        while start > 0, bytes[start - 1] == 32 || bytes[start - 1] == 9 { start -= 1 }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    static func fileName(for name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
