import CertWizardCore
import Testing
import TestSupport
@testable import certwiz

/// The wizard's quick argument parse (the start-up fast path) must read every form exactly
/// as ArgumentParser's declaration of the same options does, and leave the rest to it.
@Suite struct CLIParsingTests {
    @Test(arguments: [
        [], ["--plain"], ["--ascii", "--plain"], ["--draft", "honsha"], ["--draft=本社"], ["--answers", "a.json", "--replay-delay", "40"],
        ["--replay-delay=0"], ["--today", "2026-11-24", "--lang", "ja"], ["--lang=en", "--draft", "/tmp/x.json"],
    ])
    func agreesWithArgumentParser(_ arguments: [String]) throws {
        let quick = try #require(WizardOptions.quickParse(arguments))
        let declared = try WizardCommand.parse(arguments).options
        #expect(quick == declared)
    }

    @Test(arguments: [
        ["validate"], ["--help"], ["-h"], ["--draft"], ["--today", "tomorrow"], ["--lang", "fr"], ["--plain=yes"],
        ["--replay-delay", "fast"], ["--unknown"], ["extra"], ["--lang", "en", "validate"],
    ])
    func leavesEverythingElseToArgumentParser(_ arguments: [String]) {
        #expect(WizardOptions.quickParse(arguments) == nil)
    }
}
