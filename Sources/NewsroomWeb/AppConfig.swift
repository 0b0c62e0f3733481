import Foundation
import NewsroomCore

/// The settings the web application runs with. The command line reads them (flag, then `NEWSROOM_*` variable,
/// then default) and hands them here; tests build one directly.
public struct AppConfig: Sendable {
    /// One comment per 10 seconds and 10 an hour, per client and per e-mail.
    public static let defaultCommentLimits = [RateLimit(1, per: 10), RateLimit(10, per: 3600)]

    public var host: String
    public var port: Int
    public var moderation: ModerationMode
    /// Limits on new comments per client and per e-mail (empty: none).
    public var commentLimits: [RateLimit]
    /// Proxies whose `X-Forwarded-For` names the real client; none by default.
    public var trustedProxies: [CIDR]
    /// The key behind form tokens and client fingerprints. Keep it secret and the same on every instance.
    public var secret: [UInt8]
    /// Whether the site is served over HTTPS (behind a TLS proxy): session cookies are then marked `Secure`.
    public var secureCookies: Bool
    /// bcrypt's cost for new password hashes (12 in production; tests lower it).
    public var bcryptCost: UInt8
    /// More links than this in a comment holds it for a moderator.
    public var maxLinks: Int
    /// A form sent sooner than this after its page was served is held: people take longer to write.
    public var minimumFormSeconds: TimeInterval
    /// Reports from this many readers send a published comment back to the queue.
    public var reportThreshold: Int
    /// Under pre-moderation, publish at once for an e-mail with this many published comments (0: never).
    public var trustAfter: Int
    /// Rejected and spam comments are deleted after this many days (0: kept).
    public var retentionDays: Int
    /// Hold comments typed all in capitals.
    public var holdAllCaps: Bool
    /// Hold comments in Vietnamese typed without any diacritic ("tiếng Việt có dấu").
    public var holdWithoutDiacritics: Bool
    /// How long a cached page is served before its article's version is read again, which is how changes made by
    /// another process (the command line, another instance) reach it. Changes made here invalidate at once.
    public var pageRecheckInterval: TimeInterval
    /// The site's address as readers reach it ("https://bao.example.vn"), for the absolute links of feeds and
    /// sitemaps; nil: `http://host:port`.
    public var publicURL: String?
    /// Where uploaded images are kept (served under `/media/`).
    public var mediaDirectory = "media"
    /// How often views counted in memory are written to the database and the "Đọc nhiều" and "Bàn luận sôi nổi"
    /// boxes computed again, in seconds.
    public var viewsFlushInterval: TimeInterval = 60
    /// How often scheduled articles are checked for publication, in seconds.
    public var publishInterval: TimeInterval = 30
    /// The most bytes of rendered pages and lists kept in memory.
    public var cacheBytes = 64 << 20
    /// Likes one client address may give one comment in a day (many readers share a carrier's NAT address).
    public var likesPerAddress = 20
    /// Live event streams open at once, in all and per client address; beyond, 503 with `Retry-After`.
    public var maxStreams = 10_000
    public var streamsPerAddress = 20
    /// Time-outs on every connection and the most connections open at once.
    public var connections = ConnectionLimits()
    /// Who may read `/metrics` (others get 404): loopback by default.
    public var metricsAllow: [CIDR] = CIDR.list(parsing: "127.0.0.0/8,::1/128") ?? []
    /// Scheduled, verified backups of a site on a database file; nil: none.
    public var backups: BackupSchedule?
    /// Which other sites may embed the comment sections, and the secret their sign-ins are signed with.
    public var embed = EmbedSettings()

    /// `publicURL`, or the address the server listens on; without a trailing slash.
    public var baseURL: String {
        let url = publicURL ?? "http://\(host):\(port)"
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    public init(
        host: String = "127.0.0.1", port: Int = 8080, moderation: ModerationMode = .pre,
        commentLimits: [RateLimit] = AppConfig.defaultCommentLimits, trustedProxies: [CIDR] = [], secret: [UInt8],
        pageRecheckInterval: TimeInterval = 1,
        secureCookies: Bool = false, bcryptCost: UInt8 = 12, maxLinks: Int = 2, minimumFormSeconds: TimeInterval = 3,
        reportThreshold: Int = 3, trustAfter: Int = 0,
        retentionDays: Int = 0, holdAllCaps: Bool = false,
        holdWithoutDiacritics: Bool = false
    ) {
        self.host = host
        self.port = port
        self.moderation = moderation
        self.commentLimits = commentLimits
        self.trustedProxies = trustedProxies
        self.secret = secret
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.maxLinks = maxLinks
        self.minimumFormSeconds = minimumFormSeconds
        self.reportThreshold = reportThreshold
        self.trustAfter = trustAfter
        self.retentionDays = retentionDays
        self.holdAllCaps = holdAllCaps
        self.holdWithoutDiacritics = holdWithoutDiacritics
        self.pageRecheckInterval = pageRecheckInterval
    }
}

/// Where and how often `serve` backs the site up, and how many backups it keeps.
public struct BackupSchedule: Sendable {
    public var directory: String
    public var every: TimeInterval
    public var keep: Int

    public init(directory: String, every: TimeInterval, keep: Int) {
        self.directory = directory
        self.every = every
        self.keep = keep
    }
}
