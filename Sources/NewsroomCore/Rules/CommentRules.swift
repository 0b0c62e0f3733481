/// The rules every new comment meets, whatever the moderation mode: word lists, a cap on links, and (when a
/// newspaper wants them) holding text in capitals or typed without any diacritic, as Vietnamese papers ask for
/// "tiếng Việt có dấu".
public struct CommentRules: Sendable {
    public var words: WordMatcher
    /// More links than this holds the comment.
    public var maxLinks: Int
    public var holdAllCaps: Bool
    public var holdWithoutDiacritics: Bool

    public init(words: [WordRule], maxLinks: Int = 2, holdAllCaps: Bool = false, holdWithoutDiacritics: Bool = false) {
        self.words = WordMatcher(rules: words)
        self.maxLinks = maxLinks
        self.holdAllCaps = holdAllCaps
        self.holdWithoutDiacritics = holdWithoutDiacritics
    }

    /// What the rules decide about a comment's text.
    public enum Verdict: Sendable, Equatable {
        case accept
        /// Kept for a moderator, with why and the words to highlight.
        case hold(reason: String, words: [String])
        /// Refused, and kept as rejected for the desk.
        case refuse(reason: String, words: [String])
    }

    public func verdict(for body: String) -> Verdict {
        let matches = words.matches(in: body)
        let banned = matches.filter { $0.kind == .banned }
        if !banned.isEmpty {
            let found = banned.map { String(body[$0.range]) }
            return .refuse(reason: "Từ bị cấm: " + quoted(found), words: found)
        }
        if !matches.isEmpty {
            let found = matches.map { String(body[$0.range]) }
            return .hold(reason: "Từ cần xem xét: " + quoted(found), words: found)
        }
        let links = Self.linkCount(body)
        if links > maxLinks {
            return .hold(reason: "Có \(links) liên kết (tối đa \(maxLinks))", words: [])
        }
        let letters = body.filter(\.isLetter)
        if holdAllCaps, letters.count >= 12, letters == letters.uppercased(), letters != letters.lowercased() {
            return .hold(reason: "Viết toàn chữ in hoa", words: [])
        }
        if holdWithoutDiacritics, letters.count >= 20, VietnameseText.folded(body) == body.lowercased(),
            Self.looksVietnamese(body)
        {
            return .hold(reason: "Viết tiếng Việt không dấu", words: [])
        }
        return .accept
    }

    private func quoted(_ words: [String]) -> String {
        var seen: [String] = []
        for word in words where !seen.contains(word) { seen.append(word) }
        return seen.map { "«\($0)»" }.joined(separator: ", ")
    }

    /// Links written out or as bare domains ("http://…", "www.…", "abc.com/…").
    static func linkCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).filter { word in
            let lower = word.lowercased()
            return lower.contains("http://") || lower.contains("https://") || lower.hasPrefix("www.")
                || [".com", ".vn", ".net", ".org", ".info", ".xyz", ".top"].contains { lower.contains($0 + "/") || lower.hasSuffix($0) }
        }.count
    }

    /// Text typed without marks that is still Vietnamese (common unmarked words), not English.
    static func looksVietnamese(_ text: String) -> Bool {
        let common: Set<String> = [
            "va", "la", "cua", "khong", "nhung", "duoc", "nguoi", "nay", "cho", "voi", "mot", "cac", "co", "da", "thi", "rat", "toi", "ban",
        ]
        let words = VietnameseText.folded(text).split(whereSeparator: { !$0.isLetter }).map(String.init)
        return words.filter { common.contains($0) }.count >= 2
    }
}
