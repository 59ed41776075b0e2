#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CertWizardCore

/// The parts of an e-mail (RFC 5322 / MIME) as an issuance notice arrives: each leaf part's
/// body decoded (base64, quoted-printable, 7bit/8bit), nested multiparts followed. Only what
/// finding certificates needs: no charsets beyond UTF-8, no header decoding.
public enum MailMessage {
    public struct Part: Equatable, Sendable {
        /// The part's media type, lower-cased (`text/plain`, `application/pkix-cert` ...).
        public let contentType: String
        /// The attachment's file name, if it has one.
        public let fileName: String?
        public let body: [UInt8]
    }

    /// Whether `bytes` look like a mail: header lines before a blank line, among them one a mail has.
    public static func looksLikeMail(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes.prefix(8192).filter { $0 != 13 }, as: UTF8.self)
        let head = text.components(separatedBy: "\n\n").first ?? ""
        let names = head.split(separator: "\n").compactMap { line -> String? in
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("\t") else { return nil }
            return line[..<colon].lowercased()
        }
        return names.contains("content-type") || names.contains("mime-version") || (names.contains("from") && names.contains("subject"))
    }

    /// Every leaf part of the message, in order (a message that is not multipart is one part).
    public static func parts(of bytes: [UInt8], depth: Int = 0) -> [Part] {
        let (headers, body) = split(bytes)
        let type = headers["content-type"] ?? "text/plain"
        let mediaType = (type.split(separator: ";").first.map { String($0).trimmed.lowercased() }) ?? "text/plain"
        if mediaType.hasPrefix("multipart/"), let boundary = parameter("boundary", in: type), depth < 8 {
            return sections(of: body, boundary: boundary).flatMap { parts(of: $0, depth: depth + 1) }
        }
        if mediaType == "message/rfc822", depth < 8 { return parts(of: decode(body, headers["content-transfer-encoding"]), depth: depth + 1) }
        let name = parameter("filename", in: headers["content-disposition"] ?? "") ?? parameter("name", in: type)
        return [Part(contentType: mediaType, fileName: name, body: decode(body, headers["content-transfer-encoding"]))]
    }

    /// Headers (names lower-cased, folded lines joined) and the body after the first blank line.
    static func split(_ bytes: [UInt8]) -> (headers: [String: String], body: [UInt8]) {
        var index = 0
        var lines: [String] = []
        var lineStart = 0
        while index < bytes.count {
            if bytes[index] == 10 {
                var end = index
                if end > lineStart, bytes[end - 1] == 13 { end -= 1 }
                if end == lineStart { return (headers(lines), Array(bytes[(index + 1)...])) }
                lines.append(String(decoding: bytes[lineStart..<end], as: UTF8.self))
                lineStart = index + 1
            }
            index += 1
        }
        return (headers(lines), [])
    }

    private static func headers(_ lines: [String]) -> [String: String] {
        var result: [String: String] = [:]
        var last: String?
        for line in lines {
            if let first = line.first, first == " " || first == "\t", let name = last {
                result[name, default: ""] += " " + line.trimmed
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                result[name] = String(line[line.index(after: colon)...]).trimmed
                last = name
            }
        }
        return result
    }

    /// `name=value` or `name="value"` from a header's parameters.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, String(pair[0]).trimmed.lowercased() == name else { continue }
            var value = String(pair[1]).trimmed
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// The bodies between `--boundary` lines, up to `--boundary--`. (Split on bytes: in a Swift
    /// string "\r\n" is one character, which a split on "\n" would not see.)
    static func sections(of body: [UInt8], boundary: String) -> [[UInt8]] {
        let open = Array(("--" + boundary).utf8)
        let close = open + [45, 45]
        var result: [[UInt8]] = []
        var current: [ArraySlice<UInt8>]?
        for line in body.split(separator: 10, omittingEmptySubsequences: false) {
            let bare = line.last == 13 ? line.dropLast() : line
            if bare.elementsEqual(close) {
                if let current { result.append(Array(current.joined(separator: [10]))) }
                current = nil
                break
            } else if bare.elementsEqual(open) {
                if let current { result.append(Array(current.joined(separator: [10]))) }
                current = []
            } else {
                current?.append(line)
            }
        }
        return result
    }

    static func decode(_ body: [UInt8], _ encoding: String?) -> [UInt8] {
        switch encoding?.lowercased() {
        case "base64":
            return Data(base64Encoded: String(decoding: body, as: UTF8.self), options: .ignoreUnknownCharacters).map(Array.init) ?? body
        case "quoted-printable":
            return quotedPrintable(body)
        default:
            return body
        }
    }

    static func quotedPrintable(_ body: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 48...57: return byte - 48
            case 65...70: return byte - 55
            case 97...102: return byte - 87
            default: return nil
            }
        }
        while index < body.count {
            let byte = body[index]
            if byte == 61 {  // "="
                if index + 1 < body.count, body[index + 1] == 10 { index += 2; continue }  // soft line break
                if index + 2 < body.count, body[index + 1] == 13, body[index + 2] == 10 { index += 3; continue }
                if index + 2 < body.count, let high = hex(body[index + 1]), let low = hex(body[index + 2]) {
                    result.append(high << 4 | low)
                    index += 3
                    continue
                }
            }
            result.append(byte)
            index += 1
        }
        return result
    }
}
