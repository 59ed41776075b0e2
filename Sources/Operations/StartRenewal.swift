import CertWizardCore

/// A renewal draft from an issued one: everything a renewal repeats carried over
/// (`Draft.renewal`), the issued certificate read from its file as the current one. The command
/// line (`new --type renewal --from`) and the welcome screen both start renewals here.
public enum StartRenewal {
    public static func draft(from source: Draft, named sourceName: String, today: CalendarDate) throws(OperationFailure) -> Draft {
        guard source.issuance.issuedOn != nil, let certificatePath = source.issuance.certificatePath else {
            throw .failed(Localized("\(sourceName) はまだ発行されていません。更新は発行済みの下書きから始めます",
                                    "\(sourceName) has not been issued: a renewal from it starts once it is"))
        }
        let read = try OperationRunner.wait(ReadCertificate(source: certificatePath, replacingCommonName: true)).get()
        return source.renewal(currentCertificate: read.leaf.certificate, today: today, sourceName: sourceName)
    }
}
