/// Where certwiz keeps its files, by the XDG base directory specification:
/// `$XDG_DATA_HOME/certwiz`, or `~/.local/share/certwiz` when that is unset or relative.
public enum DataHome {
    public static func directory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return join(xdg, "certwiz")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/"
        return join(home, ".local/share/certwiz")
    }

    public static func draftsDirectory(environment: [String: String]) -> String {
        join(directory(environment: environment), "drafts")
    }

    public static func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }
}
