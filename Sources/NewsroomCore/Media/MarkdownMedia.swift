import Foundation

/// A photo written in Markdown: `![alt](source "caption")`.
public struct MarkdownImage: Sendable, Equatable {
    public var alt: String
    public var source: String
    /// The quoted title, which Newsroom shows as the photo's caption ("Ảnh: …").
    public var caption: String?
    /// Where the whole `![…](…)` is in the text it was read from.
    public var range: Range<String.Index>

    public init(alt: String, source: String, caption: String?, range: Range<String.Index>) {
        self.alt = alt
        self.source = source
        self.caption = caption
        self.range = range
    }
}

/// Reading photos and videos out of an article's Markdown: what Ink does not (it has no image titles), and what turns
/// a paragraph into a figure, a gallery or a video.
public enum MarkdownMedia {
    /// Every image of a text, in order (code spans and blocks are not looked into).
    public static func images(in markdown: String) -> [MarkdownImage] {
        var images: [MarkdownImage] = []
        var index = markdown.startIndex
        var inFence = false
        var lineStart = true
        while index < markdown.endIndex {
            if lineStart, markdown[index...].hasPrefix("```") { inFence.toggle() }
            let character = markdown[index]
            lineStart = character == "\n"
            if !inFence, character == "`" {
                // Skip an inline code span.
                if let close = markdown[markdown.index(after: index)...].firstIndex(of: "`") {
                    index = markdown.index(after: close)
                    continue
                }
            }
            if !inFence, character == "!", let image = image(in: markdown, at: index) {
                images.append(image)
                index = image.range.upperBound
                continue
            }
            index = markdown.index(after: index)
        }
        return images
    }

    /// The images of a paragraph that holds nothing else (whitespace aside), or nil.
    public static func imageParagraph(_ paragraph: Substring) -> [MarkdownImage]? {
        let text = String(paragraph)
        var images: [MarkdownImage] = []
        var index = text.startIndex
        while index < text.endIndex {
            if text[index].isWhitespace {
                index = text.index(after: index)
                continue
            }
            guard text[index] == "!", let image = image(in: text, at: index) else { return nil }
            images.append(image)
            index = image.range.upperBound
        }
        return images.isEmpty ? nil : images
    }

    /// The image whose `!` is at `start`, or nil when none starts there.
    static func image(in text: String, at start: String.Index) -> MarkdownImage? {
        var index = text.index(after: start)
        guard index < text.endIndex, text[index] == "[" else { return nil }
        index = text.index(after: index)
        var alt = ""
        while index < text.endIndex, text[index] != "]" {
            if text[index] == "\\", text.index(after: index) < text.endIndex { index = text.index(after: index) }
            if text[index] == "\n" && alt.hasSuffix("\n") { return nil }
            alt.append(text[index])
            index = text.index(after: index)
        }
        guard index < text.endIndex else { return nil }
        index = text.index(after: index)
        guard index < text.endIndex, text[index] == "(" else { return nil }
        index = text.index(after: index)
        guard let close = closingParenthesis(in: text, from: index) else { return nil }
        let inside = text[index..<close].trimmingCharacters(in: .whitespacesAndNewlines)
        var source = inside
        var caption: String?
        var bracketed = false
        if inside.hasPrefix("<"), let end = inside.firstIndex(of: ">") {
            // `<…>` lets a destination hold spaces.
            source = String(inside[inside.index(after: inside.startIndex)..<end])
            caption = title(inside[inside.index(after: end)...])
            bracketed = true
        } else if let space = inside.firstIndex(where: \.isWhitespace) {
            source = String(inside[..<space])
            caption = title(inside[space...])
        }
        guard !source.isEmpty, bracketed || !source.contains(where: \.isWhitespace), !source.contains("\n") else { return nil }
        // What a reader would see: invisible characters and runs of spaces do not make a description.
        return MarkdownImage(
            alt: VietnameseText.cleanedLine(alt), source: source,
            caption: caption.map(VietnameseText.cleanedLine).flatMap {
                $0.isEmpty ? nil : $0
            }, range: start..<text.index(after: close))
    }

    /// The `)` that closes a link destination, parentheses inside it balanced and quoted titles skipped.
    private static func closingParenthesis(in text: String, from start: String.Index) -> String.Index? {
        var depth = 0
        var quote: Character?
        var index = start
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" {
                quote = character
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                if depth == 0 { return index }
                depth -= 1
            } else if character == "\n", text[text.index(after: index)...].first == "\n" {
                return nil
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// A link title: `"…"`, `'…'` or `(…)`; nil for anything else.
    private static func title(_ text: Substring) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first, let last = trimmed.last, trimmed.count >= 2,
            (first == "\"" && last == "\"") || (first == "'" && last == "'") || (first == "(" && last == ")")
        else { return nil }
        let caption = String(trimmed.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return caption.isEmpty ? nil : caption
    }
}
