import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// Who is asking, as far as a comment box needs to know, without storing an address in clear: keyed hashes
/// (HMAC-SHA256 with the site's secret) of the peer address and of a random browser cookie.
struct ClientIdentity: Sendable {
    static let cookieName = "nr_client"
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

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

    init(request: Request, context: NewsroomRequestContext, secret: [UInt8], trustedProxies: [CIDR] = []) {
        let sent = request.cookies[Self.cookieName]?.value.filter { $0.isHexDigit }
        let cookie = (sent?.count == 32) ? sent : nil
        let address = Self.address(
            peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[values: Self.forwardedFor], trusted: trustedProxies)
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

    /// The client's address: the peer's, unless the peer is a trusted proxy, in which case the nearest address in
    /// `X-Forwarded-For` that is not itself a trusted proxy (addresses further left can be forged by the client).
    static func address(peer: String?, forwardedFor: [String], trusted: [CIDR]) -> String? {
        guard let peer, trusted.contains(where: { $0.contains(peer) }) else { return peer }
        let chain = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in chain.reversed() where CIDR.bytes(hop) != nil {
            if !trusted.contains(where: { $0.contains(hop) }) { return hop }
        }
        return chain.first.flatMap { CIDR.bytes($0) != nil ? $0 : nil } ?? peer
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
