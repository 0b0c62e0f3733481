import Foundation

/// The comment section of a page on another site: the page's canonical URL, which keys it, and the site (its origin,
/// `https://host[:port]`) it belongs to.
public struct EmbeddedThread: Sendable, Equatable, Codable {
    public var url: String
    public var site: String

    public init(url: String, site: String) {
        self.url = url
        self.site = site
    }

    /// The canonical form of a page's address, which keys its thread however the host page spells it: an absolute
    /// http(s) URL with the scheme and host in lowercase, no default port, no user, no fragment and no `utm_*`
    /// parameters (the rest of the query kept in order), and `/` for an empty path. Nil for anything else.
    public static func canonicalURL(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.utf8.count <= 2048, var url = URLComponents(string: trimmed),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host?.lowercased(), !host.isEmpty
        else { return nil }
        url.scheme = scheme
        url.host = host
        url.user = nil
        url.password = nil
        url.fragment = nil
        if url.port == (scheme == "https" ? 443 : 80) { url.port = nil }
        if url.path.isEmpty { url.path = "/" }
        let kept = url.queryItems?.filter { !$0.name.lowercased().hasPrefix("utm_") }
        url.queryItems = kept?.isEmpty == false ? kept : nil
        return url.string
    }

    /// The origin (`scheme://host[:port]`) of a canonical URL.
    public static func origin(of canonicalURL: String) -> String? {
        guard let url = URLComponents(string: canonicalURL), let scheme = url.scheme, let host = url.host else { return nil }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }
}
