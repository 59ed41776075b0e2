#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The kind of value a draft field holds, which says how text typed for it is read.
public enum FieldKind: Equatable, Sendable {
    case text
    case flag
    case integer
    case date
    case list
    /// One of a fixed set of values (an enum's raw values).
    case choice([String])
}

/// The name `certwiz set`, answers files and the rules have used for a draft field.
public typealias FieldSpec = DraftField

/// Every field of the draft by path: `DraftFields.all`, which a test checks against the model.
public enum DraftSchema {
    public static func field(_ path: String) -> DraftField? { DraftFields.field(path) }

    /// Every optional leaf of the model, by reflection (each section a level of the path): what
    /// `DraftFields.all` must list. Only the tests call this; the wizard never reflects.
    static func reflectedPaths() -> [String] { collect(Draft(), prefix: "") }

    private static func collect(_ value: Any, prefix: String) -> [String] {
        var paths: [String] = []
        for child in Mirror(reflecting: value).children {
            // Unknown members are carried, not fields.
            guard let label = child.label, label != "unknownMembers" else { continue }
            let path = prefix.isEmpty ? label : "\(prefix).\(label)"
            if Mirror(reflecting: child.value).displayStyle == .optional {
                paths.append(path)
            } else if Mirror(reflecting: child.value).displayStyle == .struct {
                paths += collect(child.value, prefix: path)
            }
            // Anything else (schemaVersion, timeline) is not set by path.
        }
        return paths
    }
}

/// Why a value could not be set at a path.
public enum DraftPathError: Error, Equatable, Sendable {
    case unknownPath(String)
    case invalidValue(path: String, value: String, expected: Localized)

    public var message: Localized {
        switch self {
        case .unknownPath(let path):
            return Localized("下書きに \(path) という項目はありません", "the draft has no field \(path)")
        case .invalidValue(let path, let value, let expected):
            return Localized("\(path): \"\(value)\" は使えません。\(expected.ja)",
                             "\(path): \"\(value)\" is not accepted; \(expected.en)")
        }
    }

    /// A value as a message quotes it: its start, when it is long (a refused 1 MB paste is not
    /// printed back whole).
    public static func shortened(_ text: String) -> String {
        guard text.count > 60 else { return text }
        return String(text.prefix(40)) + "…"
    }
}

extension DraftField {
    /// How much the field takes.
    public var limit: FieldLimit { FieldLimit.of(path: path, kind: kind) }

    /// Reads a value typed on a command line (`yes`, `2026-11-22`, `a,b`) as this field's JSON.
    /// An empty text clears the field.
    public func parse(_ text: String) throws(DraftPathError) -> JSONValue {
        if text.isEmpty { return .null }
        switch kind {
        case .text:
            return .string(text)
        case .flag:
            switch text.lowercased() {
            case "true", "yes", "y", "1", "はい": return .bool(true)
            case "false", "no", "n", "0", "いいえ": return .bool(false)
            default: throw .invalidValue(path: path, value: text, expected: Localized("yes か no を指定してください", "expected yes or no"))
            }
        case .integer:
            guard let n = Int(text) else {
                throw .invalidValue(path: path, value: text, expected: Localized("半角数字で指定してください", "expected a whole number"))
            }
            return .int(n)
        case .date:
            guard CalendarDate(iso8601: text) != nil else {
                throw .invalidValue(path: path, value: text, expected: Localized("日付は 2026-11-22 の形で指定してください", "expected a date such as 2026-11-22"))
            }
            return .string(text)
        case .list:
            let items = text.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
            return .array(items.map(JSONValue.string))
        case .choice(let values):
            guard values.contains(text) else { throw invalidChoice(text, values) }
            return .string(text)
        }
    }

    /// Checks a JSON value (from an answers file) against this field's kind.
    public func check(_ value: JSONValue) throws(DraftPathError) {
        switch (kind, value) {
        case (.text, .string(let text)):
            if let problem = limit.problem(characters: text.count) {
                throw .invalidValue(path: path, value: DraftPathError.shortened(text), expected: problem)
            }
            try refuseTerminalControls(in: text, shown: text)
        case (_, .null), (.flag, .bool), (.integer, .int): return
        case (.date, .string(let s)):
            if CalendarDate(iso8601: s) == nil { _ = try parse(s) }
        case (.list, .array(let items)):
            if items.contains(where: { if case .string = $0 { return false } else { return true } }) {
                throw .invalidValue(path: path, value: DraftPathError.shortened(value.displayText),
                                    expected: Localized("文字列のリストを指定してください", "expected a list of strings"))
            }
            if let problem = limit.problem(items: items.count) {
                throw .invalidValue(path: path, value: DraftPathError.shortened(value.displayText), expected: problem)
            }
            for case .string(let text) in items {
                if let problem = limit.problem(characters: text.count) {
                    throw .invalidValue(path: path, value: DraftPathError.shortened(text), expected: problem)
                }
                try refuseTerminalControls(in: text, shown: value.displayText)  // made only on a refusal
            }
        case (.choice(let values), .string(let s)):
            if !values.contains(s) { throw invalidChoice(s, values) }
        default:
            throw .invalidValue(path: path, value: value.displayText, expected: expectation)
        }
    }

    /// A value holding a terminal control is refused, `shown` with the control made visible.
    /// (`shown` is made only on a refusal: a list's whole text, made once per item, was quadratic.)
    private func refuseTerminalControls(in text: String, shown: @autoclosure () -> String) throws(DraftPathError) {
        guard let control = TerminalControls.first(in: text) else { return }
        throw .invalidValue(path: path, value: TerminalControls.visible(shown()), expected: TerminalControls.message(control))
    }

    private var expectation: Localized {
        switch kind {
        case .text: return Localized("文字列を指定してください", "expected a string")
        case .flag: return Localized("true か false を指定してください", "expected true or false")
        case .integer: return Localized("整数を指定してください", "expected a whole number")
        case .date: return Localized("日付 (YYYY-MM-DD) を指定してください", "expected a date (YYYY-MM-DD)")
        case .list: return Localized("文字列のリストを指定してください", "expected a list of strings")
        case .choice(let values):
            let list = values.joined(separator: ", ")
            return Localized("次のいずれかです: \(list)", "expected one of: \(list)")
        }
    }

    private func invalidChoice(_ text: String, _ values: [String]) -> DraftPathError {
        let list = values.joined(separator: ", ")
        return .invalidValue(path: path, value: text, expected: Localized("次のいずれかです: \(list)", "expected one of: \(list)"))
    }
}

extension Draft {
    /// The value at a field path, or nil when the field is empty.
    public func value(at path: String) throws(DraftPathError) -> JSONValue? {
        guard let field = DraftFields.field(path) else { throw .unknownPath(path) }
        return field.value(in: self)
    }

    /// A copy with the field at `path` set to `value` (`.null` clears it).
    public func setting(_ path: String, to value: JSONValue) throws(DraftPathError) -> Draft {
        guard let field = DraftFields.field(path) else { throw .unknownPath(path) }
        var updated = self
        try field.set(value, in: &updated)
        // What was read from a certificate is not typed over: changing it by hand drops the reading
        // (the current-certificate-not-read rule then asks for it to be read again).
        if Draft.readFromCertificate.contains(path), field.value(in: updated) != field.value(in: self) {
            updated.currentCertificate.publicKeyFingerprint = nil
        }
        return updated
    }

    /// The current certificate's fields that only a reading may set.
    static let readFromCertificate: Set<String> = ["currentCertificate.commonName", "currentCertificate.notBefore",
                                                   "currentCertificate.notAfter", "currentCertificate.serialNumber"]
}
