/// What a word rule does to a comment that contains its word.
public enum WordKind: String, Sendable, Codable, CaseIterable {
    /// Refused (422 `comment_rejected`) and kept as `rejected` for the desk, with the reason.
    case banned
    /// Held for a moderator (`pending`), even under post-moderation.
    case suspect
}

/// A word or phrase a newspaper bans or watches, as an editor typed it.
public struct WordRule: Sendable, Equatable, Codable, Hashable {
    public var phrase: String
    public var kind: WordKind

    public init(_ phrase: String, _ kind: WordKind) {
        self.phrase = VietnameseText.cleanedLine(phrase).lowercased()
        self.kind = kind
    }
}

/// Where a rule's word was found, and how surely.
public struct WordMatch: Sendable, Equatable {
    public var rule: WordRule
    /// The words in the comment that matched, as the reader wrote them.
    public var range: Range<String.Index>
    /// What the match does: a banned word typed without its diacritics ("lon" for "lồn") might be an innocent
    /// word ("lớn"), so such a match only holds the comment.
    public var kind: WordKind
}

/// Finds a newspaper's banned and suspect words in a comment: by whole tokens on folded text, so "dm" never fires
/// inside "admin", and through missing diacritics, NFD, spaced or dotted letters, repeats and digits for letters,
/// invisible characters between letters, and fullwidth, mathematical or look-alike letters (`RuleText`).
public struct WordMatcher: Sendable {
    struct Pattern: Sendable {
        var rule: WordRule
        var words: [TextToken]
        /// Whether the entry has marks on its vowels: typed without them, it may be another, innocent word.
        var ambiguousWhenFolded: Bool
    }

    let patterns: [Pattern]

    public init(rules: [WordRule]) {
        patterns = rules.compactMap { rule in
            let (words, joined) = TextTokens.tokens(of: rule.phrase)
            // An entry typed as separate letters ("đ m") is the word they spell.
            let own = words.allSatisfy { $0.length == 1 } && joined.count == 1 ? joined : words
            guard !own.isEmpty else { return nil }
            let ambiguous = own.contains { word in
                let withoutD = word.exact.replacingOccurrences(of: "đ", with: "d")
                return VietnameseText.folded(withoutD) != withoutD
            }
            return Pattern(rule: rule, words: own, ambiguousWhenFolded: ambiguous)
        }
    }

    /// Every rule found in `text`, in the order of the text.
    public func matches(in text: String) -> [WordMatch] {
        let (words, joined) = TextTokens.tokens(of: text)
        // A writer who types diacritics elsewhere means the unmarked word they typed ("lon", a can), not a marked
        // one it folds to; text without any mark is ambiguous throughout.
        let typedWithMarks = words.contains(where: \.hasMarks)
        var found: [WordMatch] = []
        for pattern in patterns {
            for start in words.indices where start + pattern.words.count <= words.count {
                if let match = match(pattern, Array(words[start..<(start + pattern.words.count)]), typedWithMarks) {
                    found.append(match)
                }
            }
            if pattern.words.count == 1 {
                for token in joined { if let match = match(pattern, [token], typedWithMarks) { found.append(match) } }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    func match(_ pattern: Pattern, _ tokens: [TextToken], _ typedWithMarks: Bool) -> WordMatch? {
        var sure = true
        for (token, word) in zip(tokens, pattern.words) {
            guard token.folded == word.folded, token.length >= word.length else { return nil }
            if token.hasMarks {
                // Typed with diacritics: they must be the rule's own ("lớn" is not "lồn").
                guard TextTokens.squeezed(token.exact) == TextTokens.squeezed(word.exact) else { return nil }
            } else if pattern.ambiguousWhenFolded {
                if typedWithMarks { return nil }
                sure = false
            }
        }
        guard let first = tokens.first, let last = tokens.last else { return nil }
        let kind: WordKind = pattern.rule.kind == .banned && !sure ? .suspect : pattern.rule.kind
        return WordMatch(rule: pattern.rule, range: first.range.lowerBound..<last.range.upperBound, kind: kind)
    }
}
