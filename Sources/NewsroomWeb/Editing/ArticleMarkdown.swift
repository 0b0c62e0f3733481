import Ink
import NewsroomCore

/// Editors write Markdown: Ink renders it, and the sanitiser's allowlist keeps only safe HTML (Ink passes raw HTML
/// and `javascript:` links through).
public enum ArticleMarkdown {
    public static func body(_ markdown: String) -> [ArticleBlock] {
        [.html(HTMLSanitizer.sanitize(MarkdownParser().html(from: markdown)))]
    }

    /// Markdown that renders an article's blocks, for editing an imported article that has no Markdown of its own.
    public static func source(of blocks: [ArticleBlock]) -> String {
        blocks.map { block in
            switch block {
            case .paragraph(let text): escaped(text)
            case .subheading(let text): "## " + escaped(text)
            case .html(let html): html.html
            }
        }.joined(separator: "\n\n")
    }

    /// A line of plain text that Markdown reads as the same text.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
