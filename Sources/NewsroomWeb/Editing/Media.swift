import Crypto
import Foundation
import NIOCore
import NewsroomCore

/// Uploaded images (covers and photos in article bodies), kept in the media folder under a name made from their
/// content, so a file never changes once served and may be cached for a year. Photos also get narrower copies for
/// `srcset` (`3f2a…-480.jpg`) when `vipsthumbnail` is installed.
struct MediaStore: Sendable {
    /// The largest image accepted.
    static let maxImageSize = 5 * 1024 * 1024
    /// Where media are served.
    static let urlPrefix = SiteRoute.media("").path
    /// The widths of the narrower copies made of a photo wider than each.
    static let variantWidths = [480, 960, 1600]

    let directory: String
    /// What makes the narrower copies; nil: photos are served as they are.
    var thumbnailer: Thumbnailer? = .installed

    /// Stores an image and returns its path (`/media/3f2a….jpg`); throws `media_invalid` for anything that is not a
    /// JPEG, PNG, WebP or GIF of at most 5 MB (the bytes decide, not the name or the type the browser sent).
    func store(_ bytes: ByteBuffer) throws -> String {
        let data = Data(bytes.readableBytesView)
        guard data.count <= Self.maxImageSize, let type = ImageType(sniffing: data) else {
            throw NewsroomError(.mediaInvalid, field: "cover")
        }
        let digest = SHA256.hash(data: data).prefix(16).map { String(format: "%02x", $0) }.joined()
        let name = "\(digest).\(type.rawValue)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: path) {
            // Written under a temporary name and moved, so a reader never sees half a file.
            let temporary = path + ".tmp-\(UUID().uuidString)"
            try data.write(to: URL(fileURLWithPath: temporary))
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        }
        return SiteRoute.media(name).path
    }

    /// The type of a name `store` makes (`3f2a….jpg`, or a narrower copy `3f2a…-480.jpg`), nil for any other name.
    static func type(ofName name: some StringProtocol) -> ImageType? {
        let parts = name.split(separator: ".")
        guard parts.count == 2 else { return nil }
        let stem = parts[0].split(separator: "-")
        guard (1...2).contains(stem.count), stem[0].count == 32, stem[0].allSatisfy(\.isHexDigit),
            stem.count == 1 || variantWidths.contains(Int(stem[1]) ?? 0)
        else { return nil }
        return ImageType(rawValue: String(parts[1]))
    }

    /// Whether a path is one `store` returns: what a form may send back as the current cover.
    static func isStoredPath(_ path: String) -> Bool {
        path.hasPrefix(urlPrefix) && type(ofName: path.dropFirst(urlPrefix.count)) != nil
    }

    /// The bytes and type of a stored file, or nil (names other than the ones `store` makes are never read).
    func read(_ name: String) -> (data: Data, type: ImageType)? {
        guard let type = Self.type(ofName: name),
            let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name))
        else { return nil }
        return (data, type)
    }

    /// A stored photo as an article shows it: its size and its narrower copies, narrowest first.
    struct Photo: Sendable, Equatable {
        var path: String
        var width: Int
        var height: Int
        var variants: [(width: Int, path: String)]

        static func == (left: Photo, right: Photo) -> Bool {
            left.path == right.path && left.width == right.width && left.height == right.height
                && left.variants.map(\.path) == right.variants.map(\.path)
        }

        /// `srcset` with every copy and the original, or nil when there is no copy.
        var sourceSet: String? {
            variants.isEmpty ? nil : (variants + [(width, path)]).map { "\($0.path) \($0.width)w" }.joined(separator: ", ")
        }
    }

    private func file(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    /// The stored photo at a path `store` returned, with its size read from its header; nil for any other path.
    func photo(at path: String) -> Photo? {
        guard Self.isStoredPath(path) else { return nil }
        let name = String(path.dropFirst(Self.urlPrefix.count))
        guard let data = FileManager.default.contents(atPath: file(name)), let header = ImageHeader(data) else { return nil }
        let stem = name.split(separator: ".")[0]
        let suffix = name.split(separator: ".")[1]
        let variants = Self.variantWidths.filter { $0 < header.width }.compactMap { width -> (Int, String)? in
            let variant = "\(stem)-\(width).\(suffix)"
            return FileManager.default.fileExists(atPath: file(variant)) ? (width, SiteRoute.media(variant).path) : nil
        }
        return Photo(path: path, width: header.width, height: header.height, variants: variants)
    }

    /// Makes the narrower copies of a stored photo that are missing (none for a GIF, which may move); returns how many
    /// exist afterwards.
    @discardableResult
    func makeVariants(of path: String) async -> Int {
        guard let thumbnailer, let photo = photo(at: path), !path.hasSuffix(".gif") else { return 0 }
        let name = String(path.dropFirst(Self.urlPrefix.count))
        let parts = name.split(separator: ".")
        var made = photo.variants.count
        for width in Self.variantWidths where width < photo.width && !photo.variants.contains(where: { $0.width == width }) {
            let target = file("\(parts[0])-\(width).\(parts[1])")
            if await thumbnailer.resize(file(name), width: width, to: target) { made += 1 }
        }
        return made
    }

    enum ImageType: String {
        case jpg, png, webp, gif

        init?(sniffing data: Data) {
            let bytes = [UInt8](data.prefix(12))
            if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
                self = .jpg
            } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
                self = .png
            } else if bytes.count == 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
                self = .webp
            } else if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) {
                self = .gif
            } else {
                return nil
            }
        }

        var mimeType: String {
            switch self {
            case .jpg: "image/jpeg"
            case .png: "image/png"
            case .webp: "image/webp"
            case .gif: "image/gif"
            }
        }
    }
}
