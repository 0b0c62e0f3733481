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
