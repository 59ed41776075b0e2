import X509

/// A certificate's serial number as CAs and openssl print it: every byte as two hex digits,
/// leading zero bytes and nibbles kept (`0a:03`, never `a:3`), so it can be compared by eye.
public enum SerialNumberText {
    public static func of(_ serial: Certificate.SerialNumber) -> String {
        serial.bytes.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined(separator: ":")
    }
}
