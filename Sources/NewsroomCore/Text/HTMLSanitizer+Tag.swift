/// Reading one tag from the scalars of a fragment.
extension HTMLSanitizer {
    /// One start or end tag, tokenised as HTML does (scalar by scalar); attribute values entity-decoded.
    struct Tag {
        var name: String
        var isClosing: Bool
        var isSelfClosing: Bool
        var attributes: [String: String]
        var end: Int

        static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
        }

        init?(parsing scalars: [Unicode.Scalar], at start: Int) {
            var index = start + 1
            isClosing = index < scalars.count && scalars[index] == "/"
            if isClosing { index += 1 }
            let nameStart = index
            while index < scalars.count, scalars[index].isASCIIAlphanumeric { index += 1 }
            guard index > nameStart, scalars[nameStart].isASCIILetter else { return nil }
            name = String(String.UnicodeScalarView(scalars[nameStart..<index])).lowercased()
            attributes = [:]
            isSelfClosing = false
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == ">" {
                    end = index + 1
                    return
                }
                if scalar == "/" || Self.isSpace(scalar) {
                    isSelfClosing = scalar == "/"
                    index += 1
                    continue
                }
                isSelfClosing = false
                let attributeStart = index
                index += 1
                while index < scalars.count, scalars[index] != "=", scalars[index] != ">", scalars[index] != "/",
                    !Self.isSpace(scalars[index])
                {
                    index += 1
                }
                let attributeName = String(String.UnicodeScalarView(scalars[attributeStart..<index])).lowercased()
                while index < scalars.count, Self.isSpace(scalars[index]) { index += 1 }
                var value = String.UnicodeScalarView()
                if index < scalars.count, scalars[index] == "=" {
                    index += 1
                    while index < scalars.count, Self.isSpace(scalars[index]) { index += 1 }
                    if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                        let quote = scalars[index]
                        index += 1
                        let valueStart = index
                        while index < scalars.count, scalars[index] != quote { index += 1 }
                        guard index < scalars.count else { return nil }
                        value.append(contentsOf: scalars[valueStart..<index])
                        index += 1
                    } else {
                        let valueStart = index
                        while index < scalars.count, !Self.isSpace(scalars[index]), scalars[index] != ">" { index += 1 }
                        value.append(contentsOf: scalars[valueStart..<index])
                    }
                }
                // As in HTML, the first of two attributes with the same name wins.
                if attributes[attributeName] == nil { attributes[attributeName] = HTMLSanitizer.decodeEntities(String(value)) }
            }
            return nil
        }
    }
}

/// The ASCII classes the tokeniser compares scalars with: never `Character`, whose clusters hide what a browser reads.
extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }
    var isASCIIHexDigit: Bool { isASCIIDigit || ("a"..."f").contains(self) || ("A"..."F").contains(self) }
    var hexDigitValue: Int? {
        switch self {
        case "0"..."9": Int(value - 48)
        case "a"..."f": Int(value - 87)
        case "A"..."F": Int(value - 55)
        default: nil
        }
    }
    var decimalDigitValue: Int? { isASCIIDigit ? Int(value - 48) : nil }
    var asciiLowercased: Unicode.Scalar { ("A"..."Z").contains(self) ? Unicode.Scalar(value + 32)! : self }
}
