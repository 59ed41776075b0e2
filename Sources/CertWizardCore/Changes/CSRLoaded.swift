/// An existing CSR read from a file (checked to parse, its signature verified).
public struct CSRLoaded: DraftChange, Equatable {
    public let path: String
    public let pem: String

    public init(path: String, pem: String) {
        self.path = path
        self.pem = pem
    }

    public func applied(to draft: Draft) throws(ChangeRefused) -> Draft {
        var updated = draft
        updated.csr.pem = pem.trimmed
        return updated
    }

    public var summary: Localized { Localized("CSR を読み込みました: \(path)", "Loaded the CSR: \(path)") }
}
