import CertWizardCore

/// Start: resume a draft, or start a new application, renewal or reissue.
public let welcomeScreen = ScreenSpec(
    id: "welcome", step: nil,
    title: Localized("certwiz へようこそ", "Welcome to certwiz"),
    guidance: Localized(
        "OV サーバ証明書 (サーバ ID) の新規申請・更新・再発行を、準備からインストールまで順に案内します。入力はすべて下書きとして自動保存されます。途中で終了しても、接続が切れても、続きから再開できます。",
        "certwiz walks you through applying for, renewing or reissuing an OV server certificate (Server ID), from preparation to installation. Everything you enter is saved as a draft as you type: quit, lose the connection, and resume where you stopped."),
    kind: .welcome)
