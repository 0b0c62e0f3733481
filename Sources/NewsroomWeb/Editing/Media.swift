import Crypto
import Foundation
import NIOCore
import NewsroomCore

/// Uploaded images (article covers), kept in the media folder under a name made from their content, so a file
/// never changes once served and may be cached for a year.
struct MediaStore: Sendable {
    /// The largest image accepted.
    static let maxImageSize = 5 * 1024 * 1024
    /// Where media are served.
    static let urlPrefix = SiteRoute.media("").path

    let directory: String

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

    /// The type of a name `store` makes (`3f2a….jpg`), nil for any other name.
    static func type(ofName name: some StringProtocol) -> ImageType? {
        let parts = name.split(separator: ".")
        guard parts.count == 2, parts[0].count == 32, parts[0].allSatisfy(\.isHexDigit) else { return nil }
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
