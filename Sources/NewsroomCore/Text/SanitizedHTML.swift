/// HTML that may be written into a page unescaped. Only `HTMLSanitizer` makes one, so every unescaped path
/// in Newsroom starts here and can be found with grep.
public struct SanitizedHTML: Sendable, Equatable, Codable {
    public let html: String

    fileprivate init(trusted html: String) { self.html = html }

    public init(from decoder: any Decoder) throws {
        // Stored HTML is sanitised again when read back, so a database edited by hand cannot inject markup.
        self = HTMLSanitizer.sanitize(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(html)
    }

    /// The text without tags, entities decoded for the common ones.
    public var plainText: String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false; text.append(" ")
            } else if !inTag {
                text.append(character)
            }
        }
        return HTMLSanitizer.decodeBasicEntities(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Keeps the markup an article body needs (paragraphs, headings, lists, emphasis, quotes, code, links to
/// http, https, mailto or the site itself) and escapes or drops everything else. Ink passes raw HTML and
/// `javascript:` links through; this is the allowlist they meet before anything is stored.
public enum HTMLSanitizer {
    static let allowedTags: Set<String> = [
        "p", "h2", "h3", "h4", "em", "strong", "b", "i", "a", "ul", "ol", "li", "blockquote", "code", "pre", "br",
        "hr", "figure", "figcaption", "sub", "sup", "del", "table", "thead", "tbody", "tr", "th", "td",
    ]
    static let voidTags: Set<String> = ["br", "hr"]
    /// Elements whose content is dropped with them.
    static let droppedWithContent: Set<String> = ["script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"]

    /// The allowlisted form of an HTML fragment.
    public static func sanitize(_ input: String) -> SanitizedHTML {
        var output = ""
        var open: [String] = []
        var skipping: String?
        var index = input.startIndex
        while index < input.endIndex {
            if let skipped = skipping {
                // A dropped element's content is not read as markup: the `a<b` of a script must not swallow the
                // `</script>` after it and, with it, the rest of the article.
                guard let end = endOfEndTag(skipped, in: input, from: index) else { break }
                index = end
                skipping = nil
                continue
            }
            let character = input[index]
            if character == "<", let tag = Tag(parsing: input, at: index) {
                index = tag.end
                if droppedWithContent.contains(tag.name) {
                    if !tag.isClosing && !tag.isSelfClosing { skipping = tag.name }
                    continue
                }
                guard allowedTags.contains(tag.name) else { continue }
                if tag.isClosing {
                    if let position = open.lastIndex(of: tag.name) {
                        for name in open[position...].reversed() { output += "</\(name)>" }
                        open.removeSubrange(position...)
                    }
                } else if voidTags.contains(tag.name) {
                    output += "<\(tag.name)>"
                } else {
                    output += "<\(tag.name)"
                    if tag.name == "a", let href = tag.attributes["href"], let safe = safeURL(href) {
                        output += " href=\"\(escapeAttribute(safe))\""
                        if !safe.hasPrefix("/") && !safe.hasPrefix("#") { output += " rel=\"nofollow noopener\"" }
                    }
                    output += ">"
                    open.append(tag.name)
                }
                continue
            }
            index = input.index(after: index)
            switch character {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "&":
                output += isEntity(input[index...]) ? "&" : "&amp;"
            default: output.append(character)
            }
        }
        for name in open.reversed() { output += "</\(name)>" }
        return SanitizedHTML(trusted: output)
    }

    /// Where the first `</name>` at or after `start` ends, nil when the element is never closed.
    static func endOfEndTag(_ name: String, in input: String, from start: String.Index) -> String.Index? {
        var searchStart = start
        while let found = input.range(of: "</" + name, options: .caseInsensitive, range: searchStart..<input.endIndex) {
            if let tag = Tag(parsing: input, at: found.lowerBound), tag.isClosing, tag.name == name { return tag.end }
            searchStart = found.upperBound
        }
        return nil
    }

    /// Links to the web, to mail, or within the site; nothing that a browser would run.
    static func safeURL(_ raw: String) -> String? {
        let url = decodeBasicEntities(raw).trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = url.lowercased().filter { !$0.isWhitespace && !$0.isASCIIControl }
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("mailto:") { return url }
        // Browsers drop tabs and newlines inside a URL and read a backslash as "/": "/\x" and "/<tab>/x" leave the site.
        let path = lowered.replacingOccurrences(of: "\\", with: "/")
        if (path.hasPrefix("/") && !path.hasPrefix("//")) || path.hasPrefix("#") { return url }
        return nil
    }

    static func escapeAttribute(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static func isEntity(_ rest: Substring) -> Bool {
        guard let semicolon = rest.prefix(12).firstIndex(of: ";") else { return false }
        let name = rest[..<semicolon]
        guard !name.isEmpty else { return false }
        if name.first == "#" {
            let digits = name.dropFirst()
            if digits.first == "x" || digits.first == "X" { return digits.count > 1 && digits.dropFirst().allSatisfy(\.isHexDigit) }
            return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
        }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    static func decodeBasicEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// One start or end tag, read leniently; attribute values are kept only as the sanitiser needs them.
    struct Tag {
        var name: String
        var isClosing: Bool
        var isSelfClosing: Bool
        var attributes: [String: String]
        var end: String.Index

        init?(parsing input: String, at start: String.Index) {
            var index = input.index(after: start)
            isClosing = index < input.endIndex && input[index] == "/"
            if isClosing { index = input.index(after: index) }
            let nameStart = index
            while index < input.endIndex, input[index].isASCII, input[index].isLetter || input[index].isNumber {
                index = input.index(after: index)
            }
            guard index > nameStart, input[nameStart].isLetter else { return nil }
            name = input[nameStart..<index].lowercased()
            attributes = [:]
            isSelfClosing = false
            while index < input.endIndex {
                let character = input[index]
                if character == ">" {
                    end = input.index(after: index)
                    return
                }
                if character == "/" {
                    isSelfClosing = true
                    index = input.index(after: index)
                    continue
                }
                if character.isWhitespace {
                    index = input.index(after: index)
                    continue
                }
                let attributeStart = index
                while index < input.endIndex, !"=>/ \t\n\r".contains(input[index]) { index = input.index(after: index) }
                let attributeName = input[attributeStart..<index].lowercased()
                var value = ""
                if index < input.endIndex, input[index] == "=" {
                    index = input.index(after: index)
                    if index < input.endIndex, input[index] == "\"" || input[index] == "'" {
                        let quote = input[index]
                        index = input.index(after: index)
                        let valueStart = index
                        while index < input.endIndex, input[index] != quote { index = input.index(after: index) }
                        guard index < input.endIndex else { return nil }
                        value = String(input[valueStart..<index])
                        index = input.index(after: index)
                    } else {
                        let valueStart = index
                        while index < input.endIndex, !input[index].isWhitespace, input[index] != ">" {
                            index = input.index(after: index)
                        }
                        value = String(input[valueStart..<index])
                    }
                }
                if attributeName.isEmpty { index = input.index(after: index) } else { attributes[attributeName] = value }
            }
            return nil
        }
    }
}

extension Character {
    fileprivate var isASCIIControl: Bool { asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false }
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
