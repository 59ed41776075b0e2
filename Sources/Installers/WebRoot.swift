import CertWizardCore

/// The document root a web server serves plain HTTP from for one of a certificate's names, so
/// http-01 answers can be put there (`--webroot` found, not asked): the nginx `server` block or
/// Apache `<VirtualHost>` on port 80 whose names match, with a root of its own and no redirect
/// of everything (the CA's request must reach the file). nil when there is no such block.
public enum WebRoot {
    public static func find(server: ServerControl, names: [String]) -> String? {
        guard let path = server.configPath else { return nil }
        switch server.kind {
        case .nginx:
            guard let config = try? NginxConfig(path: path) else { return nil }
            for block in config.serverBlocks where !NginxPlan.isTLS(block) && NginxPlan.matches(block, names) && servesPort80(block) {
                guard block.children(named: "return").isEmpty, let root = block.children(named: "root").last?.arguments.first?.value else { continue }
                // A relative root is relative to nginx's prefix (the folder of its configuration here).
                return root.hasPrefix("/") ? root : DataHome.join(config.prefix, root)
            }
        case .apache:
            guard let config = try? ApacheConfig(path: path) else { return nil }
            for host in config.virtualHosts where !ApachePlan.isTLS(host) && ApachePlan.matches(host, names) && servesPort80(host) {
                guard host.children(named: "Redirect").isEmpty, let root = host.children(named: "DocumentRoot").last?.arguments.first?.value else { continue }
                return root.hasPrefix("/") ? root : DataHome.join(config.serverRoot, root)
            }
        default:
            return nil
        }
        return nil
    }

    /// No `listen` (nginx's default, 80 as root) or one on port 80 (`80`, `*:80`, `[::]:80`, `192.0.2.1:80`).
    private static func servesPort80(_ block: NginxConfig.Directive) -> Bool {
        let listens = block.children(named: "listen").compactMap { $0.arguments.first?.value }
        return listens.isEmpty || listens.contains { $0 == "80" || $0.hasSuffix(":80") }
    }

    /// `<VirtualHost *:80>`, `<VirtualHost 192.0.2.1:80>` or one without a port.
    private static func servesPort80(_ host: ApacheConfig.Directive) -> Bool {
        host.arguments.contains { address in
            let value = address.value
            guard let colon = value.lastIndex(of: ":"), Int(value[value.index(after: colon)...]) != nil else { return true }
            return value.hasSuffix(":80")
        }
    }
}
