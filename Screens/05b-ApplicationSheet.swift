import CertWizardCore

/// 2-1 for issuers that take applications on their web site: the application sheet, in the
/// storefront's order, to copy from (the same as `certwiz sheet`).
public let applicationSheetScreen = ScreenSpec(
    id: "sheet", step: .application,
    title: Localized("申請シート", "Application sheet"),
    guidance: Localized(
        "発行元のサイト (ストアフロント) に、この順で写して申請します。CSR は「情報の入力」の最後に貼ります。申請したら注文番号を certwiz record submitted --order 注文番号 で記録します。certwiz sheet でも同じ内容を出せます。",
        "Apply on the issuer's web site (the storefront), copying these in this order; the CSR is pasted at the end of the information entry. Once applied, record the order number with certwiz record submitted --order NUMBER. certwiz sheet prints the same."),
    appliesTo: { $0.order.issuer == "manual" },
    items: [.summary(SheetLines.lines)])

enum SheetLines {
    @Sendable static func lines(_ d: Draft) -> [SummaryLine] {
        let sheet = ApplicationSheet(draft: d)
        let notEntered = ApplicationSheet.notEntered
        var lines: [SummaryLine] = []
        for section in sheet.sections {
            lines.append(SummaryLine(section.title, ""))
            for entry in section.entries { lines.append(SummaryLine(entry.label, entry.value ?? notEntered)) }
            if section.endsWithCSR {
                let csr = sheet.csr?.split(separator: "\n").map(String.init) ?? []
                lines.append(SummaryLine(Localized("CSR", "CSR"), csr.first.map { Localized($0, $0) } ?? notEntered))
                for line in csr.dropFirst() { lines.append(SummaryLine(Localized("", ""), line)) }
            }
        }
        return lines
    }
}
