import Foundation

/// How search sees a word: its *folded* form (no diacritics, đ→d, lowercase) that a query without marks matches,
/// and its *exact* key, the folded letters with each mark written as a VNI digit (circumflex 6, horn 7, breve 8,
/// đ 9, after their letter) and the tone digit (sắc 1, huyền 2, hỏi 3, ngã 4, nặng 5) at the end of the word:
/// "Việt" → `viet` / `vie6t5`, "bàn" → `ban` / `ban2`, "đà" → `da` / `d9a2`. Both are plain ASCII letters and digits,
/// one token for FTS5 and for PostgreSQL's `simple` parser alike, whatever the database's locale; and the exact key
/// does not depend on where the tone was placed ("hòa" and "hoà" are both `hoa2`).
public struct SearchWord: Sendable, Hashable {
    public var folded: String
    public var exact: String

    public init(folded: String, exact: String) {
        self.folded = folded
        self.exact = exact
    }

    /// Whether the word carries any mark: only then does its exact key say more than its folded form.
    public var hasMarks: Bool { folded != exact }

    /// The keys of one word as written (NFC or NFD, any case).
    public init(_ word: some StringProtocol) {
        var keys = SearchText.Keys()
        for scalar in word.unicodeScalars { keys.add(scalar) }
        self = keys.finish()
    }
}

/// Cutting text into the words search indexes and highlights. It works scalar by scalar, with a table of the
/// precomposed letters, because the whole corpus goes through it when the index is rebuilt.
public enum SearchText {
    /// What one Latin letter with diacritics is made of: its lowercase base letter, the mark on the letter (circumflex
    /// 6, horn 7, breve 8, đ 9) and the tone (1 to 5), as `SearchWord` writes them.
    struct Letter {
        var base: Unicode.Scalar
        var mark: Unicode.Scalar?
        var tone: Unicode.Scalar?
    }

    static let marks: [UInt32: Unicode.Scalar] = [0x0302: "6", 0x031B: "7", 0x0306: "8"]
    static let tones: [UInt32: Unicode.Scalar] = [0x0301: "1", 0x0300: "2", 0x0309: "3", 0x0303: "4", 0x0323: "5"]

    /// Every precomposed Latin letter (Latin-1 to Latin Extended Additional, where Vietnamese lives), decomposed once.
    static let letters: [UInt32: Letter] = {
        var table: [UInt32: Letter] = [0x0110: Letter(base: "d", mark: "9"), 0x0111: Letter(base: "d", mark: "9")]
        for value in Array(UInt32(0x00C0)...0x024F) + Array(UInt32(0x1E00)...0x1EFF) {
            guard let scalar = Unicode.Scalar(value), table[value] == nil else { continue }
            let parts = Array(String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars)
            guard let base = parts.first, base.isASCII, base.properties.isAlphabetic, parts.count > 1 else { continue }
            var letter = Letter(base: base)
            for part in parts.dropFirst() {
                if let mark = marks[part.value] { letter.mark = mark } else if let tone = tones[part.value] { letter.tone = tone }
            }
            table[value] = letter
        }
        return table
    }()

    /// Builds a word's two keys one scalar at a time, as UTF-8 bytes (they are nearly always ASCII).
    struct Keys {
        var folded: [UInt8] = []
        var exact: [UInt8] = []
        var tone: UInt8?

        var isEmpty: Bool { folded.isEmpty }

        @inline(__always)
        static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }

        mutating func add(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            if value < 0x80 {
                // ASCII: lowercase by arithmetic.
                let lower = UInt8((0x41...0x5A).contains(value) ? value + 0x20 : value)
                folded.append(lower)
                exact.append(lower)
            } else if let letter = SearchText.letters[value] {
                folded.append(UInt8(letter.base.value))
                exact.append(UInt8(letter.base.value))
                if let mark = letter.mark { exact.append(UInt8(mark.value)) }
                if let tone = letter.tone { self.tone = UInt8(tone.value) }
            } else if let mark = SearchText.marks[value] {
                exact.append(UInt8(mark.value))
            } else if let tone = SearchText.tones[value] {
                self.tone = UInt8(tone.value)
            } else if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark {
                // Other combining marks (not Vietnamese) are dropped from both keys.
            } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    Self.append(lower, to: &folded)
                    Self.append(lower, to: &exact)
                }
            }
        }

        /// Appends the word's keys to two outputs (and starts a new word).
        mutating func finish(folded foldedOut: inout [UInt8], exact exactOut: inout [UInt8], exactPrefix: [UInt8]) {
            if let tone { exact.append(tone) }
            foldedOut.append(contentsOf: folded)
            exactOut.append(contentsOf: exactPrefix)
            exactOut.append(contentsOf: exact)
            folded.removeAll(keepingCapacity: true)
            exact.removeAll(keepingCapacity: true)
            tone = nil
        }

        mutating func finish() -> SearchWord {
            if let tone { exact.append(tone) }
            let word = SearchWord(folded: String(decoding: folded, as: UTF8.self), exact: String(decoding: exact, as: UTF8.self))
            self = Keys()
            return word
        }
    }

    /// Whether a scalar belongs to a word: a letter, a digit, or a combining mark (NFD text).
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        if letters[value] != nil || marks[value] != nil || tones[value] != nil { return true }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .decimalNumber, .letterNumber, .otherNumber: return true
        default: return properties.isAlphabetic
        }
    }

    /// The words of a text with where each stands in it, in order. A word is a run of letters and digits.
    public static func words(_ text: String) -> [(range: Range<String.Index>, word: SearchWord)] {
        var result: [(Range<String.Index>, SearchWord)] = []
        let scalars = text.unicodeScalars
        var keys = Keys()
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                if start == nil { start = index }
                keys.add(scalar)
            } else if let begin = start {
                result.append((begin..<index, keys.finish()))
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let begin = start { result.append((begin..<text.endIndex, keys.finish())) }
        return result
    }

    /// What the index stores for a field: its folded words and its exact keys, each joined by spaces, word for word
    /// in the same positions (so phrases match in either). `exactPrefix` goes before every exact key, so an index that
    /// keeps both in one table never confuses an exact key with a folded word.
    public static func indexed(_ text: String, exactPrefix: String = "") -> (folded: String, exact: String) {
        var folded: [UInt8] = []
        var exact: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        exact.reserveCapacity(text.utf8.count + text.utf8.count / 2)
        let prefix = Array(exactPrefix.utf8)
        var keys = Keys()
        func flush() {
            guard !keys.isEmpty else { return }
            if !folded.isEmpty {
                folded.append(0x20)
                exact.append(0x20)
            }
            keys.finish(folded: &folded, exact: &exact, exactPrefix: prefix)
        }
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) { keys.add(scalar) } else { flush() }
        }
        flush()
        return (String(decoding: folded, as: UTF8.self), String(decoding: exact, as: UTF8.self))
    }
}

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
