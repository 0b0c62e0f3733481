/// `wpautop`: a classic-editor post is stored as text where a blank line separates paragraphs and a single newline
/// is a line break; HTML block elements stand on their own.
extension WordPressContent {
    /// The elements `wpautop` keeps out of paragraphs (its `$allblocks`, with `iframe`).
    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "caption", "col", "colgroup", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "iframe", "legend", "li", "main", "map", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]
    /// Blocks whose loose text is a paragraph of its own: `<blockquote>Câu trích</blockquote>` holds a `<p>`.
    static let containerTags: Set<String> = [
        "article", "aside", "blockquote", "details", "div", "footer", "header", "main", "nav", "section",
    ]
    /// Elements whose content is not text to rewrite.
    static let rawTags: Set<String> = ["pre", "script", "style", "textarea"]

    /// One tag found in the text: its lowercased name, whether it closes, and where it ends (after `>`).
    struct TagToken {
        var name: String
        var isClosing: Bool
        var end: String.Index

        /// The tag starting at `start` (a `<`), nil when what follows is not a tag (`a < b`).
        init?(in text: String, at start: String.Index) {
            var index = text.index(after: start)
            isClosing = index < text.endIndex && text[index] == "/"
            if isClosing { index = text.index(after: index) }
            let nameStart = index
            while index < text.endIndex, text[index].isASCII, text[index].isLetter || text[index].isNumber {
                index = text.index(after: index)
            }
            guard index > nameStart, text[nameStart].isLetter else { return nil }
            name = text[nameStart..<index].lowercased()
            guard index < text.endIndex, text[index].isWhitespace || text[index] == ">" || text[index] == "/" else {
                return nil
            }
            // The tag ends at the first `>` outside a quoted attribute value.
            var quote: Character?
            while index < text.endIndex {
                let character = text[index]
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == ">" {
                    end = text.index(after: index)
                    return
                }
                index = text.index(after: index)
            }
            return nil
        }
    }

    /// The text with each `<pre>`, `<script>`, `<style>` and `<textarea>` element replaced by a placeholder, on its
    /// own between blank lines when `separate` (a classic post, about to get paragraphs).
    static func protectingRawElements(_ text: String, separate: Bool, placeholders: inout Placeholders) -> String {
        guard text.contains("<") else { return text }
        var output = ""
        var index = text.startIndex
        var copied = text.startIndex
        while let open = text[index...].firstIndex(of: "<") {
            guard let tag = TagToken(in: text, at: open), !tag.isClosing, rawTags.contains(tag.name) else {
                index = text.index(after: open)
                continue
            }
            // The element ends with its end tag, or with the text when it is never closed.
            var end = text.endIndex
            var search = tag.end
            while let candidate = text[search...].range(of: "</\(tag.name)", options: .caseInsensitive) {
                if let close = TagToken(in: text, at: candidate.lowerBound), close.isClosing, close.name == tag.name {
                    end = close.end
                    break
                }
                search = candidate.upperBound
            }
            output += text[copied..<open]
            output += placeholders.add(String(text[open..<end]), block: separate && tag.name != "textarea")
            index = end
            copied = end
        }
        output += text[copied...]
        return output
    }

    /// `wpautop`'s paragraphs: a blank line before every block element's start tag and after its end tag, then each
    /// blank-line-separated chunk of loose text wrapped in `<p>`, its single newlines made `<br>`.
    static func paragraphs(_ text: String) -> String {
        var spaced = ""
        var index = text.startIndex
        var copied = text.startIndex
        while let open = text[index...].firstIndex(of: "<") {
            guard let tag = TagToken(in: text, at: open), blockTags.contains(tag.name) else {
                index = text.index(after: open)
                continue
            }
            if tag.isClosing {
                spaced += text[copied..<tag.end] + "\n\n"
            } else {
                spaced += text[copied..<open] + "\n\n" + text[open..<tag.end]
            }
            index = tag.end
            copied = tag.end
        }
        spaced += text[copied...]

        var chunks: [String] = []
        var lines: [Substring] = []
        // A last empty line ends the last chunk.
        for line in spaced.split(separator: "\n", omittingEmptySubsequences: false) + [Substring()] {
            if !line.allSatisfy(\.isWhitespace) {
                lines.append(line)
            } else if !lines.isEmpty {
                if let chunk = paragraph(lines.joined(separator: "\n")) { chunks.append(chunk) }
                lines = []
            }
        }
        return chunks.joined(separator: "\n")
    }

    /// One chunk as `wpautop` leaves it: `[start tag] loose text [end tag]`, with the loose text in `<p>` where it
    /// is not already inside a block that takes it bare (a heading, a list item, a cell). Nil for a chunk that is
    /// nothing but `&nbsp;`, the empty paragraph the classic editor leaves behind.
    static func paragraph(_ chunk: String) -> String? {
        let chunk = chunk.trimmingCharacters(in: .whitespacesAndNewlines)
        let visible = chunk.replacingOccurrences(of: "&nbsp;", with: "").replacingOccurrences(of: "\u{A0}", with: "")
        if visible.allSatisfy(\.isWhitespace) { return nil }
        if Placeholders.isOnlyPlaceholders(chunk) { return chunk }

        var start: TagToken?
        var inner = chunk[...]
        if chunk.first == "<", let tag = TagToken(in: chunk, at: chunk.startIndex), !tag.isClosing,
            blockTags.contains(tag.name)
        {
            start = tag
            inner = chunk[tag.end...]
        }
        var end: Substring = ""
        if inner.last == ">", let open = inner.lastIndex(of: "<"), let tag = TagToken(in: chunk, at: open),
            tag.isClosing, tag.end == chunk.endIndex, blockTags.contains(tag.name)
        {
            end = inner[open...]
            inner = inner[..<open]
        }
        let loose = lineBreaks(inner.trimmingCharacters(in: .whitespacesAndNewlines))
        // A `</p>` after loose text is the paragraph's own end, already written.
        let closing = end.lowercased() == "</p>" ? "" : String(end)
        guard let start else { return loose.isEmpty ? closing.nilIfEmpty : "<p>\(loose)</p>\(closing)" }
        let startTag = chunk[..<start.end]
        if loose.isEmpty { return "\(startTag)\(end)" }
        switch start.name {
        case "p": return "\(startTag)\(loose)</p>\(closing)"
        case "hr": return "\(startTag)\n<p>\(loose)</p>\(end)"
        case let name where containerTags.contains(name): return "\(startTag)<p>\(loose)</p>\(end)"
        default: return "\(startTag)\(loose)\(end)"
        }
    }

    /// Each newline of loose text as `<br>` and a newline, unless a `<br>` is already there or it is inside a tag.
    static func lineBreaks(_ text: String) -> String {
        guard text.contains("\n") else { return text }
        var output = ""
        var inTag = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "<", next < text.endIndex, text[next].isLetter || text[next] == "/" {
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if character == "\n", !inTag {
                while output.last == " " || output.last == "\t" { output.removeLast() }
                let tail = output.suffix(6).lowercased().replacingOccurrences(of: " ", with: "")
                if !(tail.hasSuffix("<br>") || tail.hasSuffix("<br/>")) { output += "<br>" }
            }
            output.append(character)
            index = next
        }
        return output
    }
}

extension String {
    /// Nil for the empty string.
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
