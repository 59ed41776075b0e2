import CertWizardCore
import TerminalUI
#if canImport(FoundationEssentials)
import FoundationEssentials  // JSON only: all of Foundation would slow the wizard's start
#else
import Foundation
#endif
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Exit codes scripts can rely on (README.md lists them).
enum ExitStatus {
    static let ok: Int32 = 0
    /// The draft has errors, or the command was refused (exists, locked, not confirmed).
    static let failed: Int32 = 1
    /// The draft (or other input) cannot be read at all.
    static let unreadable: Int32 = 2
}

enum Output {
    // Messages quote what they judge (an option's value, a server's answer): a terminal control
    // in it is shown as <U+001B>, never sent to the reader's terminal.
    static func error(_ text: String) {
        fputs("certwiz: " + TerminalControls.visible(text) + "\n", stderr)
    }

    static func note(_ text: String) {
        fputs(TerminalControls.visible(text) + "\n", stderr)
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
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))"
    }
}
