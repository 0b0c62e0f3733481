import Foundation

/// One value of an exported row.
enum TransferValue: Sendable, Equatable, Decodable {
    case null
    case integer(Int64)
    case text(String)
    case boolean(Bool)

    init(from decoder: any Decoder) throws {
        // Text first, then numbers: each failed attempt costs a thrown error, and most fields are text.
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .text(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else {
            self = .boolean(try container.decode(Bool.self))
        }
    }
}

/// One line of an export: a record type and its fields in a fixed order, written as compact JSON with the keys in
/// that order and text as UTF-8, so the same site always gives the same bytes whatever database it was read from.
struct TransferRecord: Sendable {
    var type: String
    var fields: [(String, TransferValue)]

    var line: String {
        var out = "{\"type\":"
        Self.appendString(type, to: &out)
        for (name, value) in fields {
            out += ","
            Self.appendString(name, to: &out)
            out += ":"
            switch value {
            case .null: out += "null"
            case .integer(let number): out += String(number)
            case .boolean(let flag): out += flag ? "true" : "false"
            case .text(let text): Self.appendString(text, to: &out)
            }
        }
        return out + "}"
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as it is.
    static func appendString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

/// Why an export file cannot be loaded, with the line it was found on.
public struct TransferError: Error, CustomStringConvertible, Sendable {
    public var line: Int?
    public var message: String

    public init(line: Int? = nil, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "dòng \($0): \(message)" } ?? message }
}
