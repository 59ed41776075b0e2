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
import Installers
import X509

/// 5-2: the draft's certificate, its chain and its key into the server. Checked before anything
/// is touched (the chain, the key, the server's config as it is); every changed file backed up;
/// the server's own check run on the result; reloaded only when it passes; everything restored
/// when the check or the reload fails; and the live server verified at the end.
public struct InstallCertificate: Operation {
    public struct Options: Sendable {
        public var server: ServerControl
        public var dest: String?
        public var listen: String?
        public var dryRun: Bool
        public var hsts: Bool
        /// IIS: the 3DES / SHA-1 PFX that Windows Server 2016 and older import.
        public var legacyPFX: Bool = false
        /// IIS: the PFX password, read from this file's first line; generated and shown once otherwise.
        public var pfxPassword: String? = nil

        public init(server: ServerControl, dest: String? = nil, listen: String? = nil, dryRun: Bool = false, hsts: Bool = false) {
            self.server = server
            self.dest = dest
            self.listen = listen
            self.dryRun = dryRun
            self.hsts = hsts
        }

        /// Where and how to install `draft`: what is given here first, then the draft's installation
        /// answers (the wizard's screen), then the server its CSR was made for. The wizard, `install`
        /// and a renewal all install this way.
        public static func answered(in draft: Draft, server: ServerControl.Kind? = nil, config: String? = nil, dest: String? = nil,
                                    listen: String? = nil, dryRun: Bool = false, hsts: Bool = false) -> Options {
            let answers = draft.installation
            return Options(server: ServerControl(kind: server ?? .installing(draft), config: config ?? answers.configPath.nonBlank),
                           dest: dest ?? answers.destination.nonBlank, listen: listen ?? answers.listen.nonBlank, dryRun: dryRun, hsts: hsts)
        }
    }

    public let draft: Draft
    public let draftName: String
    public let options: Options
    public let anchors: [Certificate]
    public let today: CalendarDate
    public let dataHome: String

    public init(draft: Draft, draftName: String, options: Options, anchors: [Certificate], today: CalendarDate, dataHome: String) {
        self.draft = draft
        self.draftName = draftName
        self.options = options
        self.anchors = anchors
        self.today = today
        self.dataHome = dataHome
    }

    public var title: Localized { Localized("証明書をインストールしています (\(options.server.kind.rawValue))", "Installing the certificate (\(options.server.kind.rawValue))") }
    public var timeLimit: Duration { .seconds(120) }

    /// Where backups of this draft's installations go.
    public static func backupRoot(dataHome: String, draftName: String) -> String { DataHome.join(dataHome, "backups/" + draftName) }

