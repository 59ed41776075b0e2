import ArgumentParser
import CertWizardCore

#if canImport(Glibc)
import Glibc
#endif

/// The language of everything certwiz prints, help included. Settled once, before
/// argument parsing, because ArgumentParser reads the help texts while it parses:
/// `--lang ja|en` wins, then `LC_ALL` / `LC_MESSAGES` / `LANG`.
let cliLanguage: Language = {
    let arguments = CommandLine.arguments
    for (index, argument) in arguments.enumerated() {
        if argument.hasPrefix("--lang="), let value = Language(rawValue: String(argument.dropFirst(7))) { return value }
        if argument == "--lang", index + 1 < arguments.count, let value = Language(rawValue: arguments[index + 1]) { return value }
    }
    return Language.fromEnvironment(processEnvironment)
}()

/// The environment variables certwiz reads, looked up one by one: copying the whole
/// environment into a dictionary showed up in the start-up profile.
let processEnvironment: [String: String] = {
    var result: [String: String] = [:]
    for key in ["LC_ALL", "LC_MESSAGES", "LANG", "HOME", "XDG_DATA_HOME", "TERM", "NO_COLOR", "CERTWIZ_TEST_CRASH"] {
        if let value = getenv(key) { result[key] = String(cString: value) }
    }
    return result
}()

/// A text in the user's language.
func L(_ ja: String, _ en: String) -> String { cliLanguage == .ja ? ja : en }

extension Localized {
    var local: String { text(in: cliLanguage) }
}

extension Language: ExpressibleByArgument {}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso8601: argument) }
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(L("表示言語 (ja か en)。既定は LANG による", "Language of the output: ja or en (default: from LANG)"),
                                            valueName: "ja|en"))
    var lang: Language?
}
