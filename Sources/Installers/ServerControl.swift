import CertWizardCore
/// How certwiz talks to a web server: the server's own configuration check and its graceful
/// reload, with the same configuration file, as argument arrays (never a shell string).
public struct ServerControl: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case nginx, apache, iis, files
    }

    public let kind: Kind
    /// The main configuration file (`--config`), nil for the server's default.
    public let config: String?

    public init(kind: Kind, config: String?) {
        self.kind = kind
        self.config = config
    }

    /// The configuration file that is read and edited.
    public var configPath: String? {
        switch kind {
        case .nginx: return config ?? "/etc/nginx/nginx.conf"
        case .apache: return config ?? "/etc/apache2/apache2.conf"
        case .iis, .files: return nil
        }
    }

    /// The server's own configuration check (`nginx -t -c FILE`, `apache2 -t -f FILE` or `apache2ctl configtest`).
    public var check: [String]? {
        switch kind {
        case .nginx: return ["nginx", "-t", "-c", configPath!]
        case .apache: return config.map { ["apache2", "-t", "-f", $0] } ?? ["apache2ctl", "configtest"]
        case .iis, .files: return nil
        }
    }

    /// The graceful reload, with the same configuration (`nginx -s reload`, `apache2 -k graceful`).
    public var reload: [String]? {
        switch kind {
        case .nginx: return ["nginx", "-s", "reload", "-c", configPath!]
        case .apache: return config.map { ["apache2", "-k", "graceful", "-f", $0] } ?? ["apache2ctl", "graceful"]
        case .iis, .files: return nil
        }
    }

    /// The server software named in the draft, as an installation target.
    public static func kind(for software: String?) -> Kind {
        switch software {
        case "nginx": return .nginx
        case "apacheOpenSSL": return .apache
        case "iis10", "iis85", "iis7": return .iis
        default: return .files
        }
    }
}

extension ServerControl.Kind {
    /// The server a draft installs into: its installation answer, else what its CSR was made for.
    public static func installing(_ draft: Draft) -> Self {
        draft.installation.server.flatMap { Self(rawValue: $0.rawValue) } ?? ServerControl.kind(for: draft.csr.serverSoftware?.rawValue)
    }
}
