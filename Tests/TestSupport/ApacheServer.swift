import Foundation

/// A real Apache httpd for a test: its own ServerRoot, pid file, logs and runtime folder in
/// `directory`, listening on 127.0.0.1 high ports only; stopped by its PID.
public final class ApacheServer {
    public let directory: String
    public var configPath: String { directory + "/apache2.conf" }
    public var pidFile: String { directory + "/apache.pid" }

    /// `extra` goes at the end of the main file; `conf.d/*.conf` is included.
    public init(in directory: String, listen: [Int], extra: String = "") throws {
        self.directory = directory
        for dir in ["conf.d", "run"] { try FileManager.default.createDirectory(atPath: directory + "/" + dir, withIntermediateDirectories: true) }
        let modules = "/usr/lib/apache2/modules"
        let config = """
            ServerRoot "\(directory)"
            PidFile \(directory)/apache.pid
            ErrorLog \(directory)/error.log
            DefaultRuntimeDir \(directory)/run
            Mutex file:\(directory)/run default
            User nobody
            Group nogroup
            LoadModule mpm_event_module \(modules)/mod_mpm_event.so
            LoadModule authz_core_module \(modules)/mod_authz_core.so
            LoadModule ssl_module \(modules)/mod_ssl.so
            LoadModule socache_shmcb_module \(modules)/mod_socache_shmcb.so
            ServerName localhost
            \(listen.map { "Listen 127.0.0.1:\($0)" }.joined(separator: "\n"))
            IncludeOptional conf.d/*.conf
            \(extra)

            """
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    public func start(waitingFor port: Int) throws {
        let result = try run(["apache2", "-k", "start", "-f", configPath])
        guard result.status == 0 else { throw NginxServer.StartError(output: result.output) }
        guard waitUntilListening(port) else {
            throw NginxServer.StartError(output: "apache2 did not listen on \(port): " + ((try? String(contentsOfFile: directory + "/error.log", encoding: .utf8)) ?? ""))
        }
    }

    public func stop() { stopDaemon(pidFile: pidFile) }

    deinit { stop() }
}
