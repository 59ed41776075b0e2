import Foundation
import CertWizardCore

/// The applicant organizations the test targets share, written as Japanese companies register
/// their English names: commas, apostrophes, `+`, `&`, `#`, quotes, long names. Every target
/// that needs an organization takes it from here (no target keeps its own copy), so a name the
/// field writes that certwiz mishandles fails everywhere at once. `sample` is the one the
/// golden screens show.
public struct Applicant: Sendable, CustomStringConvertible {
    public let nameJa: String
    /// The registered English name: organization.nameEn and the CSR's O.
    public let nameEn: String
    public let address: String
    public let locality: String
    public let state: String
    public let commonName: String
    public let otherNames: [String]

    public var description: String { nameEn }

    /// The subject as `openssl req -subj` takes it (`/` and `+` escaped, as openssl requires).
    public var opensslSubject: String {
        func escaped(_ value: String) -> String {
            value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "/", with: "\\/")
                .replacingOccurrences(of: "+", with: "\\+")
        }
        return "/C=JP/ST=\(escaped(state))/L=\(escaped(locality))/O=\(escaped(nameEn))/CN=\(commonName)"
    }

    /// How `openssl ... -nameopt multiline` prints the organization (one attribute a line, unescaped).
    public var opensslOrganizationLine: String { "organizationName          = \(nameEn)" }

    public static let sample = all[0]

    public static let all: [Applicant] = [
        Applicant(nameJa: "見本商事株式会社", nameEn: "Mihon Shoji Co., Ltd.", address: "東京都中央区銀座1-1-1",
                  locality: "Chuo-ku", state: "Tokyo", commonName: "www.example.co.jp", otherNames: ["example.co.jp"]),
        Applicant(nameJa: "オライリー・ジャパン株式会社", nameEn: "O'Reilly Japan, Inc.", address: "東京都新宿区四谷坂町12-22",
                  locality: "Shinjuku-ku", state: "Tokyo", commonName: "www.oreilly-japan.example.jp", otherNames: []),
        Applicant(nameJa: "田中アンドサンズ株式会社", nameEn: "Tanaka + Sons K.K.", address: "大阪府大阪市北区梅田1-1-3",
                  locality: "Osaka-shi", state: "Osaka", commonName: "www.tanaka-sons.example.jp", otherNames: ["tanaka-sons.example.jp"]),
        Applicant(nameJa: "第一ロジスティクス株式会社", nameEn: "#1 Logistics Inc.", address: "愛知県名古屋市中区栄3-4-5",
                  locality: "Nagoya-shi", state: "Aichi", commonName: "www.no1-logistics.example.jp", otherNames: []),
        Applicant(nameJa: "寿食品株式会社", nameEn: "\"Kotobuki\" Foods K.K.", address: "北海道札幌市中央区北1条西2丁目",
                  locality: "Sapporo-shi", state: "Hokkaido", commonName: "shop.kotobuki-foods.example.jp", otherNames: []),
        Applicant(nameJa: "山田アンドカンパニー株式会社", nameEn: "Yamada & Co.,Ltd.", address: "福岡県福岡市博多区博多駅前2-1-1",
                  locality: "Fukuoka-shi", state: "Fukuoka", commonName: "www.yamada-co.example.jp", otherNames: ["mail.yamada-co.example.jp"]),
        Applicant(nameJa: "日本国際電気通信エンジニアリング・コンサルティング株式会社",
                  nameEn: "Nippon Kokusai Denki Tsushin Engineering & Consulting Co., Ltd.", address: "神奈川県横浜市西区みなとみらい2-2-1",
                  locality: "Yokohama-shi", state: "Kanagawa", commonName: "portal.nkdt-engineering.example.jp", otherNames: []),
    ]
}
