import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NewsroomCore
import NewsroomStorage
import NewsroomWeb
import ServiceLifecycle

/// `newsroom serve`: the site over one database, with demo articles on first run.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Chạy trang báo (mặc định tại http://127.0.0.1:8080).")

    @Option(help: "Địa chỉ lắng nghe (NEWSROOM_HOST, mặc định 127.0.0.1).") var host: String?
    @Option(help: "Cổng (NEWSROOM_PORT, mặc định 8080; 0 chọn cổng trống).") var port: String?
    @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL, mặc định sqlite://newsroom.sqlite).")
    var database: String?
    @Option(help: "pre: duyệt trước khi đăng; post: đăng ngay (NEWSROOM_MODERATION, mặc định pre).") var moderation: String?
    @Flag(name: .customLong("no-demo"), help: "Không nạp bài viết mẫu vào cơ sở dữ liệu trống (NEWSROOM_NO_DEMO).")
    var noDemo = false
    @Option(
        name: .customLong("comment-limits"),
        help:
            "Giới hạn bình luận mỗi người gửi (theo máy và theo e-mail), dạng SỐ/GIÂY,…; off là không giới hạn (NEWSROOM_COMMENT_LIMITS, mặc định 1/10,10/3600)."
    )
    var commentLimits: String?
    @Option(
        name: .customLong("trusted-proxies"),
        help:
            "Các proxy tin cậy (CIDR,…) mà X-Forwarded-For của chúng cho biết địa chỉ bạn đọc (NEWSROOM_TRUSTED_PROXIES, mặc định không có)."
    )
    var trustedProxies: String?
    @Flag(name: .customLong("secure-cookies"), help: "Trang chạy qua HTTPS: đánh dấu cookie phiên là Secure (NEWSROOM_SECURE_COOKIES).")
    var secureCookies = false
    @Option(name: .customLong("max-links"), help: "Quá số liên kết này thì giữ bình luận chờ duyệt (NEWSROOM_MAX_LINKS, mặc định 2).")
    var maxLinks: String?
    @Option(
        name: .customLong("min-form-seconds"),
        help: "Biểu mẫu gửi sớm hơn số giây này sau khi mở trang thì giữ chờ duyệt (NEWSROOM_MIN_FORM_SECONDS, mặc định 3).")
    var minFormSeconds: String?
    @Option(
        name: .customLong("report-threshold"),
        help: "Số báo cáo đưa một bình luận về hàng chờ duyệt (NEWSROOM_REPORT_THRESHOLD, mặc định 3).")
    var reportThreshold: String?
    @Option(
        name: .customLong("trust-after"),
        help: "Duyệt trước: tự đăng bình luận của e-mail đã có N bình luận được duyệt; 0 là tắt (NEWSROOM_TRUST_AFTER).")
    var trustAfter: String?
    @Option(name: .customLong("retention-days"), help: "Xóa bình luận bị từ chối sau N ngày; 0 là giữ lại (NEWSROOM_RETENTION_DAYS).")
    var retentionDays: String?
    @Flag(name: .customLong("hold-all-caps"), help: "Giữ bình luận viết toàn chữ in hoa (NEWSROOM_HOLD_ALL_CAPS).")
    var holdAllCaps = false
    @Flag(name: .customLong("hold-without-diacritics"), help: "Giữ bình luận tiếng Việt không dấu (NEWSROOM_HOLD_WITHOUT_DIACRITICS).")
    var holdWithoutDiacritics = false
    @Option(
        help:
            "Khóa bí mật của trang, ít nhất 32 ký tự, chung cho mọi máy chủ (NEWSROOM_SECRET; với SQLite mặc định là một tệp khóa cạnh tệp cơ sở dữ liệu)."
    )
    var secret: String?
    @Option(
        name: .customLong("public-url"),
        help:
            "Địa chỉ bạn đọc dùng để vào trang, cho các liên kết tuyệt đối của RSS và sitemap (NEWSROOM_PUBLIC_URL, mặc định http://HOST:PORT)."
    )
    var publicURL: String?
    @Option(
        name: .customLong("media-dir"),
        help: "Thư mục lưu ảnh tải lên, phục vụ tại /media/ (NEWSROOM_MEDIA_DIR, mặc định media trong thư mục hiện tại).")
    var mediaDir: String?
    @Option(
        name: .customLong("publish-interval"),
        help: "Cứ bao nhiêu giây thì đăng các bài hẹn giờ đã đến giờ (NEWSROOM_PUBLISH_INTERVAL, mặc định 30).")
    var publishInterval: String?
    @Option(
        name: .customLong("views-flush-seconds"),
        help:
            "Cứ bao nhiêu giây thì ghi lượt đọc vào cơ sở dữ liệu và tính lại mục Đọc nhiều, Bàn luận sôi nổi (NEWSROOM_VIEWS_FLUSH_SECONDS, mặc định 60)."
    )
    var viewsFlushSeconds: String?
    @Flag(help: "PostgreSQL: áp dụng các migration còn thiếu trước khi chạy (NEWSROOM_MIGRATE; SQLite luôn tự áp dụng).")
    var migrate = false
    @Option(name: .customLong("pool-size"), help: "PostgreSQL: số kết nối tối đa của máy chủ này (NEWSROOM_POOL_SIZE, mặc định 10).")
    var poolSize: String?
    @Option(
        name: .customLong("statement-timeout"),
        help: "PostgreSQL: hủy câu lệnh chạy quá số mili giây này (NEWSROOM_STATEMENT_TIMEOUT, mặc định 10000).")
    var statementTimeout: String?
    @Option(
        name: .customLong("connect-timeout"),
        help: "PostgreSQL: số giây chờ mở một kết nối trước khi coi máy chủ là không tới được (NEWSROOM_CONNECT_TIMEOUT, mặc định 2).")
    var connectTimeout: String?
    @Option(
        name: .customLong("pool-timeout"),
        help: "PostgreSQL: số giây một yêu cầu chờ kết nối trống trước khi trả 503 (NEWSROOM_POOL_TIMEOUT, mặc định 2).")
    var poolTimeout: String?
    @Option(
        name: .customLong("check-database"),
        help:
            "SQLite: kiểm tra tệp khi khởi động: quick (PRAGMA quick_check), full (integrity_check) hoặc off (NEWSROOM_CHECK_DATABASE, mặc định quick)."
    )
    var checkDatabase: String?
    @Option(
        name: .customLong("backup-dir"),
        help: "SQLite: thư mục chứa các bản sao lưu tự động (NEWSROOM_BACKUP_DIR; không đặt thì không tự sao lưu).")
    var backupDir: String?
    @Option(name: .customLong("backup-every"), help: "Sao lưu tự động mỗi bao nhiêu giờ, có thể lẻ (NEWSROOM_BACKUP_EVERY, mặc định 24).")
    var backupEvery: String?
    @Option(name: .customLong("backup-keep"), help: "Giữ bao nhiêu bản sao lưu tự động mới nhất (NEWSROOM_BACKUP_KEEP, mặc định 7).")
    var backupKeep: String?
    @Option(
        name: .customLong("metrics-allow"),
        help: "Các địa chỉ hoặc mạng CIDR được đọc /metrics; nơi khác nhận 404 (NEWSROOM_METRICS_ALLOW, mặc định 127.0.0.0/8,::1).")
    var metricsAllow: String?
    @Option(help: "Các trang (https://báo.vn,…) được nhúng phần bình luận bằng /embed.js (NEWSROOM_EMBED_ORIGINS).")
    var embedOrigins: String?
    @Option(help: "Khóa chung (≥ 32 ký tự) để trang nhúng ký mã đăng nhập JWT HS256 cho bạn đọc (NEWSROOM_EMBED_SECRET).")
    var embedSecret: String?
    @Option(
        name: .customLong("log-format"),
        help: "text hoặc json: mỗi dòng nhật ký là một đối tượng JSON (NEWSROOM_LOG_FORMAT, mặc định text).")
    var logFormat: String?

    @Option(name: .customLong("cache-mb"), help: "Bộ nhớ tối đa cho các trang đã dựng, MiB (NEWSROOM_CACHE_MB, mặc định 64).")
    var cacheMB: String?
    @Option(
        name: .customLong("likes-per-address"),
        help: "Số lượt thích tối đa một địa chỉ IP cho một bình luận trong một ngày (NEWSROOM_LIKES_PER_ADDRESS, mặc định 20).")
    var likesPerAddress: String?
    @Option(
        name: .customLong("max-streams"), help: "Số luồng bình luận trực tiếp mở cùng lúc tối đa (NEWSROOM_MAX_STREAMS, mặc định 10000).")
    var maxStreams: String?
    @Option(
        name: .customLong("streams-per-address"),
        help: "Số luồng bình luận trực tiếp tối đa của một địa chỉ IP (NEWSROOM_STREAMS_PER_ADDRESS, mặc định 20).")
    var streamsPerAddress: String?
    @Option(
        name: .customLong("max-connections"),
        help: "Số kết nối mở cùng lúc tối đa (NEWSROOM_MAX_CONNECTIONS, mặc định: giới hạn tệp mở của tiến trình trừ phần dự phòng).")
    var maxConnections: String?
    @Option(
        name: .customLong("header-timeout"),
        help: "Số giây để một kết nối mới gửi xong phần đầu yêu cầu (NEWSROOM_HEADER_TIMEOUT, mặc định 10).")
    var headerTimeout: String?
    @Option(
        name: .customLong("idle-timeout"),
        help: "Số giây một kết nối được để không giữa hai yêu cầu (NEWSROOM_IDLE_TIMEOUT, mặc định 60).")
    var idleTimeout: String?
    @Option(
        name: .customLong("body-timeout"), help: "Số giây để gửi xong phần thân một yêu cầu (NEWSROOM_BODY_TIMEOUT, mặc định 60).")
    var bodyTimeout: String?

    func run() async throws {
        try await CommandFailure.reporting { try await serve() }
    }

    private func serve() async throws {
        switch Settings.value(logFormat, variable: "NEWSROOM_LOG_FORMAT") ?? "text" {
        case "text": break
        case "json": LoggingSystem.bootstrap(JSONLogHandler.init)
        case let other: throw ValidationError("NEWSROOM_LOG_FORMAT: \"\(other)\" phải là text hoặc json")
        }
        // Before anything counts: the metrics back end.
        Telemetry.install()
        var logger = Logger(label: "newsroom")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let databaseURL = try Settings.database(database)
        let secretText = SiteOpening.secretText(secret)
        let checkText = Settings.value(checkDatabase, variable: "NEWSROOM_CHECK_DATABASE") ?? "quick"
        guard let check = SQLiteSite.Check(rawValue: checkText) else {
            throw ValidationError("NEWSROOM_CHECK_DATABASE: \"\(checkText)\" phải là quick, full hoặc off")
        }
        let moderationText = Settings.value(moderation, variable: "NEWSROOM_MODERATION") ?? "pre"
        guard let moderationMode = ModerationMode(rawValue: moderationText) else {
            throw ValidationError("NEWSROOM_MODERATION: \"\(moderationText)\" phải là pre hoặc post")
        }
        var config = AppConfig(
            host: Settings.value(host, variable: "NEWSROOM_HOST") ?? "127.0.0.1",
            port: try Settings.integer(port, variable: "NEWSROOM_PORT", default: 8080, range: 0...65535),
            moderation: moderationMode,
            commentLimits: try Settings.commentLimits(commentLimits),
            trustedProxies: try Settings.trustedProxies(trustedProxies),
            secret: [],
            secureCookies: try Settings.boolean(secureCookies, variable: "NEWSROOM_SECURE_COOKIES"),
            maxLinks: try Settings.integer(maxLinks, variable: "NEWSROOM_MAX_LINKS", default: 2, range: 0...1000),
            minimumFormSeconds: TimeInterval(
                try Settings.integer(minFormSeconds, variable: "NEWSROOM_MIN_FORM_SECONDS", default: 3, range: 0...3600)),
            reportThreshold: try Settings.integer(reportThreshold, variable: "NEWSROOM_REPORT_THRESHOLD", default: 3, range: 1...1000),
            trustAfter: try Settings.integer(trustAfter, variable: "NEWSROOM_TRUST_AFTER", default: 0, range: 0...100_000),
            retentionDays: try Settings.integer(retentionDays, variable: "NEWSROOM_RETENTION_DAYS", default: 0, range: 0...36_500),
            holdAllCaps: try Settings.boolean(holdAllCaps, variable: "NEWSROOM_HOLD_ALL_CAPS"),
            holdWithoutDiacritics: try Settings.boolean(holdWithoutDiacritics, variable: "NEWSROOM_HOLD_WITHOUT_DIACRITICS"))
        if let url = Settings.value(publicURL, variable: "NEWSROOM_PUBLIC_URL") {
            guard let components = URLComponents(string: url), ["http", "https"].contains(components.scheme ?? ""), components.host != nil
            else { throw ValidationError("NEWSROOM_PUBLIC_URL: \"\(url)\" phải là một địa chỉ http:// hoặc https://") }
            config.publicURL = url
        }
        config.mediaDirectory = Settings.value(mediaDir, variable: "NEWSROOM_MEDIA_DIR") ?? "media"
        config.viewsFlushInterval = TimeInterval(
            try Settings.integer(viewsFlushSeconds, variable: "NEWSROOM_VIEWS_FLUSH_SECONDS", default: 60, range: 1...3600))
        config.publishInterval = TimeInterval(
            try Settings.integer(publishInterval, variable: "NEWSROOM_PUBLISH_INTERVAL", default: 30, range: 1...3600))
        config.cacheBytes = try Settings.integer(cacheMB, variable: "NEWSROOM_CACHE_MB", default: 64, range: 1...65_536) << 20
        config.likesPerAddress = try Settings.integer(
            likesPerAddress, variable: "NEWSROOM_LIKES_PER_ADDRESS", default: 20, range: 1...1_000_000)
        config.maxStreams = try Settings.integer(maxStreams, variable: "NEWSROOM_MAX_STREAMS", default: 10_000, range: 0...1_000_000)
        config.streamsPerAddress = try Settings.integer(
            streamsPerAddress, variable: "NEWSROOM_STREAMS_PER_ADDRESS", default: 20, range: 0...1_000_000)
        // A server raises its soft descriptor limit to the hard one; the connection cap stays below what remains.
        ConnectionLimits.raiseDescriptorLimit()
        config.connections.maxConnections = try Settings.integer(
            maxConnections, variable: "NEWSROOM_MAX_CONNECTIONS", default: ConnectionLimits.defaultMaxConnections(),
            range: 1...10_000_000)
        config.connections.headerTimeout = .seconds(
            Int64(try Settings.integer(headerTimeout, variable: "NEWSROOM_HEADER_TIMEOUT", default: 10, range: 1...3600)))
        config.connections.idleTimeout = .seconds(
            Int64(try Settings.integer(idleTimeout, variable: "NEWSROOM_IDLE_TIMEOUT", default: 60, range: 1...86_400)))
        config.connections.bodyTimeout = .seconds(
            Int64(try Settings.integer(bodyTimeout, variable: "NEWSROOM_BODY_TIMEOUT", default: 60, range: 1...86_400)))
        if let text = Settings.value(metricsAllow, variable: "NEWSROOM_METRICS_ALLOW") {
            guard let allowed = CIDR.list(parsing: text) else {
                throw ValidationError("NEWSROOM_METRICS_ALLOW: \"\(text)\" phải là các địa chỉ hoặc mạng CIDR cách nhau bởi dấu phẩy")
            }
            config.metricsAllow = allowed
        }
        config.backups = try backupSchedule(databaseURL)
        config.embed = try embedSettings()
        let skipDemo = try Settings.boolean(noDemo, variable: "NEWSROOM_NO_DEMO")

        let pool = try Settings.integer(poolSize, variable: "NEWSROOM_POOL_SIZE", default: 10, range: 1...1000)
        let statementLimit = try Settings.integer(
            statementTimeout, variable: "NEWSROOM_STATEMENT_TIMEOUT", default: 10_000, range: 100...3_600_000)
        let connectLimit = Duration.seconds(
            try Settings.integer(connectTimeout, variable: "NEWSROOM_CONNECT_TIMEOUT", default: 2, range: 1...300))
        let acquireLimit = Duration.seconds(
            try Settings.integer(poolTimeout, variable: "NEWSROOM_POOL_TIMEOUT", default: 2, range: 1...300))
        try await SiteOpening.inspect(databaseURL, secret: secretText, check: check, logger: logger)
        let store = try await Store.open(
            databaseURL, migrations: try Settings.boolean(migrate, variable: "NEWSROOM_MIGRATE") ? .apply : .refusePending,
            tune: { settings in
                settings.poolSize = pool
                settings.statementTimeoutMilliseconds = statementLimit
                settings.connectTimeout = connectLimit
                settings.acquireTimeout = acquireLimit
            },
            logger: logger)
        do {
            config.secret = try await SiteOpening.key(secretText, database: databaseURL, store: store)
        } catch {
            await store.close()
            throw error
        }
        let settings = config
        let ready = await store.database.readiness(within: .seconds(5)) == nil
        if !skipDemo, ready, try await store.articles.count() == 0 {
            let count = try await DemoLoader.load(into: store, now: Date())
            logger.info("Đã nạp \(count) bài viết mẫu vào cơ sở dữ liệu trống.")
        }
        let app = buildApplication(config, store: store, logger: logger) { port in
            // Written straight to the descriptor (unbuffered) so a supervisor or a test reading a pipe sees it at once.
            FileHandle.standardOutput.write(
                Data(
                    "Newsroom đang chạy tại http://\(settings.host):\(port) (\(databaseURL), duyệt \(settings.moderation.rawValue))\n".utf8)
            )
        }
        // SIGTERM: in-flight requests are answered (every database wait is bounded), then the process exits; whatever
        // still hangs after 8 seconds is cancelled, and a watchdog ends the process at 9.5 seconds in any case.
        var group = ServiceGroupConfiguration(
            services: [app], gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [], logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(8)
        group.maximumCancellationDuration = .seconds(1)
        let watchdog = ShutdownWatchdog(after: .milliseconds(9_500), logger: logger)
        defer { watchdog.stop() }
        do {
            try await ServiceGroup(configuration: group).run()
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    /// The scheduled backups asked for, checked.
    private func backupSchedule(_ database: DatabaseURL) throws -> BackupSchedule? {
        guard let directory = Settings.value(backupDir, variable: "NEWSROOM_BACKUP_DIR") else { return nil }
        guard case .sqlite = database else {
            throw ValidationError("NEWSROOM_BACKUP_DIR: chỉ dùng cho SQLite; PostgreSQL sao lưu bằng pg_dump (xem README)")
        }
        let everyText = Settings.value(backupEvery, variable: "NEWSROOM_BACKUP_EVERY") ?? "24"
        guard let hours = Double(everyText), hours > 0, hours <= 24 * 366 else {
            throw ValidationError("NEWSROOM_BACKUP_EVERY: \"\(everyText)\" phải là số giờ lớn hơn 0")
        }
        let keep = try Settings.integer(backupKeep, variable: "NEWSROOM_BACKUP_KEEP", default: 7, range: 1...10_000)
        return BackupSchedule(directory: directory, every: hours * 3600, keep: keep)
    }
}
