/// An amount of yen as people read it: "88,000 円" / "¥88,000".
public enum Yen {
    public static func text(_ amount: Int) -> Localized {
        let sign = amount < 0 ? "-" : ""
        let grouped = GroupedNumber.text(abs(amount))
        return Localized("\(sign)\(grouped) 円", "\(sign)¥\(grouped)")
    }
}
