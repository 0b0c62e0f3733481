/// WordPress shortcodes: `[caption]` becomes a `<figure>`; other shortcodes go, keeping the text they wrap. Square
/// brackets in ordinary text ("[Cập nhật]", "[1]", "[Video] Toàn cảnh…") are not shortcodes and stay.
extension WordPressContent {
    /// Shortcodes of WordPress itself and of the plugins newspapers used, removed even without attributes.
    static let knownShortcodes: Set<String> = [
        "audio", "caption", "contact-form", "contact-form-7", "embed", "gallery", "playlist", "video", "wp_caption",
        "wpforms", "ninja_form", "gravityform", "mc4wp_form", "ultimatemember", "wpdiscuz", "soundcloud", "youtube",
        "vimeo", "googlemaps", "adsense", "ads", "toc", "ez-toc", "fb_embed", "instagram", "twitter", "tweet",
        "related_posts", "shareaholic", "social_warfare", "table", "tabs", "tab", "accordion", "button", "row",
        "column", "one_half", "one_third", "two_third", "one_fourth", "three_fourth", "one_half_last",
        "one_third_last", "dropcap", "highlight", "quote", "pullquote", "box", "alert", "note", "divider", "spacer",
    ]
    /// Prefixes of page builders' shortcodes (WPBakery, Divi, Avada, Shortcodes Ultimate, Elementor, tagDiv).
    static let knownShortcodePrefixes = ["vc_", "et_pb_", "fusion_", "su_", "elementor-", "td_", "tdc_", "ux_"]

    static func isKnownShortcode(_ name: String) -> Bool {
        knownShortcodes.contains(name) || knownShortcodePrefixes.contains { name.hasPrefix($0) }
    }

    /// An opening shortcode `[name attributes]` or `[name attributes /]` found at a `[`.
    struct ShortcodeTag {
        var name: String
        var attributeText: String
        var isSelfClosing: Bool
        /// Just after the closing `]`.
        var end: Int

        init?(_ scalars: [Unicode.Scalar], at start: Int) {
            var index = start + 1
            guard index < scalars.count, scalars[index].isASCIILetter else { return nil }
            while index < scalars.count, scalars[index].isASCIIAlphanumeric || scalars[index] == "_" || scalars[index] == "-" {
                index += 1
            }
            name = String(String.UnicodeScalarView(scalars[(start + 1)..<index]))
            let attributesStart = index
            guard index < scalars.count, scalars[index] == "]" || scalars[index] == "/" || scalars[index].properties.isWhitespace
            else { return nil }
            while index < scalars.count, scalars[index] != "]" {
                if scalars[index] == "[" { return nil }
                index += 1
            }
            guard index < scalars.count else { return nil }
            var attributes = String(String.UnicodeScalarView(scalars[attributesStart..<index]))
                .trimmingCharacters(in: .whitespacesAndNewlines)
            isSelfClosing = attributes.hasSuffix("/")
            if isSelfClosing { attributes.removeLast() }
            attributeText = attributes
            end = index + 1
        }
    }

