import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// Who is asking, as far as a comment box needs to know, without storing an address in clear: keyed hashes
/// (HMAC-SHA256 with the site's secret) of the peer address and of a browser cookie. The cookie is issued by the
/// server and signed with the same secret: a made-up or altered one counts as none, and the response brings a new one.
struct ClientIdentity: Sendable {
    static let cookieName = "nr_client"
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    /// The browser's id from its cookie, when it sent a cookie this site signed.
    var cookie: String?
    /// A new signed cookie to set when the browser had no valid one.
    var newCookie: String?
    /// Keyed hash used for duplicate checks, rate limits and bans: the address (an IPv6 one by its /64) when known, else
    /// the cookie.
    var fingerprint: String
    /// Keyed hash of the client's address alone, which bounds what any number of cookies can do (likes per address,
    /// distinct addresses behind reports).
    var addressKey: String
    /// Keyed hash that makes likes and reports idempotent: the browser's signed id, so readers behind one carrier-grade
    /// NAT address still count one each; without one (a client that keeps no cookies, or made one up), the address:
    /// liking again from the same client counts once.
    var likeKey: String
    /// Whether the cookie is marked `Secure` (the site is served over HTTPS).
    var secure = false

    init(request: Request, context: NewsroomRequestContext, secret: [UInt8], trustedProxies: [CIDR] = []) {
        let key = SymmetricKey(data: secret)
        let cookie = request.cookies[Self.cookieName].flatMap { Self.verified($0.value, key: key) }
        let address = Self.address(
            peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[values: Self.forwardedFor], trusted: trustedProxies)
        let browser = cookie ?? Self.randomID()
        self.cookie = cookie
        self.newCookie = cookie == nil ? Self.signed(browser, key: key) : nil
        func hash(_ value: String) -> String { Self.keyedHash(value, key: key) }
        self.fingerprint = address.map { Self.fingerprint(address: $0, key: key) } ?? hash(cookie.map { "c:\($0)" } ?? "anonymous")
        self.addressKey = hash(address.map { "net:\(Self.network($0))" } ?? "anonymous")
        self.likeKey = cookie.map { hash("c:\($0)") } ?? addressKey
    }

    /// 32 hex digits of HMAC-SHA256 under the site's key.
    static func keyedHash(_ value: String, key: SymmetricKey) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: key).prefix(16))
    }

    /// The fingerprint of a client known by its address (its network, an IPv6 address by its /64).
    static func fingerprint(address: String, key: SymmetricKey) -> String { keyedHash("ip:\(network(address))", key: key) }

    /// `ID.SIGNATURE`: 32 hex digits of randomness and 32 of HMAC over them.
    static func signed(_ id: String, key: SymmetricKey) -> String {
        "\(id).\(hex(HMAC<SHA256>.authenticationCode(for: Data("nr_client:\(id)".utf8), using: key).prefix(16)))"
    }

    /// The id inside a cookie this site signed; nil for anything else.
    static func verified(_ value: String, key: SymmetricKey) -> String? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 32, parts[0].allSatisfy(\.isHexDigit) else { return nil }
        let id = String(parts[0])
        return CSRF.constantTimeEqual(signed(id, key: key), value) ? id : nil
    }

    /// Lowercase hex digits, two a byte (written directly: `String(format:)` costs more than the HMAC it encodes).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
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

    /// What one subscriber holds: an IPv4 address, or the /64 of an IPv6 one (a single machine can use every address
    /// of its /64, so counting them apart would let it like as many times as it likes).
    static func network(_ address: String) -> String {
        guard let bytes = CIDR.bytes(address) else { return address }
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        if bytes.prefix(12).elementsEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]) {
            return bytes.suffix(4).map(String.init).joined(separator: ".")
        }
        return hex(bytes.prefix(8)) + "::/64"
    }

    static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Sets the browser cookie on a response when the browser had none.
    func apply(to response: inout Response) {
        guard let newCookie else { return }
        response.setCookie(
            Cookie(
                name: Self.cookieName, value: newCookie, maxAge: 365 * 24 * 3600, path: "/", secure: secure, httpOnly: true,
                sameSite: .lax))
    }
}

/// Builds a request's `ClientIdentity` with the site's key, its trusted proxies and its cookie policy: the one place
/// an identity is made.
struct ClientIdentities: Sendable {
    let secret: [UInt8]
    let trustedProxies: [CIDR]
    /// Whether the client cookie is sent only over HTTPS.
    let secure: Bool

    func identify(_ request: Request, _ context: NewsroomRequestContext) -> ClientIdentity {
        var client = ClientIdentity(request: request, context: context, secret: secret, trustedProxies: trustedProxies)
        client.secure = secure
        return client
    }
}

/// Commenters of an imported export, known only by the address they wrote from.
public enum ImportedClient {
    /// The fingerprint a comment from `address` would carry (`ClientIdentity.fingerprint` of a client with that
    /// address), so bans and duplicate checks treat imported comments alike; the address itself is never kept.
    public static func fingerprint(address: String, secret: [UInt8]) -> String {
        ClientIdentity.fingerprint(address: address, key: SymmetricKey(data: secret))
    }
}
