import CertWizardCore
import Screens
import Testing

/// Screens name draft fields by string path (their key paths are made only when a field is
/// first used): every path a screen names must be a field, and its field must say the same path.
@Suite struct ScreenPathsTests {
    @Test func everyScreenFieldAndActionNamesADraftField() {
        var named = 0
        for spec in allScreens {
            for item in spec.items {
                switch item {
                case .field(let field):
                    #expect(DraftFields.isField(field.path), "\(spec.id): \(field.path)")
                    #expect(field.field.path == field.path)
                    named += 1
                case .action(let action):
                    if let path = action.answeredBy { #expect(DraftFields.isField(path), "\(spec.id): \(path)") }
                default:
                    break
                }
            }
        }
        #expect(named > 50)
    }
}
