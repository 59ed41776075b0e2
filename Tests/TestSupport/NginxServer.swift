import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real nginx for a test: its own config, pid file, logs and temporary folders in `directory`,
/// listening only where the test's config says (127.0.0.1, high ports); stopped by its PID.
public final class NginxServer {
    public let directory: String
    public var configPath: String { directory + "/nginx.conf" }
    public var pidFile: String { directory + "/nginx.pid" }

    /// `http` is put inside the `http` block, after `include conf.d/*.conf;`.
    public init(in directory: String, http: String = "") throws {
        self.directory = directory
        for dir in ["conf.d", "tmp"] { try FileManager.default.createDirectory(atPath: directory + "/" + dir, withIntermediateDirectories: true) }
        let config = """
            worker_processes 1;
            pid \(directory)/nginx.pid;
            error_log \(directory)/error.log;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path \(directory)/tmp/body;
                proxy_temp_path \(directory)/tmp/proxy;
                fastcgi_temp_path \(directory)/tmp/fastcgi;
                uwsgi_temp_path \(directory)/tmp/uwsgi;
                scgi_temp_path \(directory)/tmp/scgi;
                include conf.d/*.conf;
            \(http)
            }

            """
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Starts nginx (it puts itself in the background) and waits for `port`.
    public func start(waitingFor port: Int) throws {
        let result = try run(["nginx", "-c", configPath])
        guard result.status == 0 else { throw StartError(output: result.output) }
        guard waitUntilListening(port) else { throw StartError(output: "nginx did not listen on \(port)") }
    }

    public func stop() { stopDaemon(pidFile: pidFile) }

    deinit { stop() }

    public struct StartError: Error, CustomStringConvertible {
        public let output: String
        public var description: String { "nginx: \(output)" }
    }
}

/// Runs a program to its end (posix_spawn and waitpid: a daemon's parent exits at once and must
/// be reaped here); its status and everything it printed, through a file (a daemon keeps its
/// inherited stderr open, so a pipe would never end).
@discardableResult
public func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let log = NSTemporaryDirectory() + "certwiz-run-" + UUID().uuidString
    defer { unlink(log) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = (environment["PATH"] ?? "/usr/bin:/bin") + ":/usr/sbin:/sbin"
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    // A daemon started here must not inherit the test runner's blocked signals (Apache's graceful
    // restart is SIGUSR1) or ignored ones.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t(), all = sigset_t()
    sigemptyset(&none)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (exited, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
}
