/// One value a choice offers, with what the applicant reads for it.
public struct ChoiceOption: Equatable, Sendable {
    public let value: String
    public let label: Localized
    public init(_ value: String, _ label: Localized) {
        self.value = value
        self.label = label
    }
}

/// How a field is answered. The engine picks the widget; the screen only says what kind of answer it is.
public enum InputKind: Sendable {
    case text
    /// Several lines (one SAN per line, a pasted PEM).
    case lines(height: Int)
    case choice([ChoiceOption])
    /// A choice whose options depend on what is already entered (approver addresses from the CN).
    case derivedChoice(@Sendable (Draft) -> [ChoiceOption])
    case yesNo
    case date
    case number
    /// Several of a fixed set (documents requested).
    case checklist([ChoiceOption])
}


/// A question on a screen, bound to a draft field by its path (`csr.commonName`). A path that
/// names no field stops the program where the screens are made, before any screen is shown (and
/// a test walks every screen's fields). A class: every frame and key walks a screen's fields,
/// and copying the struct (seven references) cost more than the rest of finding the focused one.
public final class ScreenField: Sendable {
    /// The field's stable string path (`csr.commonName`).
    public let path: String
    /// The draft field, made when first asked for (see `DraftFields`): the screens are all
    /// made at start, and only the shown one's fields need their key paths.
    public var field: DraftField { DraftFields.field(at: position) }
    private let position: Int
    public let label: Localized
    public let help: Localized
    public let example: String?
    public let input: InputKind
    public let isVisible: @Sendable (Draft) -> Bool

    public init(_ path: String, _ input: InputKind = .text, label: Localized? = nil, help: Localized,
                example: String? = nil, when isVisible: @escaping @Sendable (Draft) -> Bool = { _ in true }) {
        position = DraftFields.requirePosition(path)
        self.path = path
        self.input = input
        self.label = label ?? FieldLabels.label(path)
        self.help = help
        self.example = example
        self.isVisible = isVisible
    }
}

/// Something a screen offers to do (make the key and CSR, read a certificate), which the
/// runtime performs outside `update`. A class, as `ScreenField` is.
public final class ScreenAction: Sendable {
    public let id: ScreenOperation
    public let help: Localized
    public let isVisible: @Sendable (Draft) -> Bool
    /// The field whose answer is what this action acts on (a file to load, a place to read from):
    /// line-by-line modes run the action as soon as that field is answered, instead of asking after
    /// the screen validates (which it cannot before the action has run).
    public let answeredBy: String?
    private let makeLabel: @Sendable (Draft) -> Localized

    public convenience init(_ id: ScreenOperation, label: Localized, help: Localized, runsWhenAnswered path: String,
                            when isVisible: @escaping @Sendable (Draft) -> Bool = { _ in true }) {
        self.init(id, label: { _ in label }, help: help, answeredBy: DraftFields.requireField(path), when: isVisible)
    }

    public convenience init(_ id: ScreenOperation, label: Localized, help: Localized, when isVisible: @escaping @Sendable (Draft) -> Bool = { _ in true }) {
        self.init(id, label: { _ in label }, help: help, when: isVisible)
    }

    /// An action whose button names what it will do for this draft ("Demo: payment received").
    public init(_ id: ScreenOperation, label: @escaping @Sendable (Draft) -> Localized, help: Localized, answeredBy: String? = nil,
                when isVisible: @escaping @Sendable (Draft) -> Bool = { _ in true }) {
        self.id = id
        self.makeLabel = label
        self.help = help
        self.answeredBy = answeredBy
        self.isVisible = isVisible
    }

    public func label(for draft: Draft) -> Localized { makeLabel(draft) }
}

/// A part of a screen.
public enum ScreenItem: Sendable {
    case field(ScreenField)
    case action(ScreenAction)
    /// A paragraph shown between fields (a briefing, a warning), optionally only sometimes.
    case note(Localized, when: @Sendable (Draft) -> Bool = { _ in true })
    /// A read-only summary built from the draft (the review before submitting).
    case summary(@Sendable (Draft) -> [SummaryLine])
}

/// One line of a read-only summary: a label and a value (both already in both languages).
public struct SummaryLine: Equatable, Sendable {
    public let label: Localized
    public let value: Localized
    /// A value that reads the same in both languages (a name, a date, an address).
    public init(_ label: Localized, _ value: String) {
        self.label = label
        self.value = Localized(value, value)
    }
    public init(_ label: Localized, _ value: Localized) {
        self.label = label
        self.value = value
    }
}

/// What the engine does with a screen besides showing its items.
public enum ScreenKind: Sendable {
    /// Fields bound to the draft.
    case form
    /// The start: pick a draft to resume or start a new one.
    case welcome
    /// Where the application stands, step by step.
    case status
}

/// One wizard screen as the procedure describes it: its step, title, guidance and questions.
/// A class (all lets), as `ScreenField` is: every frame looks screens up and walks them.
public final class ScreenSpec: Sendable {
    public let id: String
    public let step: ProcedureStep?
    public let title: Localized
    public let guidance: Localized
    public let kind: ScreenKind
    public let items: [ScreenItem]
    public let appliesTo: @Sendable (Draft) -> Bool

    public init(id: String, step: ProcedureStep?, title: Localized, guidance: Localized, kind: ScreenKind = .form,
                appliesTo: @escaping @Sendable (Draft) -> Bool = { _ in true }, items: [ScreenItem] = []) {
        self.id = id
        self.step = step
        self.title = title
        self.guidance = guidance
        self.kind = kind
        self.items = items
        self.appliesTo = appliesTo
    }

    public var fields: [ScreenField] {
        items.compactMap { if case .field(let f) = $0 { return f } else { return nil } }
    }

    public func visibleFields(for draft: Draft) -> [ScreenField] { fields.filter { $0.isVisible(draft) } }

    /// The heading: "1-2 CSR の準備" / "1-2 Prepare the CSR".
    public func heading(in language: Language) -> String {
        guard let step, step != .done else { return title.text(in: language) }
        return "\(step.rawValue) \(title.text(in: language))"
    }
}

// Inlinable so the screens specialize them for each enum: unspecialized, each call asked the
// runtime for `allCases`' associated type and conformances (~27,000 instructions, 11 calls
// before the first frame).
extension ChoiceOption {
    /// Options for every case of a draft enum, in declaration order, labelled by `labels`.
    @inlinable
    public static func from<T: CaseIterable & RawRepresentable>(_ type: T.Type, _ labels: [String: Localized]) -> [ChoiceOption]
        where T.RawValue == String {
        type.allCases.map { ChoiceOption($0.rawValue, labels[$0.rawValue] ?? Localized($0.rawValue, $0.rawValue)) }
    }

    /// Options for every case of a draft enum, each labelled by its own name (`ValueNames.swift`).
    @inlinable
    public static func from<T: CaseIterable & RawRepresentable>(_ type: T.Type, _ label: (T) -> Localized) -> [ChoiceOption]
        where T.RawValue == String {
        type.allCases.map { ChoiceOption($0.rawValue, label($0)) }
    }
}
