#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Public suffixes (co.jp, tokyo.jp, com, co.uk ...): names under which anyone may
/// register, so no approver address may be built on them (`admin@co.jp`).
///
/// Reads the system's list (Debian's `publicsuffix` package) when it is installed, in
/// the list's own format (`*.` and `!` rules included); otherwise a built-in list of
/// the suffixes Japanese applicants meet. Every single label (a TLD) is a suffix either way.
public struct PublicSuffixList: Sendable {
    private var exact: Set<String> = []
    private var wildcard: Set<String> = []
    private var exceptions: Set<String> = []

    public static let systemPath = "/usr/share/publicsuffix/public_suffix_list.dat"

    /// The list used by the rules: the system list if readable, else the built-in one.
    public static let shared: PublicSuffixList = {
        if let text = readFile(systemPath) { return PublicSuffixList(listText: text) }
        return builtIn
    }()

    public static let builtIn = PublicSuffixList(listText: builtInRules)

    public init(listText: String) {
        // Byte-wise: the system list has about ten thousand rules, and this runs on start-up
        // paths. A rule is the first word of a line; comments start with //.
        var utf8 = Array(listText.utf8)
        utf8.append(UInt8(ascii: "\n"))
        var lineStart = 0
        for index in utf8.indices where utf8[index] == UInt8(ascii: "\n") {
            var end = lineStart
            while end < index, utf8[end] != UInt8(ascii: " "), utf8[end] != UInt8(ascii: "\t"), utf8[end] != UInt8(ascii: "\r") { end += 1 }
            defer { lineStart = index + 1 }
            guard end > lineStart else { continue }
            if utf8[lineStart] == UInt8(ascii: "/"), end > lineStart + 1, utf8[lineStart + 1] == UInt8(ascii: "/") { continue }
            let rule = String(decoding: utf8[lineStart..<end], as: UTF8.self).lowercased()
            if rule.hasPrefix("!") { exceptions.insert(String(rule.dropFirst())) }
            else if rule.hasPrefix("*.") { wildcard.insert(String(rule.dropFirst(2))) }
            else { exact.insert(rule) }
        }
    }

    /// The public suffix of `domain` by the list's algorithm: an exception rule wins,
    /// then the longest matching rule; a name no rule matches has its TLD as suffix.
    public func publicSuffix(of domain: String) -> String {
        let labels = domain.lowercased().split(separator: ".").map(String.init)
        for i in labels.indices {
            let candidate = labels[i...].joined(separator: ".")
            if exceptions.contains(candidate) { return labels[(i + 1)...].joined(separator: ".") }
            if exact.contains(candidate) { return candidate }
            if i + 1 < labels.count, wildcard.contains(labels[(i + 1)...].joined(separator: ".")) { return candidate }
        }
        return labels.last ?? ""
    }

    public func isPublicSuffix(_ domain: String) -> Bool {
        publicSuffix(of: domain) == domain.lowercased()
    }

    private static func readFile(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Written for certwiz: Japan's second-level and prefectural suffixes and the common
    /// country second levels. The full list comes from the system when installed.
    static let builtInRules = """
    // Japan: organizational and general-use second levels
    ac.jp
    ad.jp
    co.jp
    ed.jp
    go.jp
    gr.jp
    lg.jp
    ne.jp
    or.jp
    // Japan: prefectures
    aichi.jp
    akita.jp
    aomori.jp
    chiba.jp
    ehime.jp
    fukui.jp
    fukuoka.jp
    fukushima.jp
    gifu.jp
    gunma.jp
    hiroshima.jp
    hokkaido.jp
    hyogo.jp
    ibaraki.jp
    ishikawa.jp
    iwate.jp
    kagawa.jp
    kagoshima.jp
    kanagawa.jp
    kochi.jp
    kumamoto.jp
    kyoto.jp
    mie.jp
    miyagi.jp
    miyazaki.jp
    nagano.jp
    nagasaki.jp
    nara.jp
    niigata.jp
    oita.jp
    okayama.jp
    okinawa.jp
    osaka.jp
    saga.jp
    saitama.jp
    shiga.jp
    shimane.jp
    shizuoka.jp
    tochigi.jp
    tokushima.jp
    tokyo.jp
    tottori.jp
    toyama.jp
    wakayama.jp
    yamagata.jp
    yamaguchi.jp
    yamanashi.jp
    // Elsewhere
    co.uk
    org.uk
    ac.uk
    gov.uk
    ltd.uk
    plc.uk
    com.au
    net.au
    org.au
    edu.au
    gov.au
    co.nz
    org.nz
    com.cn
    net.cn
    org.cn
    com.tw
    org.tw
    com.hk
    org.hk
    co.kr
    or.kr
    com.sg
    com.br
    co.in
    co.th
    com.my
    """
}
