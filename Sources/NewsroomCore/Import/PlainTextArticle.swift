/// The plain-text article format of the seed: line 1 the title, line 2 the sapo, then one paragraph per line.
/// A line of at most 100 characters that does not end in sentence punctuation is a subheading; trailing lines
/// that are the comment box's own text are page furniture and are dropped.
public enum PlainTextArticle {
    /// Why a file could not be read as an article, with the line (1-based) where it helps.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var line: Int?
        public var message: String

        public init(line: Int?, message: String) {
            self.line = line
            self.message = message
        }

        public var description: String { line.map { "dòng \($0): \(message)" } ?? message }
    }

    static let subheadingMaxLength = 100
    static let sentenceEndings: Set<Character> = [".", "!", "?", ":", ";", "…"]

    /// Parses the text of one file into a draft (slug from the title, published at first import).
    public static func parse(_ text: String) throws(ParseError) -> ArticleDraft {
        var lines = VietnameseText.normalized(text.replacingOccurrences(of: "\r\n", with: "\n"))
            .split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
            .map { (number: $0.offset + 1, text: VietnameseText.cleanedLine(String($0.element))) }
            .filter { !$0.text.isEmpty }
        while let last = lines.last, isCommentBoxFurniture(last.text) { lines.removeLast() }

        guard let title = lines.first else { throw ParseError(line: nil, message: "tệp trống, thiếu tiêu đề") }
        guard title.text.count <= 300 else { throw ParseError(line: title.number, message: "tiêu đề dài quá 300 ký tự") }
        guard lines.count >= 2 else { throw ParseError(line: nil, message: "thiếu sapo (dòng thứ hai)") }
        guard lines.count >= 3 else { throw ParseError(line: nil, message: "bài viết không có đoạn nội dung nào") }
        let body = lines.dropFirst(2).map { line in
            isSubheading(line.text) ? ArticleBlock.subheading(line.text) : .paragraph(line.text)
        }
        return ArticleDraft(title: title.text, sapo: lines[1].text, body: body)
    }

    /// A short line without final punctuation: "Ba việc cần làm trước mùa mưa".
    public static func isSubheading(_ line: String) -> Bool {
        guard let last = line.last else { return false }
        return line.count <= subheadingMaxLength && !sentenceEndings.contains(last)
    }

    /// "Tối đa: 1500 ký tự" and the empty-state sentence, as copied with a page.
    static func isCommentBoxFurniture(_ line: String) -> Bool {
        let folded = VietnameseText.folded(line)
        if folded == VietnameseText.folded(Strings.empty) { return true }
        let words = folded.split(separator: " ")
        return words.count == 5 && words[0] == "toi" && words[1] == "da:"
            && Int(words[2].replacingOccurrences(of: ".", with: "")) != nil && words[3] == "ky" && words[4] == "tu"
    }
}
