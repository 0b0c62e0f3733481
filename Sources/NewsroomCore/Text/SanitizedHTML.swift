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
        var text = String.UnicodeScalarView()
        var inTag = false
        for scalar in html.unicodeScalars {
            if scalar == "<" {
                inTag = true
            } else if scalar == ">" {
                inTag = false
                text.append(" ")
            } else if !inTag {
                text.append(scalar)
            }
        }
        return HTMLSanitizer.decodeBasicEntities(String(text)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Keeps the markup an article body needs (paragraphs, headings, lists, emphasis, quotes, code, links to
/// http, https, mailto or the site itself) and escapes or drops everything else. Ink passes raw HTML and
/// `javascript:` links through; this is the allowlist they meet before anything is stored.
///
/// It reads Unicode scalars, never `Character`s: a grapheme cluster such as `"` followed by a combining mark is
/// not equal to `"`, yet a browser's tokenizer sees the quote. Every kept attribute is rebuilt from its
/// entity-decoded value and escaped again, so what was checked is exactly what the browser reads.
public enum HTMLSanitizer {
    static let allowedTags: Set<String> = [
        "p", "h2", "h3", "h4", "em", "strong", "b", "i", "a", "ul", "ol", "li", "blockquote", "code", "pre", "br",
        "hr", "figure", "figcaption", "sub", "sup", "del", "table", "thead", "tbody", "tr", "th", "td", "img", "div",
    ]
    /// The classes Newsroom's own markup gives photos, galleries and videos; no other class is kept.
    static let allowedClasses: Set<String> = ["photo", "gallery", "video", "video-link"]
    static let voidTags: Set<String> = ["br", "hr", "img"]
    /// Elements whose content is dropped with them.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "textarea", "title",
        "xmp", "noembed", "noframes", "plaintext", "select",
    ]

    /// The allowlisted form of an HTML fragment.
    public static func sanitize(_ input: String) -> SanitizedHTML {
        let scalars = Array(input.unicodeScalars)
        var output = String.UnicodeScalarView()
        var open: [String] = []
        var index = 0
        func append(_ text: String) { output.append(contentsOf: text.unicodeScalars) }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                if Self.hasPrefix("<!--", in: scalars, at: index) {
                    // Comments (WordPress keeps its block markers in them) are dropped, with an unterminated one's rest.
                    index = Self.find("-->", in: scalars, from: index + 4).map { $0 + 3 } ?? scalars.count
                    continue
                }
                if let tag = Tag(parsing: scalars, at: index) {
                    index = tag.end
                    if droppedWithContent.contains(tag.name) {
                        if !tag.isClosing && !tag.isSelfClosing {
                            // The content is not read as markup: the `a<b` of a script must not swallow the
                            // `</script>` after it and, with it, the rest of the article.
                            index = endOfEndTag(tag.name, in: scalars, from: index) ?? scalars.count
                        }
                        continue
                    }
                    guard allowedTags.contains(tag.name) else { continue }
                    if tag.isClosing {
                        if let position = open.lastIndex(of: tag.name) {
                            for name in open[position...].reversed() { append("</\(name)>") }
                            open.removeSubrange(position...)
                        }
                    } else if tag.name == "img" {
                        append(image(tag.attributes))
                    } else if voidTags.contains(tag.name) {
                        append("<\(tag.name)>")
                    } else {
                        append("<\(tag.name)")
                        if ["figure", "div", "a"].contains(tag.name), let names = tag.attributes["class"],
                            case let classes = names.split(separator: " "), !classes.isEmpty,
                            classes.allSatisfy({ allowedClasses.contains(String($0)) })
                        {
                            append(" class=\"\(classes.joined(separator: " "))\"")
                        }
                        if tag.name == "a", let href = tag.attributes["href"], let safe = safeURL(href) {
                            append(" href=\"\(escapeAttribute(safe))\"")
                            if !safe.hasPrefix("/") && !safe.hasPrefix("#") { append(" rel=\"nofollow noopener\"") }
                            if let player = tag.attributes["data-player"].flatMap(safeURL),
                                VideoLink.playerOrigins.contains(where: { player.hasPrefix($0 + "/") })
                            {
                                append(" data-player=\"\(escapeAttribute(player))\"")
                            }
                        }
                        append(">")
                        open.append(tag.name)
                    }
                    continue
                }
            }
            index += 1
            switch scalar {
            case "<": append("&lt;")
            case ">": append("&gt;")
            case "\"": append("&quot;")
            case "&": append(isEntity(scalars, at: index) ? "&" : "&amp;")
            case "\0": continue
            default: output.append(scalar)
            }
        }
        for name in open.reversed() { append("</\(name)>") }
        return SanitizedHTML(trusted: String(output))
    }

    static func hasPrefix(_ prefix: String, in scalars: [Unicode.Scalar], at start: Int) -> Bool {
        var index = start
        for expected in prefix.unicodeScalars {
            guard index < scalars.count, scalars[index].asciiLowercased == expected else { return false }
            index += 1
        }
        return true
    }

    /// The index of the first occurrence of `needle` (ASCII, compared case-insensitively) at or after `start`.
    static func find(_ needle: String, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start < scalars.count else { return nil }
        for index in start..<scalars.count where hasPrefix(needle, in: scalars, at: index) { return index }
        return nil
    }

    /// Where the first `</name>` at or after `start` ends, nil when the element is never closed.
    static func endOfEndTag(_ name: String, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var searchStart = start
        while let found = find("</" + name, in: scalars, from: searchStart) {
            if let tag = Tag(parsing: scalars, at: found), tag.isClosing, tag.name == name { return tag.end }
            searchStart = found + 2
        }
        return nil
    }

    /// Links to the web, to mail, or within the site; nothing that a browser would run. `value` is the attribute's
    /// decoded value; the answer is what to write back (controls removed, as the URL parser would).
    static func safeURL(_ value: String) -> String? {
        // The URL parser strips leading and trailing C0 controls and spaces, and drops tabs and newlines anywhere.
        var scalars = Array(value.unicodeScalars.filter { !($0.value < 0x20 && $0 != " ") && $0.value != 0x7F })
        while let first = scalars.first, first == " " || isInvisible(first) { scalars.removeFirst() }
        while let last = scalars.last, last == " " || isInvisible(last) { scalars.removeLast() }
        let url = String(String.UnicodeScalarView(scalars))
        guard let first = scalars.first else { return nil }
        let lowered = url.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("mailto:") { return url }
        // Browsers read a backslash as "/": "/\x" leaves the site.
        if first == "#" { return url }
        if first == "/", scalars.count == 1 || (scalars[1] != "/" && scalars[1] != "\\") { return url }
        return nil
    }

    /// A photo from the web or the site itself, with its text alternative and its size (digits only), loaded lazily; an
    /// image without a safe source is dropped.
    static func image(_ attributes: [String: String]) -> String {
        guard let source = attributes["src"].flatMap(safeURL), !source.lowercased().hasPrefix("mailto:"), !source.hasPrefix("#") else {
            return ""
        }
        var image = "<img src=\"\(escapeAttribute(source))\" alt=\"\(escapeAttribute(attributes["alt"] ?? ""))\""
        for name in ["width", "height"] {
            if let value = attributes[name], (1...5).contains(value.count), value.allSatisfy({ $0.isASCII && $0.isNumber }) {
                image += " \(name)=\"\(value)\""
            }
        }
        if let srcset = attributes["srcset"].flatMap(sourceSet) {
            image += " srcset=\"\(escapeAttribute(srcset))\""
            if let sizes = attributes["sizes"], (1...120).contains(sizes.count),
                sizes.unicodeScalars.allSatisfy({ $0.isASCIIAlphanumeric || " ():,.%-".unicodeScalars.contains($0) })
            {
                image += " sizes=\"\(sizes)\""
            }
        }
        return image + " loading=\"lazy\" decoding=\"async\">"
    }

    /// A `srcset` of widths ("/media/a-480.jpg 480w, …") whose every address is a safe image source; nil otherwise.
    static func sourceSet(_ value: String) -> String? {
        var candidates: [String] = []
        for candidate in value.split(separator: ",") {
            let parts = candidate.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            guard parts.count == 2, let url = safeURL(String(parts[0])), !url.lowercased().hasPrefix("mailto:"), !url.hasPrefix("#"),
                !url.contains(","), parts[1].hasSuffix("w"), (2...6).contains(parts[1].count),
                parts[1].dropLast().allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
            candidates.append("\(url) \(parts[1])")
        }
        return candidates.isEmpty || candidates.count > 8 ? nil : candidates.joined(separator: ", ")
    }

    /// Format and other invisible scalars a reader cannot see at the edges of a link.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isDefaultIgnorableCodePoint || scalar.properties.generalCategory == .spaceSeparator
    }

    static func escapeAttribute(_ value: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "\"": escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "'": escaped.append(contentsOf: "&#39;".unicodeScalars)
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "\0": continue
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }

}
