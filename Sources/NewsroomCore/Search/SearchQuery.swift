import Foundation

/// A reader's query, read as search understands it: words (each with the readings it may have) and quoted phrases.
/// Anything that is not a letter or a digit is dropped, so no query can carry FTS or SQL syntax.
public struct SearchQuery: Sendable, Equatable {
    public enum Term: Sendable, Equatable {
        /// A word and what it may mean: as typed, and as Telex or VNI keystrokes when it reads as such.
        case word([SearchWord])
        /// Words that must appear together, in order.
        case phrase([SearchWord])
    }

    /// At most this many terms are searched (a pasted paragraph is not a query).
    public static let maxTerms = 12

    public var terms: [Term]

    public var isEmpty: Bool { terms.isEmpty }

    public init(_ text: String) {
        var terms: [Term] = []
        let parts = VietnameseText.normalized(text).split(separator: "\"", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            // Odd pieces were between quotes (an unclosed quote quotes to the end).
            let quoted = index % 2 == 1
            let piece = String(part)
            let words = SearchText.words(piece).map { Self.readings(of: String(piece[$0.range])) }
            if quoted, words.count > 1 {
                terms.append(.phrase(words.map { $0.last! }))
            } else {
                terms += words.map(Term.word)
            }
        }
        self.terms = Array(terms.prefix(Self.maxTerms))
    }

    /// A word as typed, then (when it differs) as Telex or VNI keystrokes: "ngoaij" → ngoaij, ngoại.
    static func readings(of word: String) -> [SearchWord] {
        let typed = SearchWord(word)
        guard !typed.hasMarks, let decoded = InputMethod.decode(typed.folded), decoded != typed else { return [typed] }
        return [typed, decoded]
    }

    /// Every folded form and exact key the query may match, for highlighting.
    public var highlightWords: Set<String> {
        var words = Set<String>()
        for term in terms {
            switch term {
            case .word(let readings), .phrase(let readings):
                for reading in readings { words.insert(reading.folded) }
            }
        }
        return words
    }
}

/// Vietnamese typed with an input method switched off: Telex ("Vieejt", "ngoaij", "dduwowngf") and VNI ("Vie65t",
/// "d9u7o7ng2"), read back as the word they spell.
public enum InputMethod {
    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
    private static let telexTones: [Character: Character] = ["s": "1", "f": "2", "r": "3", "x": "4", "j": "5"]

    /// The word an ASCII word spells in Telex or VNI, or nil when it has no keystroke to read.
    public static func decode(_ typed: String) -> SearchWord? {
        guard typed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            typed.lowercased().contains(where: { vowels.contains($0) || $0 == "w" }),
            typed.contains(where: \.isLetter)
        else { return nil }
        var letters: [(letter: Character, mark: Character?)] = []
        var tone: Character?
        var seenVowel = false
        var changed = false
        /// The last letter of `candidates` still without a mark, searching back from the end.
        func lastUnmarked(_ candidates: Set<Character>) -> Int? {
            letters.indices.last { candidates.contains(letters[$0].letter) && letters[$0].mark == nil }
        }
        for character in typed.lowercased() {
            let previous = letters.last
            if seenVowel, let digit = telexTones[character] {
                tone = digit
                changed = true
            } else if seenVowel, character == "z" || character == "0" {
                tone = nil
                changed = true
            } else if ("1"..."5").contains(character), seenVowel {
                tone = character
                changed = true
            } else if character == "6", let at = lastUnmarked(["a", "e", "o"]) {
                letters[at].mark = "6"
                changed = true
            } else if character == "7" || character == "w",
                let at = lastUnmarked(["o", "u"]) ?? (character == "w" ? lastUnmarked(["a"]) : nil)
            {
                // Telex w is a breve on a, a horn on o and u; "uo" takes the horn on both (ươ).
                letters[at].mark = letters[at].letter == "a" ? "8" : "7"
                if letters[at].letter == "o", at > 0, letters[at - 1].letter == "u", letters[at - 1].mark == nil {
                    letters[at - 1].mark = "7"
                }
                changed = true
            } else if character == "w" {
                // A w with no vowel to mark is ư.
                letters.append(("u", "7"))
                seenVowel = true
                changed = true
            } else if character == "8", let at = lastUnmarked(["a"]) {
                letters[at].mark = "8"
                changed = true
            } else if character == "9" || (character == "d" && previous?.letter == "d" && previous?.mark == nil && letters.count == 1) {
                guard let at = lastUnmarked(["d"]) else { letters.append((character, nil)); continue }
                letters[at].mark = "9"
                changed = true
            } else if ["a", "e", "o"].contains(character), let previous, previous.letter == character, previous.mark == nil {
                letters[letters.count - 1].mark = "6"
                changed = true
            } else {
                letters.append((character, nil))
                if vowels.contains(character) { seenVowel = true }
            }
        }
        guard changed else { return nil }
        let folded = String(letters.map(\.letter))
        var exact = ""
        for (letter, mark) in letters {
            exact.append(letter)
            if let mark { exact.append(mark) }
        }
        if let tone { exact.append(tone) }
        return SearchWord(folded: folded, exact: exact)
    }
}
