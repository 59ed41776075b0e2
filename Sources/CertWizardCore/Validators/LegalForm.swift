/// Legal forms that the English organization name should carry (K.K., Co., Ltd., Inc. ...).
public enum LegalForm {
    /// Words (dots removed, lower case) that mark a legal form.
    static let markers: Set<String> = [
        "kk", "yk", "gk", "co", "ltd", "coltd", "inc", "corp", "corporation", "incorporated",
        "llc", "llp", "lp", "plc", "limited", "company", "kaisha", "gmbh", "ag", "sa", "bv", "nv",
    ]

    public static func isPresent(in name: String) -> Bool {
        let words = name.lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" })
            .map { $0.filter { $0 != "." } }
        return words.contains(where: markers.contains)
    }
}
