import Ink
import NewsroomCore

/// Editors write Markdown: Ink renders it, and the sanitiser's allowlist keeps only safe HTML (Ink passes raw HTML
/// and `javascript:` links through).
///
/// Photos and videos are Newsroom's own: a paragraph of images only becomes a figure (several, a gallery), each with
/// the caption its title gives (`![alt](src "Ảnh: …")`) and, for a photo of the media folder, the width and height
/// read from its header and its narrower copies in `srcset`; a paragraph that is only a YouTube or Vimeo link becomes
/// a placeholder that loads the player when clicked (`newsroom.js`).
public enum ArticleMarkdown {
    /// The body of an article, its photos looked up in `mediaDirectory` (none: no sizes).
    public static func body(_ markdown: String, mediaDirectory: String? = nil) -> [ArticleBlock] {
        body(markdown, media: mediaDirectory.map { MediaStore(directory: $0) })
    }

    static func body(_ markdown: String, media: MediaStore?) -> [ArticleBlock] {
        var parser = MarkdownParser()
        parser.addModifier(
            Modifier(target: .images) { input in
                guard let image = MarkdownMedia.imageParagraph(input.markdown)?.first else { return input.html }
                return self.image(image, media: media, sizes: nil).renderString()
            })
        return [.html(HTMLSanitizer.sanitize(parser.html(from: withMedia(markdown, media: media))))]
    }

    /// The text with each paragraph of photos only, or of one video link only, written as the HTML block it becomes
    /// (Ink passes HTML blocks through; the sanitiser checks them like the rest). Code is left alone.
    static func withMedia(_ markdown: String, media: MediaStore?) -> String {
        var output: [Substring] = []
        var block: [Substring] = []
        var fence: Substring?
        func flush() {
            defer { block = [] }
            guard !block.isEmpty else { return }
            let text = block.joined(separator: "\n")
            let indented = block[0].hasPrefix("    ") || block[0].hasPrefix("\t")
            if !indented, let images = MarkdownMedia.imageParagraph(Substring(text)) {
                output.append(Substring(figures(images, media).renderString()))
            } else if !indented, let (video, title) = VideoLink.paragraph(Substring(text)) {
                output.append(Substring(placeholder(video, title: title).renderString()))
            } else {
                output.append(contentsOf: block)
            }
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop(while: { $0 == " " })
            if let open = fence {
                output.append(line)
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush()
                fence = trimmed.prefix(3)
                output.append(line)
            } else if trimmed.isEmpty {
                flush()
                output.append(line)
            } else {
                block.append(line)
            }
        }
        flush()
        return output.joined(separator: "\n")
    }

    /// The column an article's photo fills: the page's width less its margins, at most the text's measure.
    static let columnSizes = "(max-width: 46rem) calc(100vw - 2rem), 44rem"
    /// A gallery's photos fill half of it from a tablet's width up.
    static let gallerySizes = "(max-width: 40rem) calc(100vw - 2rem), 22rem"

    static func figures(_ images: [MarkdownImage], _ media: MediaStore?) -> Node {
        let gallery = images.count > 1
        let figures = images.map { image in
            el("figure", .class("photo")) {
                self.image(image, media: media, sizes: gallery ? gallerySizes : columnSizes)
                if let caption = image.caption { el("figcaption") { caption } }
            }
        }
        return gallery ? el("div", .class("gallery")) { figures } : figures[0]
    }

    static func image(_ image: MarkdownImage, media: MediaStore?, sizes: String?) -> Node {
        let photo = media?.photo(at: image.source)
        return void(
            "img", Attribute("src", image.source), Attribute("srcset", photo?.sourceSet),
            Attribute("sizes", photo?.sourceSet == nil ? nil : sizes ?? columnSizes), Attribute("alt", image.alt),
            Attribute("width", photo.map { String($0.width) }), Attribute("height", photo.map { String($0.height) }),
            Attribute("loading", "lazy"), Attribute("decoding", "async"))
    }

    /// A video's placeholder: its title and a play button on Newsroom's own background, a plain link to the video's page
    /// until the script swaps in the player.
    static func placeholder(_ video: VideoLink, title: String?) -> Node {
        el("figure", .class("video")) {
            el("a", .class("video-link"), .href(video.pageURL), Attribute("data-player", video.playerURL)) {
                title ?? Strings.videoOpen.replacingOccurrences(of: "{site}", with: video.siteName)
            }
            el("figcaption") { Strings.videoNotice.replacingOccurrences(of: "{site}", with: video.siteName) }
        }
    }

    /// The images of a text whose alt text is empty, by their source: what the form flags.
    public static func imagesWithoutAlt(_ markdown: String) -> [String] {
        MarkdownMedia.images(in: markdown).filter { $0.alt.isEmpty }.map(\.source)
    }

    /// Markdown that renders an article's blocks, for editing an imported article that has no Markdown of its own.
    public static func source(of blocks: [ArticleBlock]) -> String {
        blocks.map { block in
            switch block {
            case .paragraph(let text): escaped(text)
            case .subheading(let text): "## " + escaped(text)
            case .html(let html): html.html
            }
        }.joined(separator: "\n\n")
    }

    /// A line of plain text that Markdown reads as the same text.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
