import ArgumentParser
import CertWizardCore
import Operations

/// `--http-port N | --webroot DIR`: where an ACME http-01 answer is served (`submit`, `renew --auto`).
struct HTTP01Options: ParsableArguments {
    @Option(name: .customLong("http-port"), help: ArgumentHelp(L(
        "ACME: http-01 に certwiz が答えるポート (どちらも無ければ下書きの acme.webroot / acme.httpPort、次にインストール先のサーバ設定で名前に合うポート 80 のブロックの公開フォルダ、最後にポート 80)",
        "ACME: the port certwiz answers http-01 on (without either: the draft's acme.webroot / acme.httpPort, then the document root of the installed server's port-80 block for the names, else port 80)"),
        valueName: "N"))
    var httpPort: Int?
    @Option(help: ArgumentHelp(L("ACME: http-01 の答えを置く Web サーバの公開フォルダ", "ACME: the web server's document root to put the http-01 answers in"), valueName: "DIR"))
    var webroot: String?

    func validate() throws {
        if httpPort != nil, webroot != nil { throw ValidationError(L("--http-port と --webroot はどちらか一つです", "give --http-port or --webroot, not both")) }
        if let httpPort, !(1...65535).contains(httpPort) { throw ValidationError(L("--http-port は 1 から 65535 です", "--http-port is 1 to 65535")) }
    }

    /// Where `draft`'s http-01 answers go: these flags, else the draft's own answers and server.
    func responder(for draft: Draft) -> SubmitACMEOrder.Responder {
        .chosen(httpPort: httpPort, webroot: webroot, for: draft)
    }
}
