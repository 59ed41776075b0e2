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

/// One settable leaf of the draft, named by its JSON path (`csr.commonName`).
public struct FieldSpec: Equatable, Sendable {
    public let path: String
    public let kind: FieldKind
}

/// Every field of the draft by path, read off the model itself so it cannot drift
/// from it: each optional property is a leaf, each section a level of the path.
public enum DraftSchema {
    public static let fields: [FieldSpec] = collect(Draft(), prefix: "")
    private static let byPath = Dictionary(uniqueKeysWithValues: fields.map { ($0.path, $0) })

    public static func field(_ path: String) -> FieldSpec? { byPath[path] }

    private static func collect(_ value: Any, prefix: String) -> [FieldSpec] {
        var specs: [FieldSpec] = []
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let path = prefix.isEmpty ? label : "\(prefix).\(label)"
            if let kind = leafKinds[ObjectIdentifier(type(of: child.value))] {
                specs.append(FieldSpec(path: path, kind: kind))
            } else if Mirror(reflecting: child.value).displayStyle == .struct {
                specs += collect(child.value, prefix: path)
            }
            // Anything else (schemaVersion, timeline) is not set by path.
        }
        return specs
    }

    /// What each optional leaf type is, by type identity: dynamic protocol casts would
    /// scan the conformance tables at start-up.
    private static let leafKinds: [ObjectIdentifier: FieldKind] = {
        var kinds: [ObjectIdentifier: FieldKind] = [
            ObjectIdentifier(String?.self): .text, ObjectIdentifier(Bool?.self): .flag, ObjectIdentifier(Int?.self): .integer,
            ObjectIdentifier(CalendarDate?.self): .date, ObjectIdentifier([String]?.self): .list,
        ]
        for choice in choices { kinds[choice.optionalType] = .choice(choice.values) }
        return kinds
    }()

    private struct Choice: Sendable {
        let optionalType: ObjectIdentifier
        let values: [String]
        let rawValue: @Sendable (Any) -> String?
        init<T: CaseIterable & RawRepresentable & Sendable>(_ type: T.Type) where T.RawValue == String {
            optionalType = ObjectIdentifier(T?.self)
            values = T.allCases.map(\.rawValue)
            rawValue = { ($0 as? T)?.rawValue }
        }
    }

    private static let choices = [
        Choice(ApplicationType.self), Choice(CSROrigin.self), Choice(KeyType.self), Choice(ServerSoftware.self), Choice(ReissueReason.self),
        Choice(Product.self), Choice(PaymentMethod.self), Choice(DomainCheckMethod.self), Choice(ApproverSource.self),
        Choice(DocumentDelivery.self), Choice(PhoneCallee.self), Choice(PhoneVerificationAlternative.self),
    ]

    /// The raw value of a draft enum value, by concrete casts.
    static func rawValue(of value: Any) -> String? {
        for choice in choices { if let raw = choice.rawValue(value) { return raw } }
        return nil
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
}

extension FieldSpec {
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
        case (_, .null), (.text, .string), (.flag, .bool), (.integer, .int): return
        case (.date, .string(let s)):
            if CalendarDate(iso8601: s) == nil { _ = try parse(s) }
        case (.list, .array(let items)):
            if items.contains(where: { if case .string = $0 { return false } else { return true } }) {
                throw .invalidValue(path: path, value: value.displayText, expected: Localized("文字列のリストを指定してください", "expected a list of strings"))
            }
        case (.choice(let values), .string(let s)):
            if !values.contains(s) { throw invalidChoice(s, values) }
        default:
            throw .invalidValue(path: path, value: value.displayText, expected: expectation)
        }
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
    /// The value at a field path, or nil when the field is empty. Read by reflection, not
    /// through JSON: screens ask this for every field on every frame.
    public func value(at path: String) throws(DraftPathError) -> JSONValue? {
        var node: Any = self
        for key in path.split(separator: ".") {
            guard let child = Mirror(reflecting: node).children.first(where: { $0.label.map { $0[...] == key } ?? false }) else {
                throw .unknownPath(path)
            }
            node = child.value
        }
        guard Mirror(reflecting: node).displayStyle == .optional else { throw .unknownPath(path) }
        return Draft.json(node)
    }

    private static func json(_ value: Any) -> JSONValue? {
        // The leaf is an Optional; unwrap it to its value or to nothing.
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle != .optional || !mirror.children.isEmpty else { return nil }
        let unwrapped = mirror.displayStyle == .optional ? mirror.children.first!.value : value
        switch unwrapped {
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .int(number)
        case let date as CalendarDate: return .string(date.iso8601)
        case let list as [String]: return .array(list.map(JSONValue.string))
        default: return DraftSchema.rawValue(of: unwrapped).map(JSONValue.string)
        }
    }

    /// A copy with the field at `path` set to `value` (`.null` clears it).
    public func setting(_ path: String, to value: JSONValue) throws(DraftPathError) -> Draft {
        guard let field = DraftSchema.field(path) else { throw .unknownPath(path) }
        try field.check(value)
        let keys = path.split(separator: ".").map(String.init)
        let updated = Draft.set(asJSON(), keys[...], value)
        do {
            let data = try JSONEncoder().encode(updated)
            return try JSONDecoder().decode(Draft.self, from: data)
        } catch {
            // `check` accepted the value, so only an out-of-range case could land here.
            throw .invalidValue(path: path, value: value.displayText, expected: Localized("形式が違います", "wrong form"))
        }
    }

    func asJSON() -> JSONValue {
        let bytes = DraftCodec.encode(self)
        return (try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))) ?? .object([:])
    }

    private static func set(_ node: JSONValue, _ keys: ArraySlice<String>, _ value: JSONValue) -> JSONValue {
        guard let key = keys.first else { return value }
        var members: [String: JSONValue] = [:]
        if case .object(let existing) = node { members = existing }
        let child = members[key] ?? .object([:])
        let newChild = set(child, keys.dropFirst(), value)
        if newChild == .null { members[key] = nil } else { members[key] = newChild }
        return .object(members)
    }
}
