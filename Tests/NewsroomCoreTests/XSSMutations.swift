import Foundation

/// A small seeded generator (SplitMix64): the same mutations on every run and every platform.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// Seeded by the text itself (FNV-1a of its UTF-8), so adding a vector does not change the others' mutations.
    init(for text: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        state = hash ^ 0x5EED_0F_C0DE
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<count (count > 0).
    mutating func below(_ count: Int) -> Int { Int(next() % UInt64(count)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// Deterministic variants of one vector.
enum XSSMutations {
    typealias Scalars = [Unicode.Scalar]

    struct Mutation {
        var name: String
        var text: String
    }

    /// The characters HTML's tokeniser treats specially, after which a combining mark must not hide them.
    static let metacharacters: Set<Unicode.Scalar> = ["<", ">", "\"", "'", "=", "/", "&", "`", ":"]
    /// Combining acute and dot below, zero-width joiner, emoji variation selector, soft hyphen, zero-width space.
    static let marks: [Unicode.Scalar] = ["\u{0301}", "\u{0323}", "\u{200D}", "\u{FE0F}", "\u{00AD}", "\u{200B}"]
    static let controls: [Unicode.Scalar] = ["\t", "\n", "\r", "\0", "\u{0C}", " ", "\u{00A0}", "\u{3000}"]
    static let schemes = ["javascript:", "vbscript:", "data:"]

    enum EntityStyle: CaseIterable {
        case named, decimal, hex, upperHex, decimalNoSemicolon, hexNoSemicolon, paddedDecimal, paddedHexNoSemicolon

        func encode(_ scalar: Unicode.Scalar) -> String {
            let value = scalar.value
            let hexDigits = String(value, radix: 16, uppercase: true)
            switch self {
            case .named:
                switch scalar {
                case "\"": return "&quot;"
                case "'": return "&apos;"
                case "<": return "&lt;"
                case ">": return "&gt;"
                case ":": return "&colon;"
                case "\t": return "&Tab;"
                case "\n": return "&NewLine;"
                default: return "&#\(value);"
                }
            case .decimal: return "&#\(value);"
            case .hex: return "&#x\(hexDigits.lowercased());"
            case .upperHex: return "&#X\(hexDigits);"
            case .decimalNoSemicolon: return "&#\(value)"
            case .hexNoSemicolon: return "&#x\(hexDigits)"
            case .paddedDecimal: return "&#" + String(repeating: "0", count: max(0, 7 - String(value).count)) + "\(value)"
            case .paddedHexNoSemicolon: return "&#x" + String(repeating: "0", count: max(0, 6 - hexDigits.count)) + hexDigits
            }
        }
    }

    static func of(_ vector: String) -> [Mutation] {
        var rng = SplitMix64(for: vector)
        let s = Array(vector.unicodeScalars)
        var out: [Mutation] = [Mutation(name: "original", text: vector)]
        func add(_ name: String, _ scalars: Scalars) { out.append(Mutation(name: name, text: string(scalars))) }
        func add(_ name: String, _ text: String) { out.append(Mutation(name: name, text: text)) }

        // Invisible and combining characters after the metacharacters: one position at a time, then all at once.
        let positions = s.indices.filter { metacharacters.contains(s[$0]) }
        for position in sample(positions, count: 18, rng: &rng) {
            let mark = rng.pick(marks)
            add("mark@\(position)+\(hex(mark))", inserting([mark], after: position, in: s))
        }
        for mark in marks {
            add("mark-all+\(hex(mark))", s.flatMap { metacharacters.contains($0) ? [$0, mark] : [$0] })
        }
        add("mark-all-mixed", s.flatMap { metacharacters.contains($0) ? [$0, rng.pick(marks)] : [$0] })
        add("mark-all-stacked", s.flatMap { metacharacters.contains($0) ? [$0, rng.pick(marks), rng.pick(marks)] : [$0] })
        if let first = positions.first {
            add("mark-before-first", inserting([rng.pick(marks)], after: first - 1, in: s))
        }

        // Quotes and angle brackets as character references.
        let quotesAndAngles: Set<Unicode.Scalar> = ["\"", "'", "<", ">"]
        for style in [EntityStyle.named, .decimal, .hex, .decimalNoSemicolon, .paddedDecimal, .paddedHexNoSemicolon] {
            add("entities-\(style)", encoding(s, where: { quotesAndAngles.contains($0) }) { style })
        }
        add("entities-mixed", encoding(s, where: { quotesAndAngles.contains($0) }) { rng.pick(EntityStyle.allCases) })
        add("entities-quotes", encoding(s, where: { $0 == "\"" || $0 == "'" }) { rng.pick(EntityStyle.allCases) })

        // The letters of a javascript:, vbscript: or data: scheme as character references, or split by tabs,
        // newlines and NUL, raw or as references.
        for range in schemeRanges(in: s).prefix(2) {
            let at = "@\(range.lowerBound)"
            for style in EntityStyle.allCases {
                var all = s
                all.replaceSubrange(range, with: s[range].flatMap { Array(style.encode($0).unicodeScalars) })
                add("scheme-entities-\(style)\(at)", all)
                let one = range.lowerBound + rng.below(range.count)
                var single = s
                single.replaceSubrange(one...one, with: Array(style.encode(s[one]).unicodeScalars))
                add("scheme-entity-\(style)\(at)+\(one)", single)
            }
            let splitters = ["\t", "\n", "\r", "\0", "&Tab;", "&NewLine;", "&#9;", "&#x0A;", "&#0000013", "&#x0;"]
            for splitter in splitters {
                let inside = range.lowerBound + 1 + rng.below(max(1, range.count - 2))
                add("scheme-split\(at)+\(inside)", inserting(Array(splitter.unicodeScalars), after: inside - 1, in: s))
            }
            add("scheme-leading-space\(at)", inserting(Array(" \u{01}\t".unicodeScalars), after: range.lowerBound - 1, in: s))
            add("scheme-case\(at)", flippingCase(of: s, at: Set(range), rng: &rng))
        }

        // Tag and attribute names in mixed case.
        let names = nameIndices(in: s)
        if !names.isEmpty {
            for variant in 0..<3 {
                add("case-mixed-\(variant)", flippingCase(of: s, at: names, rng: &rng))
            }
            add("case-names-upper", s.enumerated().map { names.contains($0.offset) ? upper($0.element) : $0.element })
        }
        add("case-upper", vector.uppercased())

        // Inside allowed elements and inside an allowed element's attribute value.
        let wrappers = [
            ("<p>", "</p>"), ("<a href=\"https://e.vn/\">", "</a>"), ("<blockquote>", "</blockquote>"),
            ("<ul><li>", "</li></ul>"), ("<table><tr><td>", "</td></tr></table>"), ("<pre><code>", "</code></pre>"),
            ("<p><em>", ""), ("<a href=\"https://e.vn/\" title=\"", "\">x</a>"), ("<a href=\"", "\">x</a>"),
            ("<a href='", "'>x</a>"), ("<a href=", ">x</a>"), ("<a href=\"https://e.vn/?q=", "\">x</a>"),
            ("<p class='", "'>x</p>"), ("<a href=\"/x\" title=`", "`>x</a>"),
        ]
        for (index, wrapper) in wrappers.enumerated() { add("nest-\(index)", wrapper.0 + vector + wrapper.1) }

        // Doubled brackets and unterminated ends.
        add("double-first-lt", replacingFirst("<", with: "<<", in: s))
        add("double-lt", s.flatMap { $0 == "<" ? ["<", "<"] : [$0] })
        add("double-gt", s.flatMap { $0 == ">" ? [">", ">"] : [$0] })
        add("double-quotes", s.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] })
        if s.count > 1 { add("drop-last", Array(s.dropLast())) }
        let closers = s.indices.filter { s[$0] == ">" }
        for closer in sample(closers, count: 4, rng: &rng) { add("cut-before-gt@\(closer)", Array(s[..<closer])) }
        if s.count > 2 {
            let cut = 1 + rng.below(s.count - 1)
            add("cut@\(cut)", Array(s[..<cut]))
        }
        add("no-gt", s.filter { $0 != ">" })
        add("open-lt", "<" + vector)
        add("trailing-lt", vector + "<")
        add("trailing-href", vector + "<a href=\"")
        add("comment-open", "<!--" + vector)
        add("repeated", vector + vector)

        // Other quotes, other separators inside tags, NUL after "<".
        add("swap-double-to-single", s.map { $0 == "\"" ? "'" : $0 })
        add("swap-single-to-double", s.map { $0 == "'" ? "\"" : $0 })
        add("swap-double-to-backtick", s.map { $0 == "\"" ? "`" : $0 })
        for (index, separator) in ["/", "\t", "\n", "\u{0C}", "\u{00A0}", "/\u{0301}"].enumerated() {
            add("space-\(index)", replacingSpacesInTags(of: s, with: Array(separator.unicodeScalars)))
        }
        add("nul-after-lt", s.flatMap { $0 == "<" ? ["<", "\0"] : [$0] })

        // Random compositions of the simple mutations.
        for round in 0..<12 {
            var text = s
            var steps: [String] = []
            for _ in 0..<(2 + rng.below(2)) {
                let step = rng.below(10)
                steps.append(String(step))
                text = randomStep(step, text, rng: &rng)
            }
            add("combo-\(round)-\(steps.joined(separator: "."))", text)
        }
        return out
    }
}
