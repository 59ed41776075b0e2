#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CertWizardCore
import Screens

/// An answers file: a flat JSON map of draft paths to values, e.g.
/// `{"csr.commonName": "www.example.co.jp", "order.express": true}`.
public struct AnswersFile: Sendable {
    public let answers: [String: JSONValue]

    /// The application type to start, from `applicationType` (default: new).
    public var applicationType: ApplicationType {
        if case .string(let s)? = answers["applicationType"], let type = ApplicationType(rawValue: s) { return type }
        return .new
    }

    public init(answers: [String: JSONValue]) { self.answers = answers }

    /// Reads and checks a file: every path must be a field some screen asks, every value of the right kind.
    public init(bytes: [UInt8], source: String) throws(Localized) {
        if let duplicate = JSONKeyScan.scan(bytes).duplicate {
            throw Localized("回答ファイル \(source): \(duplicate.message.ja)", "answers file \(source): \(duplicate.message.en)")
        }
        let decoded: [String: JSONValue]
        do { decoded = try JSONDecoder().decode([String: JSONValue].self, from: Data(bytes)) } catch {
            throw Localized("回答ファイル \(source) を読めません: パスと値の JSON オブジェクトではありません",
                            "cannot read the answers file \(source): it is not a JSON object of paths and values")
        }
        let asked = Set(allScreens.flatMap(\.fields).map(\.path)).union(["applicationType"])
        for (path, value) in decoded.sorted(by: { $0.key < $1.key }) {
            guard asked.contains(path), let field = DraftSchema.field(path) else {
                throw Localized("回答ファイル \(source): 「\(path)」を尋ねる画面はありません", "answers file \(source): no screen asks for \"\(path)\"")
            }
            do { try field.check(value) } catch {
                throw Localized("回答ファイル \(source): \(error.message.ja)", "answers file \(source): \(error.message.en)")
            }
        }
        answers = decoded
    }
}
