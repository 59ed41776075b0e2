import Foundation

/// A folder of its own under the system's temporary directory, removed with everything in it
/// when the value goes away.
public final class TemporaryFolder: Sendable {
    public let path: String

    public init(_ prefix: String = "certwiz-test") {
        path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
