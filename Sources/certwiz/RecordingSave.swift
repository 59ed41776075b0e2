import CertWizardCore

extension DraftFile {
    /// Saves what a command did after it is done (the server reloaded, the order placed, the
    /// certificate checked): that stays done whether or not the draft takes the record, so a save
    /// that fails is said on stderr (why, and that the file is as before), not dropped in silence.
    func saveRecording(_ draft: Draft, holding lock: DraftLock) {
        do { try save(draft, holding: lock) } catch {
            Output.note(L("下書きに記録できません: ", "could not record this in the draft: ") + error.message.local)
        }
    }
}
