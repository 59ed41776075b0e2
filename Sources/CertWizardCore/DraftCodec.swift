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
    case duplicateKey(JSONKeyScan.Duplicate)

    var isSyntax: Bool { if case .notJSON = self { return true } else { return false } }

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
        case .duplicateKey(let duplicate):
            return Localized("同じ項目が 2 回あります: \(duplicate.message.ja)", "a key appears twice: \(duplicate.message.en)")
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
        if let unknown = draft.unknownMembers, !unknown.isEmpty,
           case .object(var known)? = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)) {
            // Put back what this certwiz does not know, beside what it wrote.
            UnknownMembers.merge(unknown, into: &known)
            bytes = Array(try! encoder.encode(JSONValue.object(known)))
        }
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// What `decode` would refuse in a draft's encoded bytes: a value holding a terminal control,
    /// set by a command that took it from outside (an option, a file) rather than from a typed
    /// field, which refuses it as it is typed. Saves check this first, so no save ever leaves a
    /// draft that the next load refuses. A fast scan; the tree is read only when it finds something.
    public static func refusal(ofEncoded bytes: [UInt8]) -> DraftReadError? {
        guard TerminalControls.mayBeIn(bytes), let tree = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)) else { return nil }
        return kindProblem(in: tree)
    }

    public static func decode(_ bytes: [UInt8]) throws(DraftReadError) -> Draft {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty }
        let keys = JSONKeyScan.scan(bytes, isKnown: UnknownMembers.isKnown)
        if let duplicate = keys.duplicate { throw .duplicateKey(duplicate) }
        let data = Data(bytes)
        struct Version: Decodable { var schemaVersion: Int? }
        do {
            var draft = try JSONDecoder().decode(Draft.self, from: data)
            if draft.schemaVersion > Draft.currentSchemaVersion {
                throw DraftReadError.newerSchema(found: draft.schemaVersion, supported: Draft.currentSchemaVersion)
            }
            // The JSON as a tree, read once and only when something needs it.
            let mayHoldControl = TerminalControls.mayBeIn(bytes)
            let tree = keys.sawUnknownKey || mayHoldControl ? try? JSONDecoder().decode(JSONValue.self, from: data) : nil
            if keys.sawUnknownKey, case .object(let members)? = tree {
                draft.unknownMembers = UnknownMembers.of(members)
            }
            // A value holding a terminal control (a hand-edited file): refused, naming the field,
            // before anything can print it.
            if mayHoldControl, let tree, let problem = kindProblem(in: tree) {
                throw problem
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
            if let error = error as? DecodingError, case let described = describe(error, bytes), !described.isSyntax { throw described }
            // The JSON itself may be fine and one value of the wrong kind (1.5 or 1e30 where a whole
            // number goes), which the decoder reports as bad JSON: name that field, not the syntax.
            if let tree = try? JSONDecoder().decode(JSONValue.self, from: data), let problem = kindProblem(in: tree) { throw problem }
            throw .notJSON(detail: JSONDiagnosis.describe(bytes))
        }
    }

    /// The first field whose value is of the wrong kind, as the schema says.
    static func kindProblem(in tree: JSONValue) -> DraftReadError? {
        // The timeline is not a field, but `status` prints its events and notes.
        if case .object(let members) = tree, case .array(let events)? = members["timeline"] {
            for (index, event) in events.enumerated() {
                guard case .object(let entry) = event else { continue }
                for key in ["event", "note"] {
                    guard case .string(let text)? = entry[key], let control = TerminalControls.first(in: text) else { continue }
                    return wrongShape("timeline[\(index)].\(key)", expected: TerminalControls.message(control), shown: TerminalControls.visible(text))
                }
            }
        }
        for field in DraftFields.all {
            var node: JSONValue? = tree
            for key in field.path.split(separator: ".") {
                guard case .object(let members)? = node else { node = nil; break }
                node = members[String(key)]
            }
            guard let value = node else { continue }
            do { try field.check(value) } catch {
                if case .invalidValue(_, let shown, let expected) = error { return wrongShape(field.path, expected: expected, shown: shown) }
            }
        }
        return nil
    }

    private static func wrongShape(_ path: String, expected: Localized, shown: String) -> DraftReadError {
        .wrongShape(path: path, detail: Localized("\(expected.ja) (\(shown))", "\(expected.en) (found \(shown))"))
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
