/// An amount of yen as people read it: "88,000 円" / "¥88,000".
public enum Yen {
    public static func text(_ amount: Int) -> Localized {
        let digits = String(abs(amount))
        var grouped = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        let sign = amount < 0 ? "-" : ""
        return Localized("\(sign)\(grouped) 円", "\(sign)¥\(grouped)")
    }
}
