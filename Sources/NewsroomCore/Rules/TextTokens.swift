/// A comment's text cut into the word tokens the word rules compare, each in the forms that see through the usual
/// disguises: diacritics dropped or typed apart (NFD), letters repeated ("nguuuu"), digits for letters ("d1t"),
/// and letters spaced or dotted apart ("v.c.l", "đ m"), which are joined back into one token. The words are read
/// as a reader sees them (`RuleText`): invisible characters between letters, fullwidth or mathematical letters and
/// look-alikes from other scripts ("vсl" with a Cyrillic "с") do not hide a word.
public struct TextToken: Sendable, Equatable {
    /// Where the token stands in the text given to `TextTokens.tokens(of:)`, whole characters as the reader wrote
    /// them (several source words for a joined token).
    public var range: Range<String.Index>
    /// Lowercased NFC, diacritics kept: "lồn".
    public var exact: String
    /// Folded (no diacritics, đ→d), digits read as letters, repeats squeezed: "lon".
    public var folded: String
    /// Whether the source carried any Vietnamese mark, which says the writer typed with diacritics.
    public var hasMarks: Bool
    /// How many letters the source had before repeats were squeezed.
    public var length: Int
}

public enum TextTokens {
    /// Digits and symbols typed for letters.
    static let leet: [Character: Character] = ["0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"]

    /// The words of `text` in order, then the tokens formed by joining runs of single letters ("v.c.l").
    public static func tokens(of text: String) -> (words: [TextToken], joined: [TextToken]) {
        let readable = RuleText(text)
        let words = words(of: readable.text)
        let joined = joinedSingles(words, in: readable.text)
        func inOriginal(_ token: TextToken) -> TextToken {
            var token = token
            token.range = readable.original(token.range)
            return token
        }
        return (words.map(inOriginal), joined.map(inOriginal))
    }

    /// The words of `text` (as `RuleText` reads it), in order.
    static func words(of text: String) -> [TextToken] {
        var words: [TextToken] = []
        var start: String.Index?
        var index = text.startIndex
        func isWordCharacter(_ character: Character) -> Bool {
            character.isLetter || character.isNumber || character == "@" || character == "$"
        }
        while index <= text.endIndex {
            let isWord = index < text.endIndex && isWordCharacter(text[index])
            if isWord, start == nil { start = index }
            if !isWord, let wordStart = start {
                if let token = token(text, wordStart..<index) { words.append(token) }
                start = nil
            }
            if index == text.endIndex { break }
            index = text.index(after: index)
        }
        return words
    }

    static func token(_ text: String, _ range: Range<String.Index>) -> TextToken? {
        let source = String(text[range])
        // A number alone is not a word ("2026"), but letters with digits in them are ("d1t", "l0n").
        guard source.contains(where: \.isLetter) else { return nil }
        let exact = source.lowercased()
        let folded = VietnameseText.folded(source)
        let readable = String(folded.map { leet[$0] ?? $0 })
        return TextToken(range: range, exact: exact, folded: squeezed(readable), hasMarks: folded != exact, length: readable.count)
    }

    /// "nguuuu" → "ngu": a letter typed many times counts once.
    static func squeezed(_ text: String) -> String {
        var result = ""
        for character in text where character != result.last { result.append(character) }
        return result
    }

    /// Runs of two or more one-letter tokens separated only by what is neither a letter nor a digit ("v.c.l", "đ m",
    /// "v·c·l", "v、c、l") as one token each.
    static func joinedSingles(_ words: [TextToken], in text: String) -> [TextToken] {
        var joined: [TextToken] = []
        var run: [TextToken] = []
        func flush() {
            if run.count >= 2, let first = run.first, let last = run.last {
                let exact = run.map(\.exact).joined()
                joined.append(
                    TextToken(
                        range: first.range.lowerBound..<last.range.upperBound, exact: exact,
                        folded: squeezed(run.map(\.folded).joined()), hasMarks: run.contains(where: \.hasMarks), length: run.count))
            }
            run = []
        }
        for word in words {
            if word.length == 1, let previous = run.last,
                text[previous.range.upperBound..<word.range.lowerBound].allSatisfy({ !$0.isLetter && !$0.isNumber })
            {
                run.append(word)
            } else {
                flush()
                if word.length == 1 { run = [word] }
            }
        }
        flush()
        return joined
    }
}
