import CertWizardCore
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs one program (`nginx -t`, a reload, a tool) for an operation: arguments as an array, never
/// a shell string; standard output and error captured up to a cap (the rest is read and dropped,
/// so a chatty program never blocks); a time limit; cancellable with the task. On swift-subprocess.
public struct ProcessRunner: Sendable {
    /// How a program ended.
    public enum Ending: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)
    }

    /// What the program did: how it ended, what it printed (capped), and whether the cap cut it.
    public struct Outcome: Equatable, Sendable {
        public let ending: Ending
        public let standardOutput: [UInt8]
        public let standardError: [UInt8]
        public let outputTruncated: Bool
        public var succeeded: Bool { ending == .exited(0) }
        public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
        public var errorText: String { String(decoding: standardError, as: UTF8.self) }
    }

    public enum Failure: Error, Equatable, Sendable {
        /// The program could not be started (not found, not executable).
        case couldNotStart(program: String, reason: String)
        /// It ran past the time limit and was killed.
        case timedOut(program: String, seconds: Int64)
        /// The task running it was cancelled; the program was killed.
        case cancelled(program: String)

        public var message: Localized {
            switch self {
            case .couldNotStart(let program, let reason):
                return Localized("\(program) を起動できません: \(reason)", "cannot start \(program): \(reason)")
            case .timedOut(let program, let seconds):
                return Localized("\(program) が \(seconds) 秒で終わらないため止めました", "\(program) did not finish in \(seconds) s and was stopped")
            case .cancelled(let program):
                return Localized("\(program) を取り消しました", "\(program) was cancelled")
            }
        }
    }

    /// Bytes kept of each of standard output and error.
    public var outputCap: Int
    public var timeLimit: Duration

    public init(outputCap: Int = 256 * 1024, timeLimit: Duration = .seconds(30)) {
        self.outputCap = outputCap
        self.timeLimit = timeLimit
    }

    /// Runs `program` (a path, or a name looked up in PATH) with `arguments`.
    /// `environment` is added to certwiz's own (a secret for the program goes this way, never in its arguments,
    /// which every user can read in `ps`).
    public func run(_ program: String, _ arguments: [String], workingDirectory: String? = nil,
                    environment: [String: String] = [:]) async throws(Failure) -> Outcome {
        let cap = outputCap
        let executable: Executable = program.contains("/") ? .path(FilePath(program)) : .name(program)
        // On the operations' threads: a busy cooperative pool must not delay the time limit.
        let work = Task(executorPreference: OperationExecutor.shared) { () throws -> Outcome in
            let result = try await Subprocess.run(
                executable, arguments: Arguments(arguments),
                environment: environment.isEmpty ? .inherit : .inherit.updating(Dictionary(uniqueKeysWithValues: environment.map { (Environment.Key(stringLiteral: $0.key), Optional($0.value)) })),
                workingDirectory: workingDirectory.map { FilePath($0) },
                input: .none, output: .sequence, error: .sequence
            ) { execution in
                async let out = Self.collect(execution.standardOutput, cap: cap)
                async let err = Self.collect(execution.standardError, cap: cap)
                return try await (out, err)
            }
            let ((out, outCut), (err, errCut)) = result.closureResult
            let ending: Ending
            switch result.terminationStatus {
            case .exited(let code): ending = .exited(code)
            case .signaled(let signal): ending = .signalled(signal)
            }
            return Outcome(ending: ending, standardOutput: out, standardError: err, outputTruncated: outCut || errCut)
        }
        let limit = timeLimit
        // A dispatch timer, not a task: no executor that the program's own waiting may occupy
        // stands between the limit and the kill.
        let timer = DeadlineTimer(after: limit) { work.cancel() }
        // Cancelled or timed out, swift-subprocess kills the program and reports the signal: the
        // caller is told why it was stopped instead.
        let result = await withTaskCancellationHandler { await work.result } onCancel: { work.cancel() }
        let timedOut = timer.cancel()
        if Task.isCancelled { throw .cancelled(program: program) }
        if timedOut { throw .timedOut(program: program, seconds: limit.components.seconds) }
        switch result {
        case .success(let outcome): return outcome
        case .failure(let error): throw .couldNotStart(program: program, reason: "\(error)")
        }
    }

    /// Reads a stream to its end, keeping the first `cap` bytes.
    private static func collect(_ stream: SubprocessOutputSequence, cap: Int) async throws -> ([UInt8], Bool) {
        var kept: [UInt8] = []
        var truncated = false
        for try await buffer in stream {
            buffer.withUnsafeBytes { bytes in
                let room = cap - kept.count
                if bytes.count > room { truncated = true }
                if room > 0 { kept.append(contentsOf: bytes.prefix(room)) }
            }
        }
        return (kept, truncated)
    }
}
