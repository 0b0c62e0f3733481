import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NewsroomCore

/// The validators of a public page (`ETag`, `Last-Modified`), so a browser or a proxy revalidates it with a
/// conditional GET and gets 304 while nothing it shows has changed. They change whenever the page's content does:
/// the article saved, any event of its comment section, the stylesheet or script; and once a day, because the form
/// token inside the page is good for two days only.
struct Validators {
    let etag: String
    let lastModified: String?

    /// The validator of a page that is the same for every reader (a listing, a feed): a digest of its bytes, so it
    /// changes exactly when the page does, and every instance computes the same one.
    init(body: ByteBuffer) {
        let digest = SHA256.hash(data: Data(body.readableBytesView)).prefix(12).map { String(format: "%02x", $0) }.joined()
        etag = "W/\"\(digest)\""
        lastModified = nil
    }

    init(stamp: PageStamp, article: Article.ID, variant: String, now: Date) {
        let day = Int(now.timeIntervalSince1970 / 86_400)
        let saved = Int64((stamp.updatedAt.timeIntervalSince1970 * 1000).rounded())
        etag =
            "W/\"\(article)-\(stamp.version)-\(saved)-\(stamp.latestEvent)-\(variant)-\(Assets.stylesheetVersion)\(Assets.scriptVersion)-\(day)\""
        lastModified = VietnameseFormat.httpDate(stamp.lastChanged)
    }

    /// Whether the request already holds this version: `If-None-Match` when sent (it wins), else `If-Modified-Since`
    /// (compared with the value this server sent, which is what browsers send back).
    func notModified(_ request: Request) -> Bool {
        if let match = request.headers[.ifNoneMatch] {
            return match.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == etag } || match == "*"
        }
        guard let lastModified else { return false }
        return request.headers[.ifModifiedSince] == lastModified
    }

    /// The page with its validators, or 304 with them when the request holds it already.
    func respond(to request: Request, with page: Response) -> Response {
        var response = notModified(request) ? Response(status: .notModified) : page
        response.headers[.eTag] = etag
        if let lastModified { response.headers[.lastModified] = lastModified }
        if response.headers[.cacheControl] == nil || response.headers[.cacheControl] == "no-cache" {
            response.headers[.cacheControl] = "public, no-cache"
        }
        return response
    }

    /// A page for every reader, with a digest validator: 304 when the request holds it already.
    static func respond(to request: Request, with page: Response, body: ByteBuffer) -> Response {
        Validators(body: body).respond(to: request, with: page)
    }
}
