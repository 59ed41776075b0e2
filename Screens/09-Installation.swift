import CertWizardCore

/// 5 インストール: receive the certificate, install it with its chain into the server and check
/// the live server, and the site seal (R 5-1, 5-2, 5-3).
public let installationScreen = ScreenSpec(
    id: "installation", step: .installation,
    title: Localized("インストール", "Installation"),
    guidance: Localized(
        "証明書は技術担当者のメールに届きます (件名「サーバ ID 発行のお知らせ」、迷惑メールフォルダも確認)。メールかファイルを受け取り、サーバを選んで「サーバに入れる」を押すと、変更の差分を見てから、バックアップ・サーバ自身の検査・再読み込み・実際の TLS 接続での確認まで行います。失敗したらすべて元に戻します。",
        "The certificate arrives by e-mail to the technical contact (subject \"サーバ ID 発行のお知らせ\"; check spam folders). Receive the mail or file, choose the server and press \"Install into the server\": you see the diff first, then certwiz backs up, runs the server's own check, reloads and checks the live server over TLS. If anything fails, everything is restored."),
    items: [
        // What goes into the server, as files on this one: the key named with its certificate.
        .summary { draft in
            var lines: [SummaryLine] = []
            if let path = draft.issuance.certificatePath { lines.append(SummaryLine(Localized("証明書", "Certificate"), path)) }
            if let path = draft.issuance.chainPath { lines.append(SummaryLine(Localized("中間 CA 証明書", "Intermediate"), path)) }
            if let path = draft.csr.keyPath { lines.append(SummaryLine(Localized("秘密鍵 (0600)", "Private key (0600)"), path)) }
            return lines
        },
        .field(ScreenField("issuance.importFrom", label: Localized("受け取るファイル", "File to receive"), help: Localized(
            "発行通知メール (.eml)、証明書 (PEM / DER)、PKCS#7 (.p7b) のパス。入れると受け取ります (鍵と名前を確かめ、順序を直し、鍵の隣に書きます)。デモ発行元の証明書は受け取り済みです。",
            "The path of the issuance notice (.eml), a certificate (PEM / DER) or PKCS#7 (.p7b). Entering it receives the certificate (key and names checked, put in order, written beside the key). The demo issuer's certificate is received already."),
            example: "/home/admin/notice.eml", when: { $0.issuance.certificatePath == nil })),
        .action(ScreenAction(.importCertificate, label: Localized("証明書を受け取る", "Receive the certificate"),
                             help: Localized("上のファイルから証明書と中間 CA 証明書を受け取ります。", "Receives the certificate and intermediates from the file above."),
                             runsWhenAnswered: "issuance.importFrom", when: { $0.issuance.certificatePath == nil })),
        .field(ScreenField("installation.server", .choice(ChoiceOption.from(InstallServer.self, [
            "nginx": Localized("nginx", "nginx"), "apache": Localized("Apache 2.4", "Apache 2.4"),
            "iis": Localized("IIS (PFX を作る)", "IIS (makes a PFX)"), "files": Localized("ファイルだけ (ほかのサーバ)", "Files only (any other server)"),
        ])), label: Localized("入れるサーバ", "Server"), help: Localized(
            "証明書を入れるサーバ。空なら CSR の画面で選んだサーバソフトウェアです。", "Where the certificate goes; empty means the server software chosen on the CSR screen."),
            when: { $0.issuance.issuedOn != nil })),
        .field(ScreenField("installation.configPath", label: Localized("設定ファイル", "Config file"), help: Localized(
            "サーバの主設定ファイル。空なら /etc/nginx/nginx.conf または /etc/apache2/apache2.conf。include をたどって server_name / ServerName が合うブロックを探します。",
            "The server's main configuration file; empty means /etc/nginx/nginx.conf or /etc/apache2/apache2.conf. Includes are followed to find the block whose server_name / ServerName matches."),
            example: "/etc/nginx/nginx.conf", when: { $0.issuance.issuedOn != nil })),
        .field(ScreenField("installation.destination", label: Localized("ファイルの置き場所", "Files go to"), help: Localized(
            "証明書、チェーン、フルチェーン、鍵 (0600) を書くフォルダ。空なら root では /etc/ssl/certwiz/CN/。",
            "The folder for the certificate, chain, full chain and key (0600); empty means /etc/ssl/certwiz/CN/ as root."),
            example: "/etc/ssl/certwiz/www.example.co.jp", when: { $0.issuance.issuedOn != nil })),
        .field(ScreenField("installation.listen", label: Localized("待ち受け", "Listen on"), help: Localized(
            "合うブロックがないときに作るサイトの待ち受け (既定 443)。確認の接続先にもなります。", "Where a new site listens when no block matches (default 443); also where the live check connects."),
            example: "443", when: { $0.issuance.issuedOn != nil })),
        .action(ScreenAction(.previewInstall, label: Localized("サーバに入れる…", "Install into the server…"),
                             help: Localized("変更の差分を見せ、y で変更・検査・再読み込み・確認します。失敗したらすべて元に戻します。",
                                             "Shows the diff; y makes the change, runs the server's check, reloads and checks the live server. Anything failing is undone."),
                             when: { $0.issuance.issuedOn != nil })),
        .action(ScreenAction(.verifyInstallation, label: Localized("稼働中のサーバを確かめる", "Check the live server"),
                             help: Localized("実際の TLS 接続で、この証明書とチェーンが送られているか確かめ、通ればインストールを記録します。",
                                             "Makes a real TLS connection and checks that this certificate and its chain are sent; passing records the installation."),
                             when: { $0.issuance.issuedOn != nil })),
        .field(ScreenField("installation.certificateInstalled", .yesNo, label: Localized("証明書をインストール済み (手で)", "Certificate installed (by hand)"),
                           help: Localized("自分で入れた場合に記録します。certwiz で入れて確認が通れば自動で記録されます。",
                                           "Record it when you installed it yourself; installing with certwiz records it once the live check passes."))),
        .field(ScreenField("installation.intermediateInstalled", .yesNo, label: Localized("中間 CA 証明書をインストール済み (手で)", "Intermediate installed (by hand)"),
                           help: Localized("中間 CA 証明書を入れましたか。ないと一部のブラウザでエラーになります。", "Is the intermediate CA certificate installed? Without it some browsers fail."))),
        .action(ScreenAction(.placeSeal, label: Localized("サイトシールの HTML を作る", "Make the site seal's HTML"),
                             help: Localized("デモ発行元のシールの HTML を証明書の隣に書きます。ほかの発行元では certwiz seal --snippet を使います。",
                                             "Writes the demo issuer's seal HTML beside the certificate; for other issuers use certwiz seal --snippet."),
                             when: { $0.issuance.issuedOn != nil && ($0.order.issuer == nil || $0.order.issuer == "demo") })),
        .field(ScreenField("installation.sealInstalled", .yesNo, label: Localized("サイトシールを設置済み", "Site seal placed"),
                           help: Localized("発行元のページで作った JavaScript をサイトに貼りましたか (任意)。certwiz seal --check URL でページを確かめられます。",
                                           "Has the seal from the issuer's page been put on the site (optional)? certwiz seal --check URL checks a page."))),
    ])
