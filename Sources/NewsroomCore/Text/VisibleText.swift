import Foundation

/// What a reader actually sees of a text. Rules must judge that, not the code points behind it: a soft hyphen or a
/// zero-width space between the letters of a banned word hides it from a plain comparison, not from the reader.
public enum VisibleText {
    /// Vietnamese needs two marks on a letter at most ("ệ" is e, a dot below and a circumflex); a letter under more
    /// than this many was piled up to spill over the lines around it ("Zalgo" text), not typed.
    public static let maxStackedMarks = 3
    /// The most scalars one character may hold: the longest emoji sequences (a couple with skin tones) have 10; a
    /// character of thousands of scalars is a way of smuggling kilobytes into "one character".
    public static let maxScalarsPerCharacter = 16

    /// Whether a reader could have typed `text`: no letter under more than `maxStackedMarks` marks, no character of
    /// more than `maxScalarsPerCharacter` scalars.
    public static func isTypeable(_ text: String) -> Bool {
        mostStackedMarks(text) <= maxStackedMarks && !text.contains { $0.unicodeScalars.count > maxScalarsPerCharacter }
    }

    /// Whether `scalar` renders as nothing: Unicode's Default_Ignorable_Code_Point (soft hyphen, zero-width spaces
    /// and joiners, bidi controls, variation selectors, tag characters, Hangul fillers…).
    public static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isDefaultIgnorableCodePoint
    }

    /// The text without the characters that render as nothing, as it is stored. Two of them are kept where emoji
    /// need them: the zero-width joiner next to an emoji ("👨‍👩‍👧") and a variation selector right after one ("❤️").
    public static func droppingInvisibles(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var kept = String.UnicodeScalarView()
        for (offset, scalar) in scalars.enumerated() {
            let next = offset + 1 < scalars.count ? scalars[offset + 1] : nil
            if !isIgnorable(scalar) || isPartOfEmoji(scalar, after: kept.last, before: next) { kept.append(scalar) }
        }
        return String(kept)
    }

    /// Whether an invisible scalar belongs to an emoji sequence: a zero-width joiner next to an emoji (or after the
    /// variation selector that ends one, as in "❤️‍🔥"), a text or emoji variation selector right after an emoji.
    static func isPartOfEmoji(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?, before next: Unicode.Scalar?) -> Bool {
        switch scalar {
        case "\u{200D}":
            return previous.map(isPictograph) == true || previous == "\u{FE0F}" || next.map(isPictograph) == true
        case "\u{FE0E}", "\u{FE0F}":
            // Digits, "#" and "*" are emoji too when a keycap follows ("1️⃣").
            return previous?.properties.isEmoji == true
        default:
            return false
        }
    }

    /// An emoji drawn as a picture, or a skin tone: not the ASCII digits and signs Unicode also counts as emoji.
    static func isPictograph(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isEmoji && !scalar.isASCII
    }

    /// The most combining marks (categories Mn, Mc and Me) stacked on one base, counted in NFD: 2 for "ệ", 0 for "a".
    public static func mostStackedMarks(_ text: String) -> Int {
        var most = 0
        var run = 0
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                run += 1
                most = max(most, run)
            default:
                run = 0
            }
        }
        return most
    }
}
