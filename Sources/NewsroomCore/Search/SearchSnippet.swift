/// The part of an article's text a search result shows: a window of words around the first match, with the words
/// the query matched marked, cut from the original text (so they keep their diacritics).
public struct SearchSnippet: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public var text: String
        public var matched: Bool

        public init(_ text: String, matched: Bool = false) {
            self.text = text
            self.matched = matched
        }
    }

    public var parts: [Part]

    /// The snippet of `text` for `query`: about `words` words, starting a few words before the first match (or the
    /// text's start when nothing matches), with "…" where it was cut.
    public init(_ text: String, query: SearchQuery, words size: Int = 32) {
        let highlight = query.highlightWords
        let words = SearchText.words(text)
        guard !words.isEmpty else {
            parts = []
            return
        }
        let first = words.firstIndex { highlight.contains($0.word.folded) } ?? 0
        let start = max(0, first - 6)
        let end = min(words.count, start + size)
        var parts: [Part] = []
        if start > 0 { parts.append(Part("… ")) }
        var cursor = words[start].range.lowerBound
        for word in words[start..<end] where highlight.contains(word.word.folded) {
            if cursor < word.range.lowerBound { parts.append(Part(String(text[cursor..<word.range.lowerBound]))) }
            parts.append(Part(String(text[word.range]), matched: true))
            cursor = word.range.upperBound
        }
        let stop = end < words.count ? words[end - 1].range.upperBound : text.endIndex
        if cursor < stop { parts.append(Part(String(text[cursor..<stop]))) }
        if end < words.count { parts.append(Part(" …")) }
        self.parts = parts
    }

    /// The whole text with the query's words marked (a title).
    public static func whole(_ text: String, query: SearchQuery) -> SearchSnippet {
        SearchSnippet(text, query: query, words: Int.max / 2)
    }

    /// The snippet as text, marks left out.
    public var text: String { parts.map(\.text).joined() }
}
