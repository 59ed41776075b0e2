import Foundation
import Testing
import TestSupport

/// A tmux server of its own (`-L`), running certwiz in one window, as a person at a
/// terminal would: keys typed with send-keys, the screen read with capture-pane.
final class TmuxSession {
    let socket = "certwiz-test-" + UUID().uuidString.prefix(8)
    let cli: CertWizProcess

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    /// Starts `certwiz ARGS` in a window; when it ends, the window shows `EXIT=<status>` and the
    /// terminal's modes as `stty` sees them, then stays open for the test to read.
    init(_ arguments: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:],
         cli: CertWizProcess = CertWizProcess()) throws {
        self.cli = cli
        let env = cli.environment.merging(["LANG": "C.UTF-8"]) { $1 }.merging(environment) { $1 }
        let exports = env.map { "\($0.key)=\(shellQuote($0.value))" }.joined(separator: " ")
        let command = "env \(exports) \(shellQuote(CertWizProcess.binary.path)) \(arguments.map(shellQuote).joined(separator: " ")); "
            + "echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo MODES-END; sleep 600"
        try tmux(["-u", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", "sh", "-c", command])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Runs a tmux command and returns what it printed.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        if arguments.contains("new-session") {
            startServer(["tmux", "-L", socket] + arguments)
            return ""
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// `new-session` starts the tmux server, a daemon that keeps every descriptor it
    /// inherits. Foundation's Process learns of a child's exit through such a descriptor,
    /// so it would wait for the server to die: fork and exec by hand, closing them first.
    private func startServer(_ arguments: [String]) {
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let devnull = open("/dev/null", O_RDWR)
        let pid = fork()
        if pid == 0 {
            dup2(devnull, 0); dup2(devnull, 1); dup2(devnull, 2)
            for fd in 3..<1024 { close(Int32(fd)) }
            execvp("tmux", argv)
            _exit(127)
        }
        close(devnull)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// Pastes text as the terminal does, bracketed (`paste-buffer -p`) since the wizard asks for it.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "clip", text])
        try tmux(["paste-buffer", "-p", "-d", "-b", "clip", "-t", "main"])
    }

    /// Types text literally (Japanese included).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }
    /// Presses named keys (Tab, Enter, F2, C-c, NPage ...).
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "main"]) }
    func resize(width: Int, height: Int) throws { try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"]) }
    var alternateScreenOn: Bool { ((try? tmux(["display", "-p", "-t", "main", "#{alternate_on}"])) ?? "").hasPrefix("1") }

    /// The certwiz process's pid (the child of the window's shell).
    func certwizPid() throws -> Int32? {
        let shell = try tmux(["display", "-p", "-t", "main", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pgrep", "-P", shell, "-x", "certwiz"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Int32(String(decoding: data, as: UTF8.self).split(separator: "\n").first ?? "")
    }

    /// Waits until the screen shows `text` (at most `seconds`); returns the screen either way.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        Issue.record("the screen never showed \"\(text)\"; it shows:\n\(last)")
        return last
    }
}

func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
