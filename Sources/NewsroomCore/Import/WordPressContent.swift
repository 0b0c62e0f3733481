/// Turns a post's content as WordPress stores it (`content:encoded` of an export) into the HTML WordPress would show:
/// block-editor comments and `<!--more-->` markers removed, `[caption]` turned into `<figure>`, other shortcodes
/// removed with their text kept, and — for classic-editor posts, stored without `<p>` — paragraphs and line breaks
/// made as `wpautop` makes them. The result is not safe HTML: it goes through `HTMLSanitizer.sanitize(_:)` next.
public enum WordPressContent {
    /// The HTML of `raw`, in NFC. Block-editor content comes out as stored apart from its comments; `<pre>`,
    /// `<script>`, `<style>` and `<textarea>` are never changed inside.
    public static func html(_ raw: String) -> String {
        var placeholders = Placeholders()
        var text = raw.precomposedStringWithCanonicalMapping.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
        // The placeholder delimiters are noncharacters: a post has no business containing them.
        text.unicodeScalars.removeAll { $0 == Placeholders.open || $0 == Placeholders.close }
        let isBlockEditor = text.contains("<!-- wp:") || text.contains("<!--wp:")
        text = protectingRawElements(text, separate: !isBlockEditor, placeholders: &placeholders)
        text = removingComments(text, isBlockEditor: isBlockEditor, placeholders: &placeholders)
        text = String(String.UnicodeScalarView(shortcodes(Array(text.unicodeScalars), placeholders: &placeholders)))
        text = isBlockEditor ? collapsingBlankLines(text) : paragraphs(text)
        return placeholders.restore(text).trimmingCharacters(in: .whitespacesAndNewlines)
            .precomposedStringWithCanonicalMapping
    }

    /// Parts of the text taken out while the rest is rewritten, each replaced by U+FDD0, its number, U+FDD1.
    struct Placeholders {
        static let open = Unicode.Scalar(0xFDD0)!
        static let close = Unicode.Scalar(0xFDD1)!
        var contents: [String] = []

        /// The placeholder for `content`; a block-level one stands alone between blank lines, so that `wpautop`
        /// neither wraps it in `<p>` nor joins it to the text around it.
        mutating func add(_ content: String, block: Bool) -> String {
            contents.append(content)
            let token = "\(Self.open)\(contents.count - 1)\(Self.close)"
            return block ? "\n\n\(token)\n\n" : token
        }

        /// The text with every placeholder replaced by its content, itself restored (a comment inside a `<pre>`).
        func restore(_ text: String) -> String {
            guard text.unicodeScalars.contains(Self.open) else { return text }
            var output = String.UnicodeScalarView()
            var scalars = text.unicodeScalars[...]
            while let start = scalars.firstIndex(of: Self.open) {
                output.append(contentsOf: scalars[..<start])
                let rest = scalars[scalars.index(after: start)...]
                guard let end = rest.firstIndex(of: Self.close), let number = Int(String(rest[..<end])),
                    contents.indices.contains(number)
                else {
                    scalars = rest
                    continue
                }
                output.append(contentsOf: restore(contents[number]).unicodeScalars)
                scalars = rest[rest.index(after: end)...]
            }
            output.append(contentsOf: scalars)
            return String(output)
        }

        /// Whether `text` is nothing but placeholders and whitespace.
        static func isOnlyPlaceholders(_ text: String) -> Bool {
            var inside = false
            for scalar in text.unicodeScalars {
                if scalar == open {
                    inside = true
                } else if scalar == close {
                    inside = false
                } else if !inside && !scalar.properties.isWhitespace {
                    return false
                }
            }
            return true
        }
    }

    /// Marks where a removed comment was, so that a line left empty by it goes too.
    static let removedMark = Unicode.Scalar(0xFDD2)!

    /// The text without block-editor comments (`<!-- wp:… -->`, `<!-- /wp:… -->`) and the `<!--more-->`,
    /// `<!--nextpage-->` and `<!--noteaser-->` markers; a line that held nothing else goes with them. In a classic
    /// post a marker also ends the paragraph, as the page break it is. Other comments are kept, out of `wpautop`'s way.
    static func removingComments(_ text: String, isBlockEditor: Bool, placeholders: inout Placeholders) -> String {
        var output = ""
        var rest = Substring(text)
        while let start = rest.range(of: "<!--") {
            output += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "-->") else {
                rest = rest[start.lowerBound...]
                break
            }
            let body = rest[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            let word = body.prefix { !$0.isWhitespace }.lowercased()
            if word.hasPrefix("wp:") || word.hasPrefix("/wp:") {
                output.unicodeScalars.append(removedMark)
            } else if ["more", "nextpage", "noteaser"].contains(word) {
                output += isBlockEditor ? String(removedMark) : "\n\n"
            } else {
                output += placeholders.add(String(rest[start.lowerBound..<end.upperBound]), block: false)
            }
            rest = rest[end.upperBound...]
        }
        output += rest
        guard output.unicodeScalars.contains(removedMark) else { return output }
        var lines: [Substring] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.unicodeScalars.contains(removedMark) else {
                lines.append(line)
                continue
            }
            var kept = line
            kept.unicodeScalars.removeAll { $0 == removedMark }
            if !kept.allSatisfy(\.isWhitespace) { lines.append(kept) }
        }
        return lines.joined(separator: "\n")
    }

    /// At most one blank line in a row, as the block editor separates its blocks.
    static func collapsingBlankLines(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let isBlank = line.allSatisfy(\.isWhitespace)
            if isBlank, lines.last.map({ $0.isEmpty }) ?? true { continue }
            lines.append(isBlank ? "" : line)
        }
        return lines.joined(separator: "\n")
    }
}