    /// The text with its shortcodes handled; `[[name]]`, WordPress's escape, becomes the literal `[name]`.
    static func shortcodes(_ scalars: [Unicode.Scalar], placeholders: inout Placeholders) -> [Unicode.Scalar] {
        guard scalars.contains("[") else { return scalars }
        let closings = ClosingTags(scalars)
        var output: [Unicode.Scalar] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "[" else {
                output.append(scalars[index])
                index += 1
                continue
            }
            if index + 1 < scalars.count, scalars[index + 1] == "[", let tag = ShortcodeTag(scalars, at: index + 1) {
                let end = tag.isSelfClosing ? nil : closings.first(tag.name, from: tag.end)
                let literalEnd = end.map { $0 + tag.name.unicodeScalars.count + 3 } ?? tag.end
                if literalEnd < scalars.count, scalars[literalEnd] == "]" {
                    output += scalars[(index + 1)..<literalEnd]
                    index = literalEnd + 1
                    continue
                }
            }
            if index + 1 < scalars.count, scalars[index + 1] == "/", let tag = ShortcodeTag(scalars, at: index + 1),
                tag.attributeText.isEmpty, isKnownShortcode(tag.name)
            {
                // A closing tag left without its opening one, as page builders leave them.
                index = tag.end
                continue
            }
            guard let tag = ShortcodeTag(scalars, at: index) else {
                output.append("[")
                index += 1
                continue
            }
            if !tag.isSelfClosing, let close = closings.first(tag.name, from: tag.end) {
                let inner = Array(scalars[tag.end..<close])
                if tag.name == "caption" || tag.name == "wp_caption" {
                    let html = figure(String(String.UnicodeScalarView(inner)), attributes: attributes(tag.attributeText))
                    output += placeholders.add(html, block: true).unicodeScalars
                } else {
                    output += shortcodes(inner, placeholders: &placeholders)
                }
                index = close + tag.name.unicodeScalars.count + 3
            } else if isKnownShortcode(tag.name) || hasNamedAttributes(tag.attributeText) {
                index = tag.end
            } else {
                output.append("[")
                index += 1
            }
        }
        return output
    }

    /// Where each `[/name]` of a text begins, found in one pass, so that looking for the end of every bracketed word
    /// of a long post does not read the rest of the post each time.
    struct ClosingTags {
        var positions: [String: [Int]] = [:]

        init(_ scalars: [Unicode.Scalar]) {
            var index = 0
            while index + 1 < scalars.count {
                defer { index += 1 }
                guard scalars[index] == "[", scalars[index + 1] == "/" else { continue }
                var end = index + 2
                while end < scalars.count, scalars[end].isASCIIAlphanumeric || scalars[end] == "_" || scalars[end] == "-" {
                    end += 1
                }
                guard end > index + 2, end < scalars.count, scalars[end] == "]" else { continue }
                positions[String(String.UnicodeScalarView(scalars[(index + 2)..<end])), default: []].append(index)
            }
        }

        /// Where the first `[/name]` at or after `start` begins: WordPress does not nest a shortcode in itself.
        func first(_ name: String, from start: Int) -> Int? {
            guard let list = positions[name] else { return nil }
            // Binary search: the positions are in increasing order.
            var low = 0
            var high = list.count
            while low < high {
                let middle = (low + high) / 2
                if list[middle] < start { low = middle + 1 } else { high = middle }
            }
            return low < list.count ? list[low] : nil
        }
    }

    /// A shortcode's attributes as WordPress's `shortcode_parse_atts` reads them: `key="value"`, `key='value'`,
    /// `key=value`, and positional values (keyed by nil). Nil when a quote is never closed.
    static func attributes(_ text: String) -> [(key: String?, value: String)]? {
        var result: [(key: String?, value: String)] = []
        var scalars = text.unicodeScalars[...]
        func dropSpaces() { scalars = scalars.drop { $0.properties.isWhitespace } }
        func value() -> String? {
            if let quote = scalars.first, quote == "\"" || quote == "'" {
                scalars = scalars.dropFirst()
                guard let close = scalars.firstIndex(of: quote) else { return nil }
                defer { scalars = scalars[scalars.index(after: close)...] }
                return String(String.UnicodeScalarView(scalars[..<close]))
            }
            let word = scalars.prefix { !$0.properties.isWhitespace }
            scalars = scalars.dropFirst(word.count)
            return String(String.UnicodeScalarView(word))
        }
        dropSpaces()
        while !scalars.isEmpty {
            let key = scalars.prefix { $0.isASCIIAlphanumeric || $0 == "_" || $0 == "-" }
            var rest = scalars.dropFirst(key.count)
            rest = rest.drop { $0.properties.isWhitespace }
            if !key.isEmpty, rest.first == "=" {
                scalars = rest.dropFirst()
                dropSpaces()
                guard let value = value() else { return nil }
                result.append((String(String.UnicodeScalarView(key)).lowercased(), value))
            } else {
                guard let value = value() else { return nil }
                result.append((nil, value))
            }
            dropSpaces()
        }
        return result
    }

    /// Whether the text is `key="value"` attributes and nothing else: what makes an unknown `[name …]` a shortcode
    /// rather than bracketed words ("[Ghi chú: x=5]" is not one).
    static func hasNamedAttributes(_ text: String) -> Bool {
        guard let attributes = attributes(text), !attributes.isEmpty else { return false }
        return attributes.allSatisfy { $0.key != nil }
    }

    /// `[caption]`'s figure, as WordPress's `img_caption_shortcode` reads it: the caption is the `caption` attribute
    /// (old posts) or the text after the image (optionally inside a link); without a caption the image stays alone.
    static func figure(_ inner: String, attributes: [(key: String?, value: String)]?) -> String {
        var media = inner.trimmingCharacters(in: .whitespacesAndNewlines)
        var caption = attributes?.first { $0.key == "caption" }?.value.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if caption.isEmpty, let image = media.range(of: "<img", options: .caseInsensitive),
            let imageTag = TagToken(in: media, at: image.lowerBound)
        {
            // A link around the image belongs to the media: `<a href="…"><img …></a>`.
            var mediaStart = image.lowerBound
            if let link = media.range(of: "<a", options: [.caseInsensitive, .backwards], range: media.startIndex..<image.lowerBound),
                let linkTag = TagToken(in: media, at: link.lowerBound), linkTag.name == "a", !linkTag.isClosing,
                media[linkTag.end..<image.lowerBound].allSatisfy(\.isWhitespace)
            {
                mediaStart = link.lowerBound
            }
            var mediaEnd = imageTag.end
            let after = media[mediaEnd...].drop { $0.isWhitespace }
            if after.lowercased().hasPrefix("</a>") { mediaEnd = media.index(after.startIndex, offsetBy: 4) }
            caption = media[mediaEnd...].trimmingCharacters(in: .whitespacesAndNewlines)
            media = String(media[mediaStart..<mediaEnd])
        }
        guard !caption.isEmpty else { return media }
        return "<figure>\(media)<figcaption>\(caption)</figcaption></figure>"
    }
}
