#if canImport(Glibc)
import Glibc
#endif
import CertWizardCore

/// An nginx configuration read as nginx reads it (directives, blocks, quotes, comments,
/// `include` with globs), keeping where every word is in its file, so an edit can replace just
/// the bytes of one argument and leave every other byte, comment and order as it was.
public struct NginxConfig: Sendable {
    public struct Word: Sendable, Equatable {
        /// The value as nginx sees it (quotes removed, escapes applied).
        public let value: String
        /// Where it is in its file, quotes included.
        public let range: Range<Int>
    }

    public struct Directive: Sendable {
        public let file: String
        public let name: Word
        public let arguments: [Word]
        /// The directives of its block (`server { ... }`), included files spliced in; nil for a simple directive.
        public let block: [Directive]?
        /// Where its `{` is (blocks), or its `;`.
        public let end: Int

        public func children(named name: String) -> [Directive] { (block ?? []).filter { $0.name.value == name } }
    }

    public enum ParseError: Error, Equatable, Sendable {
        case unreadable(path: String, reason: String)
        case syntax(path: String, line: Int, reason: String)
        case includeDepth(path: String)

        public var message: Localized {
            switch self {
            case .unreadable(let path, let reason):
                return Localized("nginx の設定 \(path) を読めません: \(reason)", "cannot read the nginx config \(path): \(reason)")
            case .syntax(let path, let line, let reason):
                return Localized("nginx の設定 \(path) の \(line) 行目: \(reason)", "nginx config \(path), line \(line): \(reason)")
            case .includeDepth(let path):
                return Localized("include が深すぎます (循環?): \(path)", "includes nest too deep (a loop?): \(path)")
            }
        }
    }

    /// The main file and everything it includes, as directives.
    public let path: String
    public let directives: [Directive]
    /// Every file read, with its bytes (what an edit starts from).
    public let files: [String: [UInt8]]

    /// The folder relative `include`s are resolved against: the main file's.
    public var prefix: String { NginxConfig.directory(of: path) }

    public init(path: String) throws(ParseError) {
        var files: [String: [UInt8]] = [:]
        self.path = path
        self.directives = try NginxConfig.parseFile(path, prefix: NginxConfig.directory(of: path), depth: 0, files: &files)
        self.files = files
    }

    /// Every `server` block in `http`, wherever it was included from.
    public var serverBlocks: [Directive] {
        func walk(_ list: [Directive]) -> [Directive] {
            list.flatMap { directive -> [Directive] in
                if directive.name.value == "server", directive.block != nil { return [directive] }
                if directive.name.value == "http", let block = directive.block { return walk(block) }
                return []
            }
        }
        return walk(directives)
    }

    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    private static func parseFile(_ path: String, prefix: String, depth: Int, files: inout [String: [UInt8]]) throws(ParseError) -> [Directive] {
        guard depth < 16 else { throw .includeDepth(path: path) }
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path) } catch { throw .unreadable(path: path, reason: error.message.en) }
        files[path] = bytes
        var parser = Parser(bytes: bytes, path: path)
        let tree = try parser.parseBlock(topLevel: true)
        return try expandIncludes(tree, prefix: prefix, depth: depth, files: &files)
    }

    /// Replaces each `include` with the directives of the files it names (sorted, as nginx's glob).
    private static func expandIncludes(_ list: [Directive], prefix: String, depth: Int, files: inout [String: [UInt8]]) throws(ParseError) -> [Directive] {
        var result: [Directive] = []
        for directive in list {
            if directive.name.value == "include", let pattern = directive.arguments.first?.value {
                let full = pattern.hasPrefix("/") ? pattern : prefix + "/" + pattern
                for file in glob(full) { result += try parseFile(file, prefix: prefix, depth: depth + 1, files: &files) }
                if !hasGlob(pattern), !glob(full).contains(full) {
                    throw .unreadable(path: full, reason: "included by \(directive.file) but missing")
                }
            } else if let block = directive.block {
                result.append(Directive(file: directive.file, name: directive.name, arguments: directive.arguments,
                                        block: try expandIncludes(block, prefix: prefix, depth: depth, files: &files), end: directive.end))
            } else {
                result.append(directive)
            }
        }
        return result
    }

    static func hasGlob(_ pattern: String) -> Bool { pattern.contains { "*?[".contains($0) } }

    static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }

    /// The tokenizer and block structure, over bytes.
    struct Parser {
        let bytes: [UInt8]
        let path: String
        var index = 0

        init(bytes: [UInt8], path: String) {
            self.bytes = bytes
            self.path = path
        }

        func line(at offset: Int) -> Int { lineNumber(of: offset, in: bytes) }

        enum Token { case word(Word), semicolon(Int), open(Int), close(Int), end }

        mutating func next() throws(ParseError) -> Token {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 32 || byte == 9 || byte == 10 || byte == 13 { index += 1; continue }
                if byte == 35 {  // '#': a comment to the end of the line
                    while index < bytes.count, bytes[index] != 10 { index += 1 }
                    continue
                }
                break
            }
            guard index < bytes.count else { return .end }
            let start = index
            switch bytes[index] {
            case 59: index += 1; return .semicolon(start)
            case 123: index += 1; return .open(start)
            case 125: index += 1; return .close(start)
            case 34, 39:
                let quote = bytes[index]
                var value: [UInt8] = []
                index += 1
                while index < bytes.count, bytes[index] != quote {
                    if bytes[index] == 92, index + 1 < bytes.count { index += 1 }
                    value.append(bytes[index])
                    index += 1
                }
                guard index < bytes.count else { throw .syntax(path: path, line: line(at: start), reason: "unterminated quote") }
                index += 1
                return .word(Word(value: String(decoding: value, as: UTF8.self), range: start..<index))
            default:
                var value: [UInt8] = []
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 59 || byte == 123 || byte == 125 { break }
                    if byte == 92, index + 1 < bytes.count { index += 1 }
                    value.append(bytes[index])
                    index += 1
                }
                return .word(Word(value: String(decoding: value, as: UTF8.self), range: start..<index))
            }
        }

        mutating func parseBlock(topLevel: Bool) throws(ParseError) -> [Directive] {
            var directives: [Directive] = []
            var words: [Word] = []
            while true {
                switch try next() {
                case .word(let word):
                    words.append(word)
                case .semicolon(let at):
                    guard let name = words.first else { throw .syntax(path: path, line: line(at: at), reason: "unexpected \";\"") }
                    directives.append(Directive(file: path, name: name, arguments: Array(words.dropFirst()), block: nil, end: at))
                    words = []
                case .open(let at):
                    guard let name = words.first else { throw .syntax(path: path, line: line(at: at), reason: "unexpected \"{\"") }
                    let block = try parseBlock(topLevel: false)
                    directives.append(Directive(file: path, name: name, arguments: Array(words.dropFirst()), block: block, end: at))
                    words = []
                case .close(let at):
                    guard !topLevel, words.isEmpty else { throw .syntax(path: path, line: line(at: at), reason: "unexpected \"}\"") }
                    return directives
                case .end:
                    guard topLevel, words.isEmpty else { throw .syntax(path: path, line: line(at: bytes.count), reason: "unexpected end of file") }
                    return directives
                }
            }
        }
    }
}
