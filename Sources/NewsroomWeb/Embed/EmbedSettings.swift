import Foundation
import NewsroomCore

/// Comment sections embedded in other sites' pages: the origins allowed to embed them (each page's canonical URL must
/// belong to one, and only they may frame the section), and the secret with which a host site signs its readers in.
public struct EmbedSettings: Sendable, Equatable {
    /// `scheme://host[:port]`, lowercase, no default port.
    public var origins: [String] = []
    /// The HS256 key of sign-in tokens; nil: readers of embedded sections type their name, as on the site itself.
    public var secret: String?

    public init(origins: [String] = [], secret: String? = nil) {
        self.origins = origins
        self.secret = secret
    }

    /// Reads `https://a.vn,https://b.vn:8443`; nil when any entry is not an http(s) origin without a path.
    public static func origins(parsing text: String) -> [String]? {
        var origins: [String] = []
        for entry in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let trimmed = entry.hasSuffix("/") ? String(entry.dropLast()) : entry
            guard let url = URLComponents(string: trimmed), url.path.isEmpty, url.query == nil, url.fragment == nil,
                let canonical = EmbeddedThread.canonicalURL(trimmed), let origin = EmbeddedThread.origin(of: canonical)
            else { return nil }
            if !origins.contains(origin) { origins.append(origin) }
        }
        return origins
    }

    /// Whether a page at this canonical URL may have an embedded comment section.
    public func allows(url canonicalURL: String) -> Bool {
        EmbeddedThread.origin(of: canonicalURL).map(origins.contains) ?? false
    }
}
