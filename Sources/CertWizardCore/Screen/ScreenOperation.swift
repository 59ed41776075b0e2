/// What a screen's button asks certwiz to do. The Operations module runs each one off the
/// screen's thread; a screen names one of these, never a string, so a typo does not compile.
public enum ScreenOperation: String, CaseIterable, Sendable {
    case makeKeyAndCSR = "make-key-and-csr"
    case readCurrentCertificate = "read-current-certificate"
    case loadCSRFile = "load-csr-file"
    case submit
    /// ACME dns-01: the applicant created the TXT records; the order goes on.
    case continueOrder = "continue-order"
    /// ACME: registers this server's account at the CA with the EAB key id and HMAC key typed
    /// into a form that is never saved (the key lives only in memory until it is used).
    case registerAccount = "register-account"
    case demoAdvance = "demo-advance"
    case demoAdvanceAll = "demo-advance-all"
    case importCertificate = "import-certificate"
    /// Shows what installing would change (the diff); the applicant then says yes to `install`.
    case previewInstall = "preview-install"
    case install
    case verifyInstallation = "verify-installation"
    case placeSeal = "place-seal"
}
