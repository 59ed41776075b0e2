import CertWizardCore

/// Every screen in procedure order. Screens whose `appliesTo` is false for a draft are skipped.
public let allScreens: [ScreenSpec] = [
    welcomeScreen,
    organizationScreen,
    currentCertificateScreen,
    csrScreen,
    contactsScreen,
    applicationScreen,
    applicationSheetScreen,
    domainCheckScreen,
    paymentScreen,
    phoneVerificationScreen,
    installationScreen,
    statusScreen,
]
