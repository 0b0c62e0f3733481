import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Synchronization

@testable import NewsroomWeb

typealias Comment = NewsroomCore.Comment

/// A test secret; real sites use their own.
let testSecret = Array("test-secret-test-secret-test-secret!".utf8)

/// A clock a test moves by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) { current = Mutex(start) }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) { current.withLock { $0.addTimeInterval(seconds) } }
}

/// Runs `body` against the whole router over a temporary SQLite store.
func withApp<T>(
    moderation: ModerationMode = .post, limits: [RateLimit] = [], now: @escaping @Sendable () -> Date = { Fixtures.now },
    _ body: @escaping @Sendable (any TestClientProtocol, Store) async throws -> T
) async throws -> T {
    try await TestStore.with { store in
        // Pages are checked against the database on every view, so a change made straight in the store (as the
        // command line does) shows at once; `PageCacheTests` covers the interval between checks.
        let config = AppConfig(
            moderation: moderation, commentLimits: limits, secret: testSecret, pageRecheckInterval: 0, minimumFormSeconds: 0)
        let app = Application(router: buildRouter(config, store: store, now: now))
        return try await app.test(.router) { client in try await body(client, store) }
    }
}

extension Store {
    /// Saves the fixture article (or another draft) and returns it.
    func article(_ draft: ArticleDraft = Fixtures.draft()) async throws -> Article {
        try await articles.save(draft, now: Fixtures.now).article
    }
}

extension ByteBuffer {
    var text: String { String(buffer: self) }
}

/// JSON bodies as dictionaries, for asserting on the wire format itself.
func json(_ buffer: ByteBuffer) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any] ?? [:]
}

func jsonBody(_ object: [String: Any]) throws -> ByteBuffer {
    ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
}

/// `application/x-www-form-urlencoded`, as a browser encodes a form.
func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._*")
    let encoded = fields.map { name, value in
        let encode = { (text: String) in
            text.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: "%20", with: "+")
        }
        return "\(encode(name))=\(encode(value))"
    }
    return ByteBuffer(string: encoded.joined(separator: "&"))
}

let jsonHeaders: HTTPFields = [.contentType: "application/json"]
let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

/// The `error.code` of a JSON error body.
func errorCode(_ buffer: ByteBuffer) throws -> String? {
    (try json(buffer)["error"] as? [String: Any])?["code"] as? String
}

/// The text a reader sees on a page, one line per block, roughly as a browser's `innerText` gives it:
/// head, scripts and styles dropped, block elements on their own lines, entities decoded.
func visibleLines(_ html: String) -> [String] {
    var text = html
    for element in ["head", "script", "style", "template"] {
        while let start = text.range(of: "<\(element)"), let end = text.range(of: "</\(element)>", range: start.upperBound..<text.endIndex)
        {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
    }
    let blocks = [
        "p", "h1", "h2", "h3", "li", "div", "section", "article", "header", "footer", "form", "nav", "main", "label", "button", "ol", "ul",
        "br", "textarea", "a", "tr", "td", "th", "dt", "dd", "blockquote", "summary",
    ]
    var output = ""
    var index = text.startIndex
    while index < text.endIndex {
        if text[index] == "<", let close = text[index...].firstIndex(of: ">") {
            let tag = text[text.index(after: index)..<close].lowercased()
            let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
            if blocks.contains(String(name)) && name != "a" { output.append("\n") }
            index = text.index(after: close)
        } else {
            output.append(text[index])
            index = text.index(after: index)
        }
    }
    let decoded = output.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
    return decoded.split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
}

/// Whether `lines` appear in `page` in this order (other lines may come between).
func appearInOrder(_ lines: [String], in page: [String]) -> (Bool, missing: String?) {
    var position = page.startIndex
    for line in lines {
        guard let found = page[position...].firstIndex(of: line) else { return (false, line) }
        position = page.index(after: found)
    }
    return (true, nil)
}

/// The hidden form token of a rendered article page.
func formToken(in html: String) -> String? {
    guard let range = html.range(of: "name=\"formToken\" value=\"") else { return nil }
    return String(html[range.upperBound...].prefix(while: { $0 != "\"" }))
}

/// The proxy every live test client sits behind, so `X-Forwarded-For` can name the reader's address.
let loopbackProxies = [CIDR("127.0.0.1")!, CIDR("::1")!]

/// Runs `body` against the whole application listening on a free loopback port, behind a trusted proxy (the test
/// client), so each request can come from the address it names in `X-Forwarded-For`.
func withLiveApp<T: Sendable>(
    moderation: ModerationMode = .post, configure: @Sendable (inout AppConfig) -> Void = { _ in },
    _ body: @escaping @Sendable (any TestClientProtocol, Store) async throws -> T
) async throws -> T {
    try await TestStore.with { store in
        var config = AppConfig(
            moderation: moderation, commentLimits: [], trustedProxies: loopbackProxies, secret: testSecret, pageRecheckInterval: 0,
            minimumFormSeconds: 0)
        configure(&config)
        let app = Application(router: buildRouter(config, store: store), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        return try await app.test(.live) { client in try await body(client, store) }
    }
}

/// A reader's headers: a client cookie this site signed (one per `reader`) and the address `X-Forwarded-For` names.
func reader(_ reader: String, address: String = "203.0.113.10", json: Bool = true) -> HTTPFields {
    let id = String(repeating: "0", count: 32 - min(32, reader.utf8.count)) + reader.utf8.map { String(format: "%02x", $0) }.joined()
    let cookie = ClientIdentity.signed(String(id.suffix(32)), key: .init(data: testSecret))
    var fields: HTTPFields = [.cookie: "\(ClientIdentity.cookieName)=\(cookie)", ClientIdentity.forwardedFor: address]
    if json { fields[.contentType] = "application/json" }
    return fields
}
