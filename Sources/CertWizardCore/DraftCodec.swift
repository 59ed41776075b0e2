#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why a draft's bytes could not be read as a draft. Each case says what and where.
public enum DraftReadError: Error, Equatable, Sendable {
    case empty
    case notJSON(detail: Localized)
    case wrongShape(path: String, detail: String)
    case newerSchema(found: Int, supported: Int)

    public var message: Localized {
        switch self {
        case .empty:
            return Localized("ファイルが空です (書き込み途中で切れた可能性があります)",
                             "the file is empty (possibly cut off while being written)")
        case .notJSON(let detail):
            return Localized("JSON として読めません: \(detail.ja)", "not valid JSON: \(detail.en)")
        case .wrongShape(let path, let detail):
            let at = path.isEmpty ? "" : "\(path): "
            return Localized("項目の形式が違います: \(at)\(detail)", "a field has the wrong form: \(at)\(detail)")
        case .newerSchema(let found, let supported):
            return Localized(
                "新しい certwiz で作られた下書きです (schemaVersion \(found)、この版は \(supported) まで)。certwiz を更新してください",
                "made by a newer certwiz (schemaVersion \(found); this one reads up to \(supported)): update certwiz")
        }
    }
}

/// Turns drafts into JSON and back: camelCase keys, sorted and indented so a draft
/// diffs well and reads well by hand.
public enum DraftCodec {
    public static func encode(_ draft: Draft) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // A draft holds only strings, numbers, booleans and dates: encoding cannot fail.
        var bytes = Array(try! encoder.encode(draft))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    public static func decode(_ bytes: [UInt8]) throws(DraftReadError) -> Draft {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty }
        let data = Data(bytes)
        // Read the version first: a newer draft must be refused even when its shape
        // would also fail, because "update certwiz" is the useful message.
        struct Version: Decodable { var schemaVersion: Int? }
        if let version = try? JSONDecoder().decode(Version.self, from: data).schemaVersion,
           version > Draft.currentSchemaVersion {
            throw .newerSchema(found: version, supported: Draft.currentSchemaVersion)
        }
        do {
            return try JSONDecoder().decode(Draft.self, from: data)
        } catch let error as DecodingError {
            throw describe(error, bytes)
        } catch {
            throw .notJSON(detail: JSONDiagnosis.describe(bytes))
        }
    }

    static func describe(_ error: DecodingError, _ bytes: [UInt8]) -> DraftReadError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return .notJSON(detail: JSONDiagnosis.describe(bytes))
        case .dataCorrupted(let context):
            return .wrongShape(path: path(context.codingPath), detail: context.debugDescription)
        case .typeMismatch(let type, let context):
            return .wrongShape(path: path(context.codingPath), detail: "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return .wrongShape(path: path(context.codingPath), detail: "expected \(typeName(type)), found null")
        case .keyNotFound(let key, let context):
            return .wrongShape(path: path(context.codingPath + [key]), detail: "required key missing")
        @unknown default:
            return .notJSON(detail: JSONDiagnosis.describe(bytes))
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" }
            else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return "an object" }
            return name
        }
    }
}
