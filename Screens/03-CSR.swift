import CertWizardCore

/// 1-2 CSR の準備: the Distinguished Name, SANs, key type and server software (R 1-2).
public let csrScreen = ScreenSpec(
    id: "csr", step: .csr,
    title: Localized("CSR の準備", "Prepare the CSR"),
    guidance: Localized(
        "CSR (証明書署名要求) は、証明書を使うサーバ上で作成します。レンタルサーバではホスティング会社が作成します。識別名 (DN) はすべて半角英数字で入力します。",
        "Make the CSR (certificate signing request) on the server that will use the certificate; on a rented server the hosting company makes it. Every Distinguished Name field is entered in plain ASCII."),
    items: [
        .field(ScreenField("csr.serverSoftware", .choice(ChoiceOption.from(ServerSoftware.self, \.name)), help: Localized("証明書を入れるサーバソフトウェア。インストール手順と中間証明書の入れ方が変わります。",
                             "The server software the certificate goes into; installation and the intermediate certificate depend on it."))),
        .field(ScreenField("csr.commonName", help: Localized(
            "SSL を使うサイトの FQDN。更新では現在の証明書とまったく同じにします。ワイルドカードは *.example.co.jp の形です。",
            "The FQDN of the SSL site. On renewal exactly the current certificate's CN. A wildcard is written *.example.co.jp."),
            example: "www.example.co.jp")),
        .field(ScreenField("csr.organization", help: Localized(
            "組織の正式な英文名。法人格 (inc.、Co.,Ltd、K.K. など) も含めます。",
            "The organization's official English name, legal form included (inc., Co.,Ltd, K.K. ...)."), example: "Sample K.K.")),
        .field(ScreenField("csr.organizationalUnit", help: Localized(
            "部署名。公的に信頼される証明書には載らなくなったため、空欄をおすすめします。",
            "The department. Publicly trusted certificates no longer carry it: leaving it empty is recommended."), example: "Web Sales")),
        .field(ScreenField("csr.locality", help: Localized(
            "市区町村。帝国データバンク、登記事項証明書、職員録のいずれかに登録された住所と一致させます。",
            "City or ward, as registered with Teikoku Databank, in the certificate of registered matters, or in the staff directory."),
            example: "Chuo-ku")),
        .field(ScreenField("csr.state", help: Localized(
            "都道府県 (ローマ字)。登録された住所と一致させます。", "The prefecture in romaji, matching the registered address."), example: "Tokyo")),
        .field(ScreenField("csr.country", help: Localized("2 文字の国コード。日本は JP。", "The two-letter country code; JP for Japan."), example: "JP")),
        .field(ScreenField("csr.subjectAltNames", .lines(height: 3), help: Localized(
            "証明書に入れるホスト名を 1 行に 1 つ。ブラウザはここだけを見ます。空ならコモンネームだけが入ります。",
            "Host names the certificate covers, one per line. Browsers read only these; when empty the Common Name alone is used."),
            example: "www.example.co.jp")),
        .field(ScreenField("csr.origin", .choice(ChoiceOption.from(CSROrigin.self, [
            "generateHere": Localized("このサーバで鍵と CSR を作る (おすすめ)", "Make the key and CSR here, on this server (recommended)"),
            "existing": Localized("作成済みの CSR を貼り付ける・読み込む", "Paste or load a CSR made already"),
        ])), help: Localized(
            "鍵は証明書を使うサーバで作り、外に出さないのが原則です。ホスティング会社が作った CSR などは貼り付けます。",
            "The key is best made on the server that uses it and never leaves it. Paste a CSR made elsewhere (by a hosting company, say)."))),
        .field(ScreenField("csr.keyType", .choice(ChoiceOption.from(KeyType.self, [
            "rsa2048": Localized("RSA 2048 ビット (最も広く使える)", "RSA 2048-bit (works everywhere)"),
            "rsa3072": Localized("RSA 3072 ビット", "RSA 3072-bit"),
            "rsa4096": Localized("RSA 4096 ビット (生成に時間がかかります)", "RSA 4096-bit (slow to generate)"),
            "p256": Localized("ECDSA P-256 (速くて小さい)", "ECDSA P-256 (fast and small)"),
            "p384": Localized("ECDSA P-384", "ECDSA P-384"),
        ])), help: Localized("秘密鍵の種類。迷ったら RSA 2048 か ECDSA P-256。", "The private key's type. When unsure: RSA 2048 or ECDSA P-256."),
            when: { $0.csr.origin != .existing })),
        .action(ScreenAction(.makeKeyAndCSR, label: Localized("鍵と CSR を作る", "Make the key and CSR"),
                             help: Localized("このサーバで新しい鍵 (0600、既存の鍵は上書きしません) と CSR を作ります。",
                                             "Makes a new key on this server (0600; an existing key is never overwritten) and its CSR."),
                             when: { $0.csr.origin == .generateHere && $0.csr.keyType != nil })),
        .note(Localized(
            "鍵はこのサーバから出さず、安全な場所にバックアップしてください。なくすと再発行 (有償のことがあります) が必要です。",
            "Keep the key on this server and back it up somewhere safe: losing it means a reissue, which may be charged."),
              when: { $0.csr.keyPath != nil && $0.csr.origin == .generateHere }),
        .summary(KeySummary.lines),
        .field(ScreenField("csr.file", help: Localized(
            "作成済みの CSR のファイル (PEM か DER)。読み込むと下の欄に入ります。貼り付ける場合は空のままにします。",
            "A CSR file made already (PEM or DER); loading it fills the field below. Leave it empty to paste instead."),
            example: "/etc/ssl/www.example.co.jp.csr", when: { $0.csr.origin == .existing })),
        .action(ScreenAction(.loadCSRFile, label: Localized("CSR ファイルを読み込む", "Load the CSR file"),
                             help: Localized("上のファイルの CSR を読み、検査して下の欄に入れます。", "Reads the CSR in the file above, checks it and puts it below."),
                             runsWhenAnswered: "csr.file",
                             when: { $0.csr.origin == .existing && ($0.csr.file ?? "").isEmpty == false })),
        .field(ScreenField("csr.pem", .lines(height: 6), help: Localized(
            "-----BEGIN CERTIFICATE REQUEST----- から -----END CERTIFICATE REQUEST----- までをそのまま貼り付けます。",
            "Paste everything from -----BEGIN CERTIFICATE REQUEST----- to -----END CERTIFICATE REQUEST-----."),
            // A CSR made here belongs to its key: it is shown with the key, never edited by hand.
            when: { $0.csr.origin == .existing || ($0.csr.pem != nil && $0.csr.keyPath == nil) })),
    ])

/// Where the key made here is, and its fingerprint, once there is one.
enum KeySummary {
    @Sendable static func lines(_ d: Draft) -> [SummaryLine] {
        guard d.csr.origin == .generateHere, let path = d.csr.keyPath else { return [] }
        var lines = [SummaryLine(Localized("鍵ファイル", "Key file"), path),
                     SummaryLine(Localized("公開鍵 SHA-256", "Public key SHA-256"), d.csr.publicKeyFingerprint ?? "—")]
        if d.csr.pem != nil {
            lines.append(SummaryLine(Localized("CSR", "CSR"), Localized("この鍵で作成済み (手で編集しません。certwiz sheet で表示)",
                                                                        "made with this key (not edited by hand; certwiz sheet prints it)")))
        }
        return lines
    }
}