    public func run(_ context: OperationContext) async throws -> Installed {
        let materials = try await InstallMaterials.load(draft, anchors: anchors)
        let names = materials.names
        let dest = options.dest ?? (getuid() == 0 ? "/etc/ssl/certwiz/" + KeyFiles.fileName(for: names[0])
                                                  : DataHome.join(dataHome, "installed/" + KeyFiles.fileName(for: names[0])))
        let files = materials.files(in: dest)
        var changes = files.changes
        var places: [String] = []
        var listens: [String] = []
        var lines: [String] = []
        var shownPassword: String?
        let server = options.server
        // The config as it is must pass the server's own check: a broken one is reported, not touched.
        if let check = server.check {
            let before = try await Self.runServer(check)
            guard before.succeeded else {
                throw OperationFailure.failed(Localized("設定は certwiz が変更する前からエラーです。何も変更していません:\n\(before.message)",
                                                        "the configuration is broken already, before certwiz changed anything; nothing was changed:\n\(before.message)"))
            }
        }
        // A web server's plan: the smallest edit of its configuration, or a new site.
        func take(_ plan: () throws(NginxPlan.PlanError) -> NginxPlan.Plan) throws {
            do {
                let plan = try plan()
                changes += plan.changes.filter(\.changesSomething)
                places = plan.places
                listens = plan.listens
            } catch {
                throw OperationFailure.failed(error.message)
            }
        }
        switch server.kind {
        case .nginx:
            let target = NginxPlan.Target(names: names, fullChainPath: files.fullChain, keyPath: files.key, listen: options.listen ?? "443", hsts: options.hsts)
            try take { () throws(NginxPlan.PlanError) in try NginxPlan.plan(config: server.configPath!, target: target) }
        case .apache:
            // Apache before 2.4.8 cannot read the chain from the certificate file.
            let version = try? await ProcessRunner(timeLimit: .seconds(10)).run("apache2", ["-v"])
            let target = ApachePlan.Target(names: names, certificatePath: files.certificate, chainPath: files.chain, fullChainPath: files.fullChain,
                                           keyPath: files.key, listen: options.listen ?? "443", hsts: options.hsts,
                                           needsChainFile: ApachePlan.needsChainFile(versionText: version?.outputText ?? ""))
            try take { () throws(NginxPlan.PlanError) in try ApachePlan.plan(config: server.configPath!, target: target) }
        case .iis:
            let pfxPath = dest + "/" + KeyFiles.fileName(for: names[0]) + ".pfx"
            let password = options.pfxPassword ?? PFXBundle.generatePassword()
            if options.pfxPassword == nil { shownPassword = password }
            let leafPEM = try materials.order.leaf.serializeAsPEM().pemString + "\n"
            let chainPEM = try materials.order.intermediates.map { try $0.serializeAsPEM().pemString + "\n" }.joined()
            let pfx = try await PFXBundle.make(keyPath: draft.csr.keyPath ?? "", leafPEM: leafPEM, chainPEM: chainPEM, friendlyName: names[0],
                                               password: password, legacy: options.legacyPFX)
            changes.append(access(pfxPath, F_OK) == 0 ? FileChange(path: pfxPath, kind: .edit(before: (try? AtomicFile.read(pfxPath)) ?? []), contents: pfx, mode: 0o600)
                                                      : .create(pfxPath, pfx, mode: 0o600))
            places = [pfxPath]
            lines = PFXBundle.powershell(pfxPath: pfxPath, thumbprint: PFXBundle.thumbprint(materials.order.leaf), host: materials.serverName,
                                         port: options.listen.flatMap { Self.localAddress($0)?.port } ?? 443)
        case .files:
            lines = [
                "nginx:   ssl_certificate \(files.fullChain);  ssl_certificate_key \(files.key);",
                "Apache:  SSLCertificateFile \(files.fullChain)  SSLCertificateKeyFile \(files.key)",
            ]
        }
        let commands = [server.check, server.reload].compactMap { $0 }
        if options.dryRun {
            return Installed(dryRun: true, server: server.kind, files: files, changes: changes, places: places, commands: commands,
                             lines: lines, backup: nil, live: nil, pfxPassword: nil, today: today)
        }

        let backup: InstallBackup = try context.commit {
            let backup = try InstallBackup.take(before: changes, server: server.kind.rawValue, config: server.configPath,
                                                under: Self.backupRoot(dataHome: dataHome, draftName: draftName), stamp: Self.stamp())
            do throws(FileError) {
                for change in changes { try change.apply() }
            } catch {
                backup.restore()
                throw OperationFailure.failed(Localized("書き込めません。元に戻しました: \(error.message.ja)", "could not write; everything was restored: \(error.message.en)"))
            }
            return backup
        }
        // The server's own check of the result, then the reload; either failing puts every file back.
        let steps: [([String]?, Localized)] = [
            (server.check, Localized("変更後の設定をサーバが受け付けません。すべて元に戻しました (サーバは今までどおり)",
                                     "the server refuses the changed configuration; everything was restored (the server serves what it did)")),
            (server.reload, Localized("再読み込みに失敗しました。すべて元に戻しました", "the reload failed; everything was restored")),
        ]
        for case let (command?, failure) in steps {
            let answer = try await Self.runServer(command)
            // nginx stopped (a new server, or stopped by hand): there is nothing to reload and
            // nothing served to protect. The changed configuration passed `nginx -t`, so it stays,
            // and the administrator starts nginx the way the system does (certbot starts it itself,
            // outside the service manager: not done here).
            if !answer.succeeded, command == server.reload, server.kind == .nginx, Self.nginxIsNotRunning(answer.message) {
                throw OperationFailure.failed(Localized(
                    "nginx が動いていません。新しい設定はそのまま置いてあり、nginx -t も通っています (元のファイルは \(backup.folder))。nginx を起動してから (systemctl start nginx)、certwiz verify で確かめてください",
                    "nginx is not running: the new configuration is in place and passes nginx -t (the previous files are in \(backup.folder)); start nginx (systemctl start nginx), then check it with certwiz verify"))
            }
            guard answer.succeeded else {
                backup.restore()
                throw OperationFailure.failed(Localized(failure.ja + ":\n" + answer.message, failure.en + ":\n" + answer.message))
            }
        }
        var live: LiveCheck?
        if let address = listens.first.flatMap(Self.localAddress) {
            live = await Self.verify(address: address, serverName: materials.serverName, draft: draft, anchors: anchors, leaf: materials.order.leaf, today: today)
        }
        return Installed(dryRun: false, server: server.kind, files: files, changes: changes, places: places, commands: commands,
                         lines: lines, backup: backup.folder, live: live, pfxPassword: shownPassword, asked: options, today: today)
    }

