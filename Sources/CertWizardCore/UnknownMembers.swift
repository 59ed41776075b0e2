/// The members of a draft's JSON that are not draft fields, and putting them back on save. A
/// member is known when its path is a field (`csr.commonName`), a section holding fields (`csr`),
/// or one of `schemaVersion` and `timeline`; anything else is kept whole, wherever it is.
enum UnknownMembers {
    /// A field's path, or one of the two members that are not fields. (The field table's own
    /// index answers: a set of the same paths cost ~50,000 instructions before the first frame.)
    static func isKnownPath(_ path: String) -> Bool {
        path == "schemaVersion" || path == "timeline" || DraftFields.isField(path)
    }

    static let sections: Set<String> = {
        var sections: Set<String> = []
        for path in DraftFields.paths {
            let parts = path.split(separator: ".")
            for end in 1..<max(1, parts.count) { sections.insert(parts[..<end].joined(separator: ".")) }
        }
        return sections
    }()

    /// Whether a key's path (outside arrays) is a field or a section of fields.
    static func isKnown(_ path: String) -> Bool { isKnownPath(path) || sections.contains(path) }

    /// What of `members` (the draft's top-level object) no field accounts for; nil when nothing.
    static func of(_ members: [String: JSONValue]) -> [String: JSONValue]? {
        let unknown = collect(members, prefix: "")
        return unknown.isEmpty ? nil : unknown
    }

    private static func collect(_ members: [String: JSONValue], prefix: String) -> [String: JSONValue] {
        var unknown: [String: JSONValue] = [:]
        for (key, value) in members {
            let path = prefix.isEmpty ? key : prefix + "." + key
            if isKnownPath(path) { continue }
            if sections.contains(path) {
                if case .object(let inner) = value {
                    let nested = collect(inner, prefix: path)
                    if !nested.isEmpty { unknown[key] = .object(nested) }
                }
                continue
            }
            unknown[key] = value
        }
        return unknown
    }

    /// Adds `unknown` to `known` where `known` has nothing of its own (sections merge member by member).
    static func merge(_ unknown: [String: JSONValue], into known: inout [String: JSONValue]) {
        for (key, value) in unknown {
            switch (known[key], value) {
            case (nil, _):
                known[key] = value
            case (.object(var existing)?, .object(let inner)):
                merge(inner, into: &existing)
                known[key] = .object(existing)
            default:
                break  // a field of the same name was written: what certwiz knows wins
            }
        }
    }
}
