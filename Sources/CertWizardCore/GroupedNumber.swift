/// A whole number grouped by thousands, as both languages write it: 1,000,000.
public enum GroupedNumber {
    public static func text(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var grouped = n < 0 ? "-" : ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        return grouped
    }
}
