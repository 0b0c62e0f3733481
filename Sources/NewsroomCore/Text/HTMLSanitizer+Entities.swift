/// Character references, read as a browser reads them in an attribute value, and kept or escaped in text.
extension HTMLSanitizer {
    /// Whether the scalars after an `&` at `start` form a complete character reference (`&amp;`, `&#39;`, `&#x1F;`).
    static func isEntity(_ scalars: [Unicode.Scalar], at start: Int) -> Bool {
        var index = start
        var name: [Unicode.Scalar] = []
        while index < scalars.count, index - start <= 12, scalars[index] != ";" {
            name.append(scalars[index])
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";", let first = name.first else { return false }
        if first == "#" {
            let digits = name.dropFirst()
            if digits.first == "x" || digits.first == "X" {
                return digits.count > 1 && digits.dropFirst().allSatisfy(\.isASCIIHexDigit)
            }
            return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
        }
        return name.allSatisfy(\.isASCIIAlphanumeric)
    }

    /// Decodes character references as a browser does in an attribute value: numeric ones with or without `;`, and
    /// the named ones an attacker would use to spell a scheme. Unknown names stay as written; `escapeAttribute` then
    /// writes their `&` as `&amp;`, so the browser reads the same text this function returned.
    static func decodeEntities(_ text: String) -> String {
        guard text.unicodeScalars.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&" else {
                output.append(scalars[index])
                index += 1
                continue
            }
            if let (decoded, end) = characterReference(scalars, at: index + 1) {
                output.append(contentsOf: decoded.unicodeScalars)
                index = end
            } else {
                output.append("&")
                index += 1
            }
        }
        return String(output)
    }

    static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "colon": ":", "tab": "\t",
        "newline": "\n", "sol": "/", "bsol": "\\", "lpar": "(", "rpar": ")", "period": ".", "comma": ",",
        "semi": ";", "equals": "=", "num": "#", "quest": "?", "excl": "!", "percnt": "%", "plus": "+",
        "lowbar": "_", "hyphen": "-", "dash": "‐", "grave": "`", "lsqb": "[", "rsqb": "]", "lcub": "{",
        "rcub": "}", "ast": "*", "commat": "@", "dollar": "$", "verbar": "|", "vert": "|",
    ]

    /// The character a reference starting after `&` at `start` stands for, and where it ends.
    static func characterReference(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var index = start
        if index < scalars.count, scalars[index] == "#" {
            index += 1
            let hex = index < scalars.count && (scalars[index] == "x" || scalars[index] == "X")
            if hex { index += 1 }
            var value: UInt32 = 0
            let digitsStart = index
            while index < scalars.count, let digit = hex ? scalars[index].hexDigitValue : scalars[index].decimalDigitValue {
                value = min(value &* (hex ? 16 : 10) &+ UInt32(digit), 0x110000)
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < scalars.count, scalars[index] == ";" { index += 1 }
            let decoded = (value == 0 || value >= 0x110000) ? Unicode.Scalar(0xFFFD)! : (Unicode.Scalar(value) ?? Unicode.Scalar(0xFFFD)!)
            return (String(Character(decoded)), index)
        }
        var name = ""
        while index < scalars.count, scalars[index].isASCIIAlphanumeric, name.count < 32 {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        let lowered = name.lowercased()
        guard index < scalars.count, scalars[index] == ";" else {
            // The legacy references browsers also read without a `;`.
            if ["amp", "lt", "gt", "quot"].contains(lowered) { return (namedReferences[lowered]!, index) }
            return nil
        }
        guard let decoded = namedReferences[lowered] else { return nil }
        return (decoded, index + 1)
    }

    /// The common entities of stored (sanitised) text decoded, for plain text.
    static func decodeBasicEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
