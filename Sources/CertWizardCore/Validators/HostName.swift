/// DNS host names as a certificate's CN and SANs need them.
public enum HostName {
    /// Why `name` is not a fully qualified host name, or nil when it is one.
    /// A leading `*.` (one wildcard label) is allowed when `allowWildcard` is set.
    public static func problem(_ name: String, allowWildcard: Bool = true) -> Localized? {
        if let bad = name.firstNonASCII {
            return Localized("半角英数字以外の文字「\(bad)」があります。日本語ドメインは xn-- で始まる Punycode で入力してください",
                             "contains '\(bad)', which is not plain ASCII; enter an internationalized name in its xn-- (Punycode) form")
        }
        if name.hasSuffix(".") {
            return Localized("末尾のドット「.」を取ってください", "remove the trailing dot")
        }
        if name.count > 253 {
            return Localized("\(name.count) 文字あります。最大 253 文字です", "is \(name.count) characters long; at most 253 are allowed")
        }
        if isIPAddress(name) {
            return Localized("IP アドレスです。FQDN (例: www.example.co.jp) を入力してください",
                             "is an IP address; enter a host name such as www.example.co.jp")
        }
        var body = Substring(name)
        if allowWildcard, body.hasPrefix("*.") { body = body.dropFirst(2) }
        // What is typed wrong says more than how many labels there are: check characters first.
        if let bad = body.first(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) {
            let shown = bad == " " ? Localized("空白", "a space") : bad == "_" ? Localized("アンダースコア「_」", "an underscore '_'")
                : bad == "*" ? Localized("先頭以外のワイルドカード「*」", "a wildcard '*' that is not the whole first label")
                : Localized("「\(bad)」", "'\(bad)'")
            return Localized("\(shown.ja)は使えません (使えるのは英数字とハイフン)",
                             "contains \(shown.en); only letters, digits and hyphens are allowed")
        }
        let labels = body.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 {
            return Localized("ドメインまで含めた FQDN (例: www.example.co.jp) を入力してください",
                             "is a single label; enter the fully qualified name, such as www.example.co.jp")
        }
        for label in labels {
            if label.isEmpty {
                return Localized("ドットが連続しているか先頭にあります", "has an empty label (two dots in a row, or a leading dot)")
            }
            if label.count > 63 {
                return Localized("ラベル「\(label.prefix(20))…」が \(label.count) 文字です。ラベルは最大 63 文字です",
                                 "the label '\(label.prefix(20))…' is \(label.count) characters; a label has at most 63")
            }
            if label.hasPrefix("-") || label.hasSuffix("-") {
                return Localized("ラベル「\(label)」の先頭か末尾がハイフンです", "the label '\(label)' begins or ends with a hyphen")
            }
        }
        if labels.last!.allSatisfy(\.isNumber) {
            return Localized("最後のラベルが数字だけです", "its last label is all digits")
        }
        return nil
    }

    public static func isValid(_ name: String, allowWildcard: Bool = true) -> Bool {
        problem(name, allowWildcard: allowWildcard) == nil
    }

    /// Dotted-quad IPv4 or anything with a colon (IPv6).
    static func isIPAddress(_ text: String) -> Bool {
        if text.contains(":") { return true }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { p in !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isNumber) && Int(p)! <= 255 }
    }
}
