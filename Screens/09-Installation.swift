import CertWizardCore

/// 5 インストール: certificate and intermediate into the server, and the site seal (R 5).
public let installationScreen = ScreenSpec(
    id: "installation", step: .installation,
    title: Localized("インストール", "Installation"),
    guidance: Localized(
        "証明書は技術担当者のメールに届きます (件名「サーバ ID 発行のお知らせ」、迷惑メールフォルダも確認)。証明書と、製品に合った最新の中間 CA 証明書をサーバに入れます。IIS 以外は中間証明書を別に入れます。自動インストールは次の版で加わります。",
        "The certificate arrives by e-mail to the technical contact (subject \"サーバ ID 発行のお知らせ\"; check spam folders). Install it and the latest intermediate CA certificate for the product; every server but IIS needs the intermediate installed separately. Automatic installation arrives in a later version."),
    items: [
        // What goes into the server, as files on this one: the key named with its certificate.
        .summary { draft in
            var lines: [SummaryLine] = []
            if let path = draft.issuance.certificatePath { lines.append(SummaryLine(Localized("証明書", "Certificate"), path)) }
            if let path = draft.issuance.chainPath { lines.append(SummaryLine(Localized("中間 CA 証明書", "Intermediate"), path)) }
            if let path = draft.csr.keyPath { lines.append(SummaryLine(Localized("秘密鍵 (0600)", "Private key (0600)"), path)) }
            return lines
        },
        .field(ScreenField(\.installation.certificateInstalled, .yesNo, label: Localized("証明書をインストール済み", "Certificate installed"),
                           help: Localized("サーバ証明書を入れましたか。", "Is the server certificate installed?"))),
        .field(ScreenField(\.installation.intermediateInstalled, .yesNo, label: Localized("中間 CA 証明書をインストール済み", "Intermediate installed"),
                           help: Localized("中間 CA 証明書を入れましたか。ないと一部のブラウザでエラーになります。", "Is the intermediate CA certificate installed? Without it some browsers fail."))),
        .field(ScreenField(\.installation.sealInstalled, .yesNo, label: Localized("サイトシールを設置済み", "Site seal placed"),
                           help: Localized("発行元のページで作った JavaScript をサイトに貼りましたか (任意)。", "Has the seal JavaScript from the issuer's page been put on the site (optional)?"))),
    ])
