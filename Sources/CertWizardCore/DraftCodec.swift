#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why a draft's bytes could not be read as a draft. Each case says what and where.
public enum DraftReadError: Error, Equatable, Sendable {
    case empty
    case notJSON(detail: Localized)
    case wrongShape(path: String, detail: Localized)
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
            return Localized("項目の形式が違います: \(at)\(detail.ja)", "a field has the wrong form: \(at)\(detail.en)")
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
        struct Version: Decodable { var schemaVersion: Int? }
        do {
            let draft = try JSONDecoder().decode(Draft.self, from: data)
            if draft.schemaVersion > Draft.currentSchemaVersion {
                throw DraftReadError.newerSchema(found: draft.schemaVersion, supported: Draft.currentSchemaVersion)
            }
            return draft
        } catch let error as DraftReadError {
            throw error
        } catch {
            // A newer draft must be refused as such even when its shape also fails: "update
            // certwiz" is the useful message. Only this failure path reads the version alone.
            if let version = try? JSONDecoder().decode(Version.self, from: data).schemaVersion,
               version > Draft.currentSchemaVersion {
                throw .newerSchema(found: version, supported: Draft.currentSchemaVersion)
            }
            if let error = error as? DecodingError { throw describe(error, bytes) }
            throw .notJSON(detail: JSONDiagnosis.describe(bytes))
        }
    }

    static func describe(_ error: DecodingError, _ bytes: [UInt8]) -> DraftReadError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return .notJSON(detail: JSONDiagnosis.describe(bytes))
        case .dataCorrupted(let context):
            // Our own decoders (dates) say what they expected; an enum says which value it got.
            let detail = context.debugDescription
            if detail.contains("YYYY-MM-DD") {
                return .wrongShape(path: path(context.codingPath), detail: Localized("日付は YYYY-MM-DD の形です (\(detail))", detail))
            }
            let where_ = path(context.codingPath)
            if case .choice(let values)? = DraftSchema.field(where_)?.kind {
                let list = values.joined(separator: ", ")
                return .wrongShape(path: where_, detail: Localized("次のいずれかです: \(list)", "expected one of: \(list)"))
            }
            return .wrongShape(path: where_, detail: Localized("値が読めません (\(detail))", "unreadable value (\(detail))"))
        case .typeMismatch(let type, let context):
            let name = typeName(type)
            return .wrongShape(path: path(context.codingPath), detail: Localized("\(name.ja)が必要です", "expected \(name.en)"))
        case .valueNotFound(let type, let context):
            let name = typeName(type)
            return .wrongShape(path: path(context.codingPath), detail: Localized("\(name.ja)が必要です (null でした)", "expected \(name.en), found null"))
        case .keyNotFound(let key, let context):
            return .wrongShape(path: path(context.codingPath + [key]), detail: Localized("必須の項目がありません", "required key missing"))
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

    private static func typeName(_ type: Any.Type) -> Localized {
        switch type {
        case is String.Type: return Localized("文字列", "a string")
        case is Bool.Type: return Localized("true か false", "true or false")
        case is Int.Type: return Localized("整数", "a whole number")
        case is Double.Type: return Localized("数値", "a number")
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return Localized("リスト", "a list") }
            if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return Localized("オブジェクト", "an object") }
            return Localized(name, name)
        }
    }
}
