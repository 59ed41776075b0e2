/// E-mail addresses of contacts and approvers (addr-spec with a dot-atom local part).
public enum EmailAddress {
    private static let localSpecials = Set("!#$%&'*+/=?^_`{|}~.-")

    public static func problem(_ address: String) -> Localized? {
        if address.contains("＠") {
            return Localized("全角の「＠」を半角の「@」にしてください", "uses the full-width '＠'; type the ASCII '@'")
        }
        if let bad = address.firstNonASCII {
            return Localized("「\(bad)」は使えません (半角英数字で入力してください)", "contains '\(bad)'; an address is plain ASCII")
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return Localized("「@」がちょうど 1 つ必要です (例: taro@example.co.jp)", "needs exactly one '@' (e.g. taro@example.co.jp)")
        }
        let local = parts[0], domain = String(parts[1])
        if local.isEmpty || local.count > 64 {
            return Localized("@ の前の部分は 1〜64 文字です", "the part before '@' must be 1 to 64 characters")
        }
        if let bad = local.first(where: { !($0.isLetter || $0.isNumber || localSpecials.contains($0)) }) {
            return Localized("@ の前に「\(bad)」は使えません", "'\(bad)' is not allowed before the '@'")
        }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            return Localized("@ の前でドットが先頭・末尾・連続になっています", "a dot begins, ends or repeats before the '@'")
        }
        if let reason = HostName.problem(domain, allowWildcard: false) {
            return Localized("@ の後のドメイン「\(domain)」: \(reason.ja)", "the domain '\(domain)' \(reason.en)")
        }
        return nil
    }
}
