import CertWizardCore

/// An Apache httpd 2.4 configuration read as httpd reads it: one directive per line (with `\`
/// continuations), `#` comments, `<Section ...>` ... `</Section>` nesting, and `Include` /
/// `IncludeOptional` with globs and folders relative to `ServerRoot`. Every word keeps where it
/// is in its file, so an edit replaces one argument and leaves every other byte as it was.
public struct ApacheConfig: Sendable {
    public typealias Word = NginxConfig.Word

    public struct Directive: Sendable {
        public let file: String
        public let name: Word
        public let arguments: [Word]
        /// Where the line ends (the offset of its newline, or the end of the file).
        public let lineEnd: Int
        /// For a section (`<VirtualHost *:443>`), what is inside it.
        public let section: [Directive]?

        public func children(named name: String) -> [Directive] {
            (section ?? []).filter { $0.name.value.lowercased() == name.lowercased() }
        }
    }

    public let path: String
    public let serverRoot: String
    public let directives: [Directive]
    public let files: [String: [UInt8]]

    public init(path: String) throws(NginxConfig.ParseError) {
        self.path = path
        var files: [String: [UInt8]] = [:]
        // ServerRoot is read from the main file first: includes are relative to it.
        let mainBytes: [UInt8]
        do { mainBytes = try AtomicFile.read(path) } catch { throw .unreadable(path: path, reason: error.message.en) }
        var root = NginxConfig.directory(of: path)
        var probe = Parser(bytes: mainBytes, path: path)
        if let declared = try probe.parseSection(closing: nil).first(where: { $0.name.value.lowercased() == "serverroot" })?.arguments.first?.value {
            root = declared
        }
        self.serverRoot = root
        self.directives = try ApacheConfig.parseFile(path, root: root, depth: 0, files: &files)
        self.files = files
    }

    /// Every `<VirtualHost>`, wherever it is (inside `<IfModule>` too).
    public var virtualHosts: [Directive] {
        func walk(_ list: [Directive]) -> [Directive] {
            list.flatMap { directive -> [Directive] in
                guard let section = directive.section else { return [] }
                return directive.name.value.lowercased() == "<virtualhost" ? [directive] : walk(section)
            }
        }
        return walk(directives)
    }

    /// Every `Listen` argument anywhere.
    public var listens: [String] {
        func walk(_ list: [Directive]) -> [String] {
            list.flatMap { directive -> [String] in
                if directive.name.value.lowercased() == "listen" { return directive.arguments.first.map { [$0.value] } ?? [] }
                return walk(directive.section ?? [])
            }
        }
        return walk(directives)
    }

    /// Whether `LoadModule <module>` appears (`ssl_module`; Debian's `mods-enabled/ssl.load` included).
    public func loads(_ module: String) -> Bool {
        func walk(_ list: [Directive]) -> Bool {
            list.contains { directive in
                (directive.name.value.lowercased() == "loadmodule" && directive.arguments.first?.value == module) || walk(directive.section ?? [])
            }
        }
        return walk(directives)
    }

