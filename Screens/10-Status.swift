import CertWizardCore

/// Where the application stands: every step, the next action, and the dates.
public let statusScreen = ScreenSpec(
    id: "status", step: .done,
    title: Localized("進み具合", "Status"),
    guidance: Localized(
        "各手順の状態と、次にすること、営業日で数えた見込みの日付です。",
        "Each step's state, what to do next, and the expected dates counted in business days."),
    kind: .status)
