import Crypto
import Foundation
import Hummingbird

/// Who is asking, as far as a comment box needs to know, without storing an address in clear: keyed hashes
/// (HMAC-SHA256 with the site's secret) of the peer address and of a random browser cookie.
struct ClientIdentity: Sendable {
    static let cookieName = "nr_client"

    /// The browser's random id from its cookie, when it sent one.
    var cookie: String?
    /// A new cookie to set when the browser had none.
    var newCookie: String?
    /// Keyed hash used for duplicate checks and rate limits: the address when known, else the cookie.
    var fingerprint: String
    /// Keyed hash that makes likes through the API idempotent: the cookie when present, else the address
    /// (readers behind one carrier-grade NAT share an address, so the cookie comes first).
    var likeKey: String
    /// The same for the HTML like form, which always comes from a browser: the cookie, set now if it was missing,
    /// so a first like and a second one count as the same reader's.
    var browserLikeKey: String

    init(request: Request, context: NewsroomRequestContext, secret: [UInt8]) {
        let sent = request.cookies[Self.cookieName]?.value.filter { $0.isHexDigit }
        let cookie = (sent?.count == 32) ? sent : nil
        let address = context.remoteAddress?.ipAddress
        let browser = cookie ?? Self.randomCookie()
        self.cookie = cookie
        self.newCookie = cookie == nil ? browser : nil
        let key = SymmetricKey(data: secret)
        func hash(_ value: String) -> String {
            HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: key).prefix(16)
                .map { String(format: "%02x", $0) }.joined()
        }
        self.fingerprint = hash(address.map { "ip:\($0)" } ?? cookie.map { "c:\($0)" } ?? "anonymous")
        self.likeKey = hash(cookie.map { "c:\($0)" } ?? address.map { "ip:\($0)" } ?? "anonymous")
        self.browserLikeKey = hash("c:\(browser)")
    }

    static func randomCookie() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// Sets the browser cookie on a response when the browser had none.
    func apply(to response: inout Response) {
        guard let newCookie else { return }
        response.setCookie(
            Cookie(name: Self.cookieName, value: newCookie, maxAge: 365 * 24 * 3600, path: "/", httpOnly: true, sameSite: .lax))
    }
}
