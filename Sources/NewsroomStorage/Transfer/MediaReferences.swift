import Crypto
import Foundation

/// The media files a site's articles use (`/media/NAME` in a cover image, a body or its Markdown): the export lists
/// them after the tables, each with its size and SHA-256 when the media folder holds it, so the new site can check
/// that the folder was copied (`newsroom import --media-dir`).
struct MediaReferences {
    private(set) var paths = Set<String>()

    /// Notes every `/media/NAME` in `text` (a body is JSON, whose encoder writes `/` as `\/`).
    mutating func scan(_ text: String) {
        let unescaped = text.replacingOccurrences(of: "\\/", with: "/")
        var rest = unescaped[...]
        while let start = rest.range(of: "/media/") {
            let name = rest[start.upperBound...].prefix {
                $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_")
            }
            if !name.isEmpty, name.contains(".") { paths.insert("/media/" + name) }
            rest = rest[start.upperBound...]
        }
    }

    /// One record per file, in order of path: `bytes` and `sha256` are null for a file the folder does not hold.
    func records(in directory: String?) -> [TransferRecord] {
        paths.sorted().map { path in
            let file = directory.map { ($0 as NSString).appendingPathComponent(String(path.dropFirst("/media/".count))) }
            let data = file.flatMap { FileManager.default.contents(atPath: $0) }
            return TransferRecord(
                type: "media",
                fields: [
                    ("path", .text(path)), ("bytes", data.map { .integer(Int64($0.count)) } ?? .null),
                    ("sha256", data.map { .text(Self.digest($0)) } ?? .null),
                ])
        }
    }

    static func digest(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    /// Whether the media folder holds the file a `media` record names, with the same content.
    static func check(_ record: [String: TransferValue], in directory: String) -> Bool {
        guard case .text(let path)? = record["path"], path.hasPrefix("/media/"), !path.contains(".."),
            let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(String(path.dropFirst(7))))
        else { return false }
        guard case .text(let expected)? = record["sha256"] else { return true }
        return digest(data) == expected
    }
}
