import ArgumentParser

/// Plain `certwiz [wizard options]` skips ArgumentParser: its walk over the command tree
/// (completion scripts, subcommand lookup, property-wrapper metadata) was most of the
/// wizard's start-up time. Anything else, and anything the quick parse does not know,
/// goes through the full command tree with its usual help and error messages.
if let options = WizardOptions.quickParse(Array(CommandLine.arguments.dropFirst())) {
    do { try WizardLauncher(options: options).run() } catch { CertWiz.exit(withError: error) }
} else {
    CertWiz.main()
}
