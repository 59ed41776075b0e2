import CertWizardCore
import Foundation

/// Exit codes scripts can rely on (README.md lists them).
enum ExitStatus {
    static let ok: Int32 = 0
    /// The draft has errors, or the command was refused (exists, locked, not confirmed).
    static let failed: Int32 = 1
    /// The draft (or other input) cannot be read at all.
    static let unreadable: Int32 = 2
}

enum Output {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("certwiz: " + text + "\n").utf8))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try! encoder.encode(value)
        print(String(decoding: data, as: UTF8.self))
    }

    /// Rows as columns padded by display width (Japanese text takes two columns a character).
    static func table(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        return rows.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : DisplayWidth.pad(cell, to: widths[i]) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// A local date and time for listings: 2026-11-22 14:05.
    static func localTime(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        localtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02d %02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min))
    }
}
