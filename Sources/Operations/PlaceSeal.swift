import ACME
import CertWizardCore
import CertWizardPKI
import Issuers

/// 5-3: the seal's HTML written beside the certificate (`NAME.seal.html`), and, given a URL, the
/// page fetched and searched for it; found there, the seal is recorded as placed, dated.
public struct PlaceSeal: Operation {
    public let draft: Draft
    public let snippet: SiteSeal.Snippet
    public let checkURL: String?
    public let today: CalendarDate
    public let fallbackDirectory: String

    public init(draft: Draft, snippet: SiteSeal.Snippet, checkURL: String?, today: CalendarDate, fallbackDirectory: String) {
        self.draft = draft
        self.snippet = snippet
        self.checkURL = checkURL
        self.today = today
        self.fallbackDirectory = fallbackDirectory
    }

    public var title: Localized { Localized("サイトシール", "Site seal") }
    public var timeLimit: Duration { .seconds(30) }

    public struct SealPlaced: DraftChange {
        public let path: String
        public let html: String
        public let checked: String?
        public let found: Bool?
        let today: CalendarDate

        public func applied(to draft: Draft) throws(ChangeRefused) -> Draft {
            guard found == true, draft.installation.sealInstalled != true || !draft.timeline.contains(where: { $0.event == "seal-placed" }) else { return draft }
            var updated = draft
            updated.installation.sealInstalled = true
            updated.timeline.append(TimelineEvent(date: today, event: "seal-placed", note: checked))
            return updated
        }

        public var summary: Localized {
            switch found {
            case true?: return Localized("サイトシールが \(checked ?? "") にあります。記録しました", "The site seal is on \(checked ?? ""): recorded")
            case false?: return Localized("\(checked ?? "") にサイトシールが見つかりません (\(path) の HTML をページに貼ってください)",
                                          "The site seal is not on \(checked ?? "") (put the HTML in \(path) on the page)")
            case nil: return Localized("サイトシールの HTML を \(path) に書きました。サイトのページに貼ってください", "Wrote the site seal's HTML to \(path): put it on the site's pages")
            }
        }
    }

    public func run(_ context: OperationContext) async throws -> SealPlaced {
        let path = KeyFiles.certificateBase(for: draft, fallbackDirectory: fallbackDirectory) + ".seal.html"
        var found: Bool?
        if let checkURL {
            // Whether the seal is on the page, not whether the page's certificate is good (`verify` says that).
            let page: HTTPTransport.Response
            do { page = try await HTTPTransport(verifiesCertificates: false, timeLimit: .seconds(15)).send(.GET, checkURL) } catch HTTPTransport.TransportError.badURL {
                throw OperationFailure.failed(Localized("URL は http:// か https:// で始めてください: \(checkURL)", "give a URL starting with http:// or https://: \(checkURL)"))
            } catch {
                let reason = RequestFailure.reason(error)
                throw OperationFailure.unreadable(Localized("\(checkURL) を読めません: \(reason.ja)", "cannot read \(checkURL): \(reason.en)"))
            }
            guard (200..<300).contains(page.status) else {
                throw OperationFailure.failed(Localized("\(checkURL) は HTTP \(page.status) を返しました", "\(checkURL) answered HTTP \(page.status)"))
            }
            found = String(decoding: page.body, as: UTF8.self).contains(snippet.marker)
        }
        try context.commit {
            try AtomicFile.makeDirectories(AtomicFile.split(path).dir)
            try AtomicFile.write(Array(snippet.html.utf8), to: path, mode: 0o644)
        }
        return SealPlaced(path: path, html: snippet.html, checked: checkURL, found: found, today: today)
    }
}
