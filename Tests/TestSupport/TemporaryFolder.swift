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

    /// Writes `text` at `name` inside the folder (making its folders) and returns the path.
    @discardableResult
    public func write(_ text: String, _ name: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}
