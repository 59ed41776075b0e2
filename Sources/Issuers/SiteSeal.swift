import CertWizardCore

/// 5-3, the site seal: the HTML an issuer gives to show on the site. The demo issuer makes a
/// demo snippet itself; a real issuer's comes from its site-seal page, which the applicant
/// copies (certwiz keeps it and can check a page for it).
public enum SiteSeal {
    public struct Snippet: Equatable, Sendable {
        public let html: String
        /// Text that identifies the snippet on a page.
        public let marker: String
    }

    /// The demo issuer's seal for an issued draft; nil for other issuers.
    public static func demoSnippet(for draft: Draft) -> Snippet? {
        guard draft.order.issuer == nil || draft.order.issuer == "demo", let order = draft.order.orderNumber, draft.issuance.issuedOn != nil else { return nil }
        let cn = draft.csr.commonName ?? ""
        let marker = "certwiz-demo-seal-\(order)"
        let html = """
            <!-- certwiz DEMO site seal for \(cn): for training only, not a real seal. -->
            <div id="\(marker)" class="certwiz-demo-seal" style="display:inline-block;border:1px solid #888;padding:4px 8px;font:12px sans-serif">
              DEMO: \(cn) (order \(order)) &mdash; certwiz training seal, trusted by nothing
            </div>

            """
        return Snippet(html: html, marker: marker)
    }

    /// A snippet the applicant copied from the issuer's page: its longest line identifies it.
    public static func snippet(copied html: String) -> Snippet? {
        let lines = html.split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
        guard let marker = lines.max(by: { $0.count < $1.count }) else { return nil }
        return Snippet(html: html.hasSuffix("\n") ? html : html + "\n", marker: marker)
    }

    /// Where a real issuer's seal comes from.
    public static let whereToGet = Localized(
        "発行元のサイトシールのページ (証明書の管理画面の「サイトシール」) で、コモンネームを選んで HTML を作り、ファイルに保存してから certwiz seal --snippet ファイル で渡してください",
        "On the issuer's site seal page (\"Site seal\" in its certificate management pages), choose the Common Name, make the HTML, save it in a file, and give it with certwiz seal --snippet FILE")
}
