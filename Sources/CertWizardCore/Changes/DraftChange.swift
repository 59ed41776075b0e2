/// What an operation did to the world, as a value the core applies to the draft being edited.
/// Operations run while the applicant keeps typing, so a result is never a whole new draft: it is
/// applied to the draft as it is when the result arrives, and changes only the fields it names.
public protocol DraftChange: Sendable {
    /// The draft with this result recorded; refused when the draft no longer allows it.
    func applied(to draft: Draft) throws(ChangeRefused) -> Draft
    /// What to tell the applicant once it is applied.
    var summary: Localized { get }
}

/// Why a result could not be recorded in the draft as it now is.
public struct ChangeRefused: Error, Equatable, Sendable {
    public let message: Localized
    public init(_ message: Localized) { self.message = message }
}
