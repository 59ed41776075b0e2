/// 法人番号: twelve digits preceded by a check digit (National Tax Agency's formula).
public enum CorporateNumber {
    public static func problem(_ number: String) -> Localized? {
        if number.contains(where: { ("０"..."９").contains($0) }) {
            return Localized("全角数字は半角で入力してください", "uses full-width digits; type them half-width")
        }
        guard number.count == 13, number.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return Localized("半角数字 13 桁で入力してください (いま \(number.count) 文字、ハイフンなし)",
                             "must be 13 digits with no hyphens (now \(number.count) characters)")
        }
        let digits = number.map { Int($0.asciiValue! - 48) }
        guard digits[0] == checkDigit(of: Array(digits[1...])) else {
            return Localized("チェックデジット (先頭の数字) が合いません。番号を確かめてください",
                             "its check digit (the first digit) does not match; check the number")
        }
        return nil
    }

    /// 9 - (Σ Pn×Qn mod 9), Pn the n-th digit from the right of the 12-digit base,
    /// Qn 1 for odd n and 2 for even n.
    public static func checkDigit(of base: [Int]) -> Int {
        var sum = 0
        for (offset, digit) in base.reversed().enumerated() {
            sum += digit * (offset % 2 == 0 ? 1 : 2)
        }
        return 9 - sum % 9
    }
}
