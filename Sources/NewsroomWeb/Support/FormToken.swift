import Crypto
import Foundation
import NewsroomCore

/// The token each comment form carries: the time it was issued and the article, signed with the site's secret.
/// A form post without a valid one is refused (403 `csrf_invalid`); the JSON API accepts posts without one.
struct FormTokens: Sendable {
    let key: SymmetricKey
    /// How long a page can stay open before its form must be reloaded.
    var lifetime: TimeInterval = 2 * 24 * 3600

    init(secret: [UInt8]) { key = SymmetricKey(data: secret) }

    func issue(article: Article.ID, at date: Date) -> String {
        let issued = Int64(date.timeIntervalSince1970)
        return "\(issued).\(signature(article: article, issued: issued))"
    }

    func isValid(_ token: String, article: Article.ID, at date: Date) -> Bool {
        let parts = token.split(separator: ".")
        guard parts.count == 2, let issued = Int64(parts[0]) else { return false }
        let age = date.timeIntervalSince1970 - Double(issued)
        guard age >= -60, age <= lifetime else { return false }
        let expected = signature(article: article, issued: issued)
        // Compare in constant time: the signature is a secret until it is right.
        return expected.utf8.count == parts[1].utf8.count
            && zip(expected.utf8, parts[1].utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Seconds since a valid token was issued (how long the reader had the form open), nil for an invalid one.
    func age(_ token: String, article: Article.ID, at date: Date) -> TimeInterval? {
        guard isValid(token, article: article, at: date), let issued = token.split(separator: ".").first.flatMap({ Int64($0) }) else {
            return nil
        }
        return date.timeIntervalSince1970 - Double(issued)
    }

    private func signature(article: Article.ID, issued: Int64) -> String {
        HMAC<SHA256>.authenticationCode(for: Data("form:\(article):\(issued)".utf8), using: key)
            .map { String(format: "%02x", $0) }.joined()
    }
}
