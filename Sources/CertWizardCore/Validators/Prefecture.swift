/// Japan's 47 prefectures in romaji, for the CSR's State (ST) when C is JP.
public enum Prefecture {
    public static let names = [
        "Hokkaido", "Aomori", "Iwate", "Miyagi", "Akita", "Yamagata", "Fukushima", "Ibaraki", "Tochigi",
        "Gunma", "Saitama", "Chiba", "Tokyo", "Kanagawa", "Niigata", "Toyama", "Ishikawa", "Fukui",
        "Yamanashi", "Nagano", "Gifu", "Shizuoka", "Aichi", "Mie", "Shiga", "Kyoto", "Osaka", "Hyogo",
        "Nara", "Wakayama", "Tottori", "Shimane", "Okayama", "Hiroshima", "Yamaguchi", "Tokushima",
        "Kagawa", "Ehime", "Kochi", "Fukuoka", "Saga", "Nagasaki", "Kumamoto", "Oita", "Miyazaki",
        "Kagoshima", "Okinawa",
    ]
    /// Other romanizations in use (long vowels written out).
    static let variants = ["hyougo": "Hyogo", "kouchi": "Kochi", "ooita": "Oita", "gumma": "Gunma",
                           "hokkaidou": "Hokkaido", "toukyou": "Tokyo", "kyouto": "Kyoto", "oosaka": "Osaka"]

    /// The prefecture `text` names ("Tokyo", "tokyo-to", "Osaka Prefecture"), or nil.
    public static func match(_ text: String) -> String? {
        var key = text.trimmed.lowercased()
        for suffix in [" prefecture", "-prefecture", "-to", "-fu", "-ken", " to", " fu", " ken"] where key.hasSuffix(suffix) {
            key = String(key.dropLast(suffix.count))
            break
        }
        if let name = names.first(where: { $0.lowercased() == key }) { return name }
        return variants[key]
    }
}
