#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds PEM blocks in text as people paste it: any line endings, mail quoting (`> `),
/// indentation, and text before and after.
public enum PEMScanner {
    public struct Block: Equatable, Sendable {
        public let label: String
        public let der: [UInt8]
    }

    public static func blocks(in text: String) -> [Block] {
        var result: [Block] = []
        var label: String?
        var body = ""
        for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            var line = Substring(raw)
            while let first = line.first, first == ">" || first == " " || first == "\t" { line = line.dropFirst() }
            while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
            if line.hasPrefix("-----BEGIN "), line.hasSuffix("-----") {
                label = String(line.dropFirst(11).dropLast(5))
                body = ""
            } else if line.hasPrefix("-----END "), let open = label {
                if let data = Data(base64Encoded: body, options: .ignoreUnknownCharacters) { result.append(Block(label: open, der: Array(data))) }
                label = nil
            } else if label != nil {
                body += line
            }
        }
        return result
    }
}
