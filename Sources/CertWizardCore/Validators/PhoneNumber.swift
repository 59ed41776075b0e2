/// Japanese domestic numbers (03-1234-5678, 090-1234-5678, 0120-123-456) and E.164 (+81 3 1234 5678).
public enum PhoneNumber {
    private static let separators: Set<Character> = ["-", " ", "(", ")"]
    /// Domestic prefixes whose numbers have 11 digits; every other domestic number has 10.
    private static let elevenDigitPrefixes = ["020", "050", "060", "070", "080", "090", "0800"]

    public static func problem(_ number: String) -> Localized? {
        if number.contains(where: { ("０"..."９").contains($0) || $0 == "－" || $0 == "ー" || $0 == "＋" }) {
            return Localized("全角の数字・記号は半角で入力してください", "uses full-width digits or signs; type them half-width")
        }
        if let bad = number.first(where: { !($0.isASCII && ($0.isNumber || separators.contains($0) || $0 == "+")) }) {
            return Localized("「\(bad)」は使えません (数字・ハイフン・空白・括弧・先頭の + のみ)",
                             "contains '\(bad)'; use digits, hyphens, spaces, brackets and a leading '+'")
        }
        let plus = number.hasPrefix("+")
        if number.dropFirst(plus ? 1 : 0).contains("+") {
            return Localized("「+」は先頭にだけ置けます", "'+' may only come first")
        }
        let digits = String(number.filter(\.isNumber))
        if plus {
            if digits.hasPrefix("81") {
                let national = digits.dropFirst(2)
                if national.hasPrefix("0") {
                    return Localized("+81 の後は市外局番の先頭の 0 を除きます (+81 3 1234 5678)",
                                     "drop the leading 0 after +81 (+81 3 1234 5678)")
                }
                guard (9...10).contains(national.count) else {
                    return Localized("+81 の後の桁数が合いません (9 か 10 桁)", "has the wrong number of digits after +81 (9 or 10)")
                }
                return nil
            }
            guard (8...15).contains(digits.count), !digits.hasPrefix("0") else {
                return Localized("国際番号 (E.164) は + と国番号で始まる 8〜15 桁です",
                                 "an international (E.164) number is '+', a country code, 8 to 15 digits in all")
            }
            return nil
        }
        guard digits.hasPrefix("0"), !digits.hasPrefix("00") else {
            return Localized("国内の番号は 0 で始めてください (例: 03-1234-5678)。海外の番号は + から",
                             "a Japanese number begins with 0 (e.g. 03-1234-5678); an international one with '+'")
        }
        let expected = elevenDigitPrefixes.contains(where: digits.hasPrefix) ? 11 : 10
        guard digits.count == expected else {
            return Localized("桁数が合いません (\(digits.count) 桁、この番号は \(expected) 桁)",
                             "has \(digits.count) digits; a number like this has \(expected)")
        }
        return nil
    }
}
