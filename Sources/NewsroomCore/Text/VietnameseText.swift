import Foundation

/// The Vietnamese text rules every part of Newsroom shares: what is stored (NFC), what a "ký tự" is
/// (a grapheme cluster), how text is folded for search and word filters, and how slugs are made.
public enum VietnameseText {
    /// The text in Unicode Normalization Form C, the only form Newsroom stores.
    public static func normalized(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// Visible characters ("ký tự") of the text once normalised: grapheme clusters, as a reader counts them
    /// and as the browser's `Intl.Segmenter` does.
    public static func visibleCount(_ text: String) -> Int {
        normalized(text).count
    }

    /// The folded form used by search and word filters: NFD, combining marks dropped, đ/Đ mapped to d,
    /// lowercased. "Đà Lạt" → "da lat".
    public static func folded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                continue
            default:
                break
            }
            switch scalar {
            case "đ", "Đ", "\u{0189}", "\u{0256}":  // đ, Đ, and the look-alike African D some keyboards produce
                scalars.append("d")
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars).lowercased()
    }

    /// A URL slug: the folded title's letters and digits, runs of anything else joined by one `-`.
    /// "2025 - mùa lúa bội thu ở Đồng Tháp" → "2025-mua-lua-boi-thu-o-dong-thap". Never empty: a title with no
    /// letter or digit gives "bai-viet".
    public static func slug(_ text: String, maxLength: Int = 80) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in folded(text).unicodeScalars {
            let isASCIIAlphanumeric = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if isASCIIAlphanumeric {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        if slug.count > maxLength {
            // Cut at a word boundary so a slug never ends in half a word. One character more is looked at, so a
            // word that ends exactly at the limit is kept.
            let window = slug.prefix(maxLength + 1)
            slug = window.lastIndex(of: "-").map { String(window[..<$0]) } ?? String(slug.prefix(maxLength))
        }
        return slug.isEmpty ? "bai-viet" : slug
    }

    /// Reader text cleaned for storage: NFC, line endings as `\n`, control characters other than line
    /// breaks and tabs removed, characters that render as nothing removed (soft hyphens, zero-width spaces, bidi
    /// overrides: `VisibleText.droppingInvisibles`, which keeps the joiners of emoji sequences), surrounding
    /// whitespace trimmed.
    public static func cleanedMultiline(_ text: String) -> String {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var scalars = String.UnicodeScalarView()
        for scalar in unified.unicodeScalars
        where scalar == "\n" || scalar == "\t" || scalar.properties.generalCategory != .control {
            scalars.append(scalar)
        }
        return normalized(VisibleText.droppingInvisibles(String(scalars))).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A one-line field (a name, an e-mail): like `cleanedMultiline`, with every run of whitespace made one space.
    public static func cleanedLine(_ text: String) -> String {
        cleanedMultiline(text)
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }
}
