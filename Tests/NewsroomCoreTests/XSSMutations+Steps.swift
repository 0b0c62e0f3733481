import Foundation

/// The steps mutations are built from: random edits, encodings, case changes, and a small reading of where names are.
extension XSSMutations {
    static func randomStep(_ step: Int, _ s: Scalars, rng: inout SplitMix64) -> Scalars {
        switch step {
        case 0:
            let positions = s.indices.filter { metacharacters.contains(s[$0]) }
            guard !positions.isEmpty else { return s + [rng.pick(marks)] }
            return inserting([rng.pick(marks)], after: rng.pick(positions), in: s)
        case 1:
            return inserting([rng.pick(marks)], after: rng.below(s.count + 1) - 1, in: s)
        case 2:
            let positions = s.indices.filter { "\"'<>".unicodeScalars.contains(s[$0]) }
            guard !positions.isEmpty else { return s }
            let position = rng.pick(positions)
            var result = s
            result.replaceSubrange(position...position, with: Array(rng.pick(EntityStyle.allCases).encode(s[position]).unicodeScalars))
            return result
        case 3:
            guard let range = schemeRanges(in: s).first else { return s }
            let position = range.lowerBound + rng.below(range.count)
            var result = s
            result.replaceSubrange(position...position, with: Array(rng.pick(EntityStyle.allCases).encode(s[position]).unicodeScalars))
            return result
        case 4:
            return flippingCase(of: s, at: nameIndices(in: s), rng: &rng)
        case 5:
            let tag = rng.pick(["p", "blockquote", "strong", "li", "h2", "td", "figure", "code"])
            return Array("<\(tag)>".unicodeScalars) + s + Array("</\(tag)>".unicodeScalars)
        case 6:
            let positions = s.indices.filter { s[$0] == "<" }
            guard !positions.isEmpty else { return ["<"] + s }
            return inserting(["<"], after: rng.pick(positions), in: s)
        case 7:
            guard s.count > 1 else { return s }
            return Array(s[..<(1 + rng.below(s.count - 1))])
        case 8:
            return inserting([rng.pick(controls)], after: rng.below(s.count + 1) - 1, in: s)
        default:
            return replacingSpacesInTags(of: s, with: [rng.pick(["/", "\t", "\n", "\u{0C}"])])
        }
    }

    // MARK: Helpers

    static func string(_ scalars: Scalars) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static func hex(_ scalar: Unicode.Scalar) -> String { "U+" + String(format: "%04X", scalar.value) }

    /// At most `count` of the items, spread over them; all of them when there are fewer.
    static func sample(_ items: [Int], count: Int, rng: inout SplitMix64) -> [Int] {
        guard items.count > count else { return items }
        var chosen = Set<Int>()
        while chosen.count < count { chosen.insert(items[rng.below(items.count)]) }
        return chosen.sorted()
    }

    /// The scalars with `insert` placed after index `position` (-1: at the start).
    static func inserting(_ insert: Scalars, after position: Int, in s: Scalars) -> Scalars {
        var result = s
        result.insert(contentsOf: insert, at: min(s.count, max(0, position + 1)))
        return result
    }

    static func replacingFirst(_ target: Unicode.Scalar, with replacement: String, in s: Scalars) -> Scalars {
        guard let index = s.firstIndex(of: target) else { return s }
        var result = s
        result.replaceSubrange(index...index, with: Array(replacement.unicodeScalars))
        return result
    }

    static func encoding(_ s: Scalars, where matches: (Unicode.Scalar) -> Bool, style: () -> EntityStyle) -> Scalars {
        s.flatMap { matches($0) ? Array(style().encode($0).unicodeScalars) : [$0] }
    }

    static func lowerASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("a"..."z").contains(scalar) ? Unicode.Scalar(scalar.value - 32)! : scalar
    }

    static func flipCase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("a"..."z").contains(scalar) ? upper(scalar) : lowerASCII(scalar)
    }

    /// Each letter at the indices flipped to the other case, or not, at random.
    static func flippingCase(of s: Scalars, at indices: Set<Int>, rng: inout SplitMix64) -> Scalars {
        s.indices.map { indices.contains($0) && rng.chance(50) ? flipCase(s[$0]) : s[$0] }
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(lowerASCII(scalar)) }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { [" ", "\t", "\n", "\r", "\u{0C}"].contains(scalar) }

    /// Where a javascript:, vbscript: or data: scheme is written, case-insensitively.
    static func schemeRanges(in s: Scalars) -> [Range<Int>] {
        let lowered = s.map(lowerASCII)
        var ranges: [Range<Int>] = []
        for scheme in schemes {
            let needle = Array(scheme.unicodeScalars)
            guard lowered.count >= needle.count else { continue }
            for start in 0...(lowered.count - needle.count) where lowered[start..<start + needle.count].elementsEqual(needle) {
                ranges.append(start..<start + needle.count)
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The indices of letters in tag names and attribute names, read the way the HTML tokeniser reads them.
    static func nameIndices(in s: Scalars) -> Set<Int> {
        enum State { case text, tagName, attributes, attributeName, value(Unicode.Scalar?) }
        var state = State.text
        var names = Set<Int>()
        var index = 0
        while index < s.count {
            let scalar = s[index]
            switch state {
            case .text:
                if scalar == "<", index + 1 < s.count {
                    if isLetter(s[index + 1]) {
                        state = .tagName
                    } else if s[index + 1] == "/", index + 2 < s.count, isLetter(s[index + 2]) {
                        index += 1
                        state = .tagName
                    }
                }
            case .tagName:
                if isLetter(scalar) {
                    names.insert(index)
                } else if scalar == ">" {
                    state = .text
                } else {
                    state = .attributes
                }
            case .attributes:
                if scalar == ">" {
                    state = .text
                } else if isLetter(scalar) {
                    names.insert(index)
                    state = .attributeName
                }
            case .attributeName:
                if scalar == "=" {
                    let next = index + 1 < s.count ? s[index + 1] : nil
                    if next == "\"" || next == "'" {
                        index += 1
                        state = .value(next)
                    } else {
                        state = .value(nil)
                    }
                } else if scalar == ">" {
                    state = .text
                } else if isSpace(scalar) || scalar == "/" {
                    state = .attributes
                } else if isLetter(scalar) {
                    names.insert(index)
                }
            case .value(let quote):
                if let quote, scalar == quote {
                    state = .attributes
                } else if quote == nil, isSpace(scalar) {
                    state = .attributes
                } else if quote == nil, scalar == ">" {
                    state = .text
                }
            }
            index += 1
        }
        return names
    }

    /// The vector with the spaces between a tag's name and attributes, outside quotes, replaced.
    static func replacingSpacesInTags(of s: Scalars, with replacement: Scalars) -> Scalars {
        var result: Scalars = []
        var inTag = false
        var quote: Unicode.Scalar?
        for (index, scalar) in s.enumerated() {
            if let open = quote {
                if scalar == open { quote = nil }
                result.append(scalar)
                continue
            }
            if scalar == "<", index + 1 < s.count, isLetter(s[index + 1]) {
                inTag = true
            } else if scalar == ">" {
                inTag = false
            } else if inTag, scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if inTag, scalar == " " {
                result.append(contentsOf: replacement)
                continue
            }
            result.append(scalar)
        }
        return result
    }
}
