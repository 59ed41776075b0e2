/// The 1-based line of a byte offset in a configuration file, for messages ("nginx.conf:12").
func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
    bytes[..<min(offset, bytes.count)].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
}
