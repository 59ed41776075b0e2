import CertWizardCore
import SwiftASN1
import X509

/// What a Distinguished Name says, read as values. swift-certificates' `description` is the
/// RFC 4514 rendering, which escapes `, + " \ < > ;` and a leading `#` or space: right for one
/// line of display, wrong for comparing with what the applicant typed (`Mihon Shoji Co., Ltd.`
/// would read back as `Mihon Shoji Co.\, Ltd.`) or for filling a draft. Everything that reads a
/// DN to compare it or to store it goes through here.
public enum DistinguishedNameText {
    /// The attribute's string value, exactly as encoded: UTF8String, PrintableString, IA5String,
    /// and the older BMPString, UniversalString, TeletexString (read as Latin-1), VisibleString
    /// and NumericString. Nil for a value that is not a string at all.
    public static func value(_ value: RelativeDistinguishedName.Attribute.Value) -> String? {
        if let text = String(value) { return text }
        var serializer = DER.Serializer()
        guard (try? serializer.serialize(ASN1Any(value))) != nil,
              let node = try? DER.parse(serializer.serializedBytes),
              case .primitive(let content) = node.content, node.identifier.tagClass == .universal else { return nil }
        let bytes = Array(content)
        switch node.identifier.tagNumber {
        case 30:  // BMPString: UCS-2, big-endian
            guard bytes.count % 2 == 0 else { return nil }
            let units = stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
            return String(decoding: units, as: UTF16.self)
        case 28:  // UniversalString: UCS-4, big-endian
            guard bytes.count % 4 == 0 else { return nil }
            var text = ""
            for at in stride(from: 0, to: bytes.count, by: 4) {
                let scalar = bytes[at..<at + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                text.unicodeScalars.append(unicode)
            }
            return text
        case 20:  // TeletexString: in practice Latin-1
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case 18, 26:  // NumericString, VisibleString: ASCII
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        default:
            return nil
        }
    }

    /// The CSR field names certwiz keeps (commonName, organization, organizationalUnit, locality,
    /// state, country) and the DN attribute each reads.
    static let fieldNames: [ASN1ObjectIdentifier: String] = [
        .RDNAttributeType.commonName: "commonName", .RDNAttributeType.organizationName: "organization",
        .RDNAttributeType.organizationalUnitName: "organizationalUnit", .RDNAttributeType.localityName: "locality",
        .RDNAttributeType.stateOrProvinceName: "state", .RDNAttributeType.countryName: "country",
    ]

    /// The CSR field names in the order the procedure lists them (and certificates print them).
    public static let fieldOrder = ["commonName", "organization", "organizationalUnit", "locality", "state", "country"]

    /// The subject's values by CSR field name. Terminal controls are made visible (a value from a
    /// CSR or a server must not drive the reader's terminal); nothing else is changed. When an
    /// attribute appears twice, the first one counts (as CAs read the CN).
    public static func fields(of name: DistinguishedName) -> [String: String] {
        var fields: [String: String] = [:]
        for rdn in name {
            for attribute in rdn {
                guard let field = fieldNames[attribute.type], fields[field] == nil, let text = value(attribute.value) else { continue }
                fields[field] = TerminalControls.visible(text)
            }
        }
        return fields
    }

    /// The first Common Name's value (not made visible: for names the certificate will carry).
    public static func commonName(of name: DistinguishedName) -> String? {
        for rdn in name {
            for attribute in rdn where attribute.type == .RDNAttributeType.commonName {
                if let text = value(attribute.value) { return text }
            }
        }
        return nil
    }

    /// The whole DN on one line for display, RFC 4514 style (escaped, most significant last as
    /// the library prints it), with terminal controls made visible.
    public static func line(_ name: DistinguishedName) -> String {
        TerminalControls.visible(name.description)
    }
}
