#if canImport(Glibc)
import Glibc
#endif
import CertWizardCore
import FuzzTargets

/// libFuzzer's entry point: every input goes through `FuzzTargets.run`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    FuzzTargets.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if FUZZING
// Built by Benchmarks/fuzz with -sanitize=fuzzer: libFuzzer's driver runs the inputs.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@_cdecl("FuzzDriver_main")
func fuzzDriverMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector) { fuzzOneInput($0, $1) }
}
#else
/// An ordinary build replays the files it is given (a crash to look at, under a debugger).
@main struct FuzzReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            let bytes: [UInt8]
            do { bytes = try AtomicFile.read(path) } catch { print(error.message.en); continue }
            FuzzTargets.run(bytes)
            print("ok \(path)")
        }
    }
}
#endif