    private static func parseFile(_ path: String, root: String, depth: Int, files: inout [String: [UInt8]]) throws(NginxConfig.ParseError) -> [Directive] {
        guard depth < 16 else { throw .includeDepth(path: path) }
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path) } catch { throw .unreadable(path: path, reason: error.message.en) }
        files[path] = bytes
        var parser = Parser(bytes: bytes, path: path)
        return try expand(try parser.parseSection(closing: nil), root: root, depth: depth, files: &files)
    }

    private static func expand(_ list: [Directive], root: String, depth: Int, files: inout [String: [UInt8]]) throws(NginxConfig.ParseError) -> [Directive] {
        var result: [Directive] = []
        for directive in list {
            let name = directive.name.value.lowercased()
            if name == "include" || name == "includeoptional", let pattern = directive.arguments.first?.value {
                let full = pattern.hasPrefix("/") ? pattern : root + "/" + pattern
                var matches = NginxConfig.glob(full)
                // A folder includes every file in it.
                if matches.count == 1, NginxPlan.isDirectory(matches[0]) { matches = NginxConfig.glob(matches[0] + "/*") }
                if matches.isEmpty, name == "include", !NginxConfig.hasGlob(pattern) {
                    throw .unreadable(path: full, reason: "included by \(directive.file) but missing")
                }
                for file in matches where !NginxPlan.isDirectory(file) { result += try parseFile(file, root: root, depth: depth + 1, files: &files) }
            } else if let section = directive.section {
                result.append(Directive(file: directive.file, name: directive.name, arguments: directive.arguments, lineEnd: directive.lineEnd,
                                        section: try expand(section, root: root, depth: depth, files: &files)))
            } else {
                result.append(directive)
            }
        }
        return result
    }

    struct Parser {
        let bytes: [UInt8]
        let path: String
        var index = 0

        init(bytes: [UInt8], path: String) {
            self.bytes = bytes
            self.path = path
        }

        /// The words of the next logical line (continuations joined), and where it ends; nil at the end.
        mutating func nextLine() -> (words: [Word], end: Int)? {
            while index < bytes.count {
                var words: [Word] = []
                var inComment = false
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == 10 { break }
                    if byte == 92, index + 1 < bytes.count, bytes[index + 1] == 10 { index += 2; continue }  // "\" newline: the line goes on
                    if byte == 92, index + 2 < bytes.count, bytes[index + 1] == 13, bytes[index + 2] == 10 { index += 3; continue }
                    if inComment || byte == 32 || byte == 9 || byte == 13 { index += 1; continue }
                    if byte == 35, words.isEmpty { inComment = true; index += 1; continue }
                    let start = index
                    var value: [UInt8] = []
                    if byte == 34 || byte == 39 {
                        index += 1
                        while index < bytes.count, bytes[index] != byte, bytes[index] != 10 {
                            if bytes[index] == 92, index + 1 < bytes.count, bytes[index + 1] == byte { index += 1 }
                            value.append(bytes[index])
                            index += 1
                        }
                        if index < bytes.count, bytes[index] == byte { index += 1 }
                    } else {
                        while index < bytes.count, ![32, 9, 10, 13].contains(bytes[index]) {
                            if bytes[index] == 92, index + 1 < bytes.count, bytes[index + 1] == 10 { break }
                            value.append(bytes[index])
                            index += 1
                        }
                    }
                    words.append(Word(value: String(decoding: value, as: UTF8.self), range: start..<index))
                }
                let end = index
                if index < bytes.count { index += 1 }
                if !words.isEmpty { return (words, end) }
            }
            return nil
        }

        func line(at offset: Int) -> Int { lineNumber(of: offset, in: bytes) }

        mutating func parseSection(closing: String?) throws(NginxConfig.ParseError) -> [Directive] {
            var result: [Directive] = []
            while let (words, end) = nextLine() {
                var first = words[0]
                var arguments = Array(words.dropFirst())
                if first.value.hasPrefix("</") {
                    let name = first.value.dropFirst(2).trimmingSuffix(">").lowercased()
                    guard let closing, name == closing else {
                        throw .syntax(path: path, line: line(at: first.range.lowerBound), reason: "\(first.value) without its opening section")
                    }
                    return result
                }
                if first.value.hasPrefix("<") {
                    // "<VirtualHost *:443>": the name is "<virtualhost", the last argument loses its ">".
                    if first.value.hasSuffix(">") {
                        first = Word(value: String(first.value.dropLast()), range: first.range)
                    } else if let last = arguments.last, last.value.hasSuffix(">") {
                        arguments[arguments.count - 1] = Word(value: String(last.value.dropLast()), range: last.range.lowerBound..<(last.range.upperBound - 1))
                    }
                    let name = String(first.value.dropFirst()).lowercased()
                    let inside = try parseSection(closing: name)
                    result.append(Directive(file: path, name: first, arguments: arguments, lineEnd: end, section: inside))
                } else {
                    result.append(Directive(file: path, name: first, arguments: arguments, lineEnd: end, section: nil))
                }
            }
            if let closing { throw .syntax(path: path, line: line(at: bytes.count), reason: "<\(closing)> is not closed") }
            return result
        }
    }
}

extension Substring {
    func trimmingSuffix(_ suffix: String) -> Substring { hasSuffix(suffix) ? dropLast(suffix.count) : self }
}
