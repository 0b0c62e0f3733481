import Foundation

/// A text as the word rules read it: what a reader sees, in plain letters. Characters that render as nothing are
/// dropped ("v\u{00AD}c\u{00AD}l"), compatibility forms folded by NFKC (fullwidth "ｖｃｌ", mathematical "𝐯𝐜𝐥",
/// circled "ⓥ"), and letters of other scripts that look like Latin ones read as those ("vсl" with a Cyrillic "с").
/// Vietnamese letters, precomposed or typed apart, come out as they went in (NFC).
///
/// Each part of the result remembers the character of the original it came from, so a rule's match can be reported
/// and highlighted as the reader wrote it.
public struct RuleText: Sendable {
    /// The text the rules read.
    public let text: String
    /// For every UTF-8 byte of `text`, the original's character it came from.
    private let origins: [Range<String.Index>]
    private let originalEnd: String.Index

    public init(_ original: String) {
        var text = ""
        var origins: [Range<String.Index>] = []
        var index = original.startIndex
        // Character by character, so that every part of the result has one origin. Where a dropped character leaves
        // a combining mark on a letter of its own ("a", soft hyphen, "◌́"), the result is not NFC, which the rules do
        // not mind: they compare with canonical equivalence or on the folded NFD form.
        while index < original.endIndex {
            let next = original.index(after: index)
            let readable = Self.readable(original[index..<next])
            text += readable
            origins += repeatElement(index..<next, count: readable.utf8.count)
            index = next
        }
        self.text = text
        self.origins = origins
        self.originalEnd = original.endIndex
    }

    /// The characters of the original that `range` of `text` came from.
    public func original(_ range: Range<String.Index>) -> Range<String.Index> {
        // UTF-8 offsets into a native string are computed without walking it.
        let lower = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        let upper = text.utf8.distance(from: text.startIndex, to: range.upperBound)
        guard lower < origins.count else { return originalEnd..<originalEnd }
        guard upper > lower else { return origins[lower].lowerBound..<origins[lower].lowerBound }
        return origins[lower].lowerBound..<origins[upper - 1].upperBound
    }

    /// One character as the rules read it: invisible scalars dropped, then look-alikes mapped before and after NFKD
    /// (so that "ϲ" is read before NFKD turns it into "ς", and a mathematical alpha after NFKD has made it "α").
    static func readable(_ character: Substring) -> String {
        // ASCII has nothing invisible, nothing NFKC changes and no look-alike to map.
        if character.utf8.allSatisfy({ $0 < 0x80 }) { return String(character) }
        var mapped = String.UnicodeScalarView()
        for scalar in character.unicodeScalars where !VisibleText.isIgnorable(scalar) {
            mapped.append(Self.latin(scalar))
        }
        var readable = String.UnicodeScalarView()
        for scalar in String(mapped).decomposedStringWithCompatibilityMapping.unicodeScalars {
            readable.append(Self.latin(scalar))
        }
        // Vietnamese puts marks on vowels only: on a consonant, a digit or nothing, a mark is decoration ("v́c̣l").
        // On a vowel, only its own marks count, one tone and one shape at most: "fück", "lồ̀n" are "fuck", "lồn".
        if let base = readable.first, Self.isMark(base) || readable.contains(where: Self.isMark) {
            var kept = String.UnicodeScalarView()
            var tone = false
            var shape = false
            for scalar in readable {
                guard Self.isMark(scalar) else {
                    kept.append(scalar)
                    continue
                }
                guard Self.vowels.contains(base) else { continue }
                if Self.tones.contains(scalar), !tone {
                    tone = true
                    kept.append(scalar)
                } else if Self.shapes.contains(scalar), !shape {
                    shape = true
                    kept.append(scalar)
                }
            }
            readable = kept
        }
        return String(readable).precomposedStringWithCanonicalMapping
    }

    /// The five tone marks: grave, acute, tilde, hook above, dot below.
    static let tones: Set<Unicode.Scalar> = ["\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"]
    /// The marks that make a vowel another letter: circumflex (â ê ô), breve (ă), horn (ơ ư).
    static let shapes: Set<Unicode.Scalar> = ["\u{0302}", "\u{0306}", "\u{031B}"]

    static let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u", "y", "A", "E", "I", "O", "U", "Y"]

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: true
        default: false
        }
    }

    /// The Latin letter a look-alike stands for, or the scalar itself.
    static func latin(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        lookalikes[scalar.value] ?? scalar
    }
}