    /// The handshake after a reload: the old workers may answer for a moment, so it is tried until
    /// three in a row show the new certificate (or the attempts run out).
    static func verify(address: (host: String, port: Int), serverName: String, draft: Draft, anchors: [Certificate], leaf: Certificate, today: CalendarDate) async -> LiveCheck {
        var last: LiveCheck?
        var inARow = 0
        for attempt in 0..<20 {
            if attempt > 0 { try? await Task.sleep(for: .milliseconds(inARow > 0 ? 100 : 300)) }
            let check: LiveCheck
            do {
                let handshake = try await TLSProbe.handshake(host: address.host, port: address.port, serverName: serverName, timeLimit: .seconds(5))
                check = await LiveCheck.judge(handshake, address: "\(address.host):\(address.port)", serverName: serverName, draft: draft,
                                              anchors: anchors, warnDays: 0, now: Date(), today: today)
                if handshake.chain.first == leaf {
                    inARow += 1
                    if inARow == 3 { return check }
                } else {
                    inARow = 0
                }
            } catch {
                inARow = 0
                check = LiveCheck(address: "\(address.host):\(address.port)", serverName: serverName, reachable: false, unreachableReason: error.message)
            }
            last = check
        }
        return last!
    }

    /// Where to connect to check a `listen` value: a port alone or a wildcard means this machine.
    public static func localAddress(_ listen: String) -> (host: String, port: Int)? {
        if let port = Int(listen) { return (1...65535).contains(port) ? ("127.0.0.1", port) : nil }
        guard let address = HostPort(listen, defaultPort: nil) else { return nil }
        switch address.host {
        case "::": return ("::1", address.port)
        case "*", "0.0.0.0": return ("127.0.0.1", address.port)
        default: return (address.host, address.port)
        }
    }

    struct ServerAnswer {
        let succeeded: Bool
        let message: String
    }

    /// Runs the server's own program; its own words are the message.
    static func runServer(_ command: [String]) async throws -> ServerAnswer {
        do {
            let outcome = try await ProcessRunner(timeLimit: .seconds(60)).run(command[0], Array(command.dropFirst()))
            let text = (outcome.errorText + outcome.outputText).trimmed
            return ServerAnswer(succeeded: outcome.succeeded, message: "$ " + command.joined(separator: " ") + "\n" + text)
        } catch {
            if case .cancelled = error { throw OperationFailure.cancelled }
            return ServerAnswer(succeeded: false, message: "$ " + command.joined(separator: " ") + "\n" + error.message.en)
        }
    }

    /// Whether `nginx -s reload` failed because no nginx runs: its pid file is missing or empty,
    /// or names a process that is gone (nginx's words have been these for a decade).
    static func nginxIsNotRunning(_ answer: String) -> Bool {
        answer.contains("invalid PID number") || (answer.contains(".pid\"") && answer.contains("No such file or directory"))
            || answer.contains("No such process")
    }

    static func stamp() -> String {
        let seconds = Int(Date().timeIntervalSince1970)
        let day = CalendarDate(dayNumber: seconds / 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day.iso8601)T\(two(seconds % 86_400 / 3600))\(two(seconds % 3600 / 60))\(two(seconds % 60))"
    }
}

extension FileChange {
    /// Whether applying it would change anything (an edit to the same bytes does not).
    var changesSomething: Bool {
        if case .edit(let before) = kind { return before != contents }
        return true
    }
}
