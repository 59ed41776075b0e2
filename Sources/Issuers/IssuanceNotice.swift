#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CertWizardCore

/// The issuance notice as the real one arrives (R 5-1): from the issuer's order desk to the
/// technical contact, subject by product, certificate and intermediate in the body. Written
/// as an RFC 5322 message (.eml), UTF-8, the subject MIME-encoded.
enum IssuanceNotice {
    static func eml(draft: Draft, certificatePEM: String, intermediatePEM: String, date: Date) -> String {
        let product = (draft.order.product ?? .secure).name.ja
        let subject = "サーバ ID 発行のお知らせ (\(product)) [DEMO]"
        let encodedSubject = "=?UTF-8?B?" + Data(subject.utf8).base64EncodedString() + "?="
        let to = draft.technicalContact.email ?? "technical-contact@example.invalid"
        let body = """
            \(draft.technicalContact.company ?? "") \(draft.technicalContact.name ?? "") 様

            certwiz デモ発行元です (訓練用。この証明書はどのブラウザにも信頼されません)。
            ご注文 \(draft.order.orderNumber ?? "") のサーバ ID を発行しました。
            コモンネーム: \(draft.csr.commonName ?? "")

            サーバ証明書と中間 CA 証明書の両方をサーバにインストールしてください。

            ----- サーバ証明書 / Server certificate -----
            \(certificatePEM)
            ----- 中間 CA 証明書 / Intermediate CA certificate -----
            \(intermediatePEM)
            """
        let headers = [
            "From: certwiz demo orders <isporders@demo.certwiz.invalid>",
            "To: \(to)",
            "Subject: \(encodedSubject)",
            "Date: \(rfc5322(date))",
            "Message-ID: <\(draft.order.orderNumber ?? "order").\(Int(date.timeIntervalSince1970))@demo.certwiz.invalid>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body.replacingNewlinesWithCRLF() + "\r\n"
    }

    static func rfc5322(_ date: Date) -> String {
        let day = CalendarDate(dayNumber: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
        let seconds = Int(date.timeIntervalSince1970) % 86_400
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekdays[day.weekday.rawValue]), \(day.day) \(months[day.month - 1]) \(day.year) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)) +0000"
    }
}

extension String {
    func replacingNewlinesWithCRLF() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }
}
