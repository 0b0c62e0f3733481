import Foundation
import NewsroomCore

/// For `newsroom import`: the photos a Markdown file names by a relative path (`![…](anh/cau.jpg "Ảnh: …")`) are
/// copied into the media folder under their content's name, with their narrower copies, and the text points at them.
public struct PhotoImporter: Sendable {
    let media: MediaStore

    public init(mediaDirectory: String) { media = MediaStore(directory: mediaDirectory) }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The text with its relative photos stored and their addresses replaced, and how many were copied. Throws naming
    /// a photo that is missing or is not a JPEG, PNG, WebP or GIF of at most 5 MB.
    public func adopt(_ markdown: String, from directory: String) async throws -> (markdown: String, copied: Int) {
        var text = markdown
        var copied = 0
        // From the last to the first, so the ranges of the earlier ones still hold.
        for image in MarkdownMedia.images(in: markdown).reversed() where Self.isRelative(image.source) {
            let decoded = image.source.removingPercentEncoding ?? image.source
            let file = decoded.hasPrefix("/") ? decoded : (directory as NSString).appendingPathComponent(decoded)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw Failure(description: "không đọc được ảnh \(image.source) (\(file))")
            }
            let path: String
            do {
                path = try media.store(.init(bytes: data))
            } catch {
                throw Failure(description: "ảnh \(image.source) không phải JPEG, PNG, WebP hay GIF tối đa 5 MB")
            }
            await media.makeVariants(of: path)
            let source = text[image.range]
            guard let at = source.range(of: image.source) else { continue }
            text.replaceSubrange(at.lowerBound..<at.upperBound, with: path)
            copied += 1
        }
        return (text, copied)
    }

    /// The body of an article with this text, its photos' sizes read from the media folder.
    public func body(_ markdown: String) -> [ArticleBlock] { ArticleMarkdown.body(markdown, media: media) }

    /// A path on this machine, not an address on the web or on the site.
    static func isRelative(_ source: String) -> Bool {
        let lower = source.lowercased()
        return
            !(lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") || lower.hasPrefix("/")
            || lower.hasPrefix("data:") || lower.hasPrefix("#") || lower.hasPrefix("mailto:"))
    }
}
