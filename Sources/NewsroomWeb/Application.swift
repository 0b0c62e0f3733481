import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import NIOCore
import NewsroomCore
import NewsroomStorage
import ServiceLifecycle

/// The router with every route of the site; tests drive it directly. Live event streams answer, but only with what
/// the log holds when they open: following the log is `LiveEvents`' job, which runs as a service of the application.
public func buildRouter(
    _ config: AppConfig, store: Store, now: @escaping @Sendable () -> Date = Date.init
) -> Router<NewsroomRequestContext> {
    buildSite(config, store: store, logger: Logger(label: "newsroom"), now: now).router
}

/// The router and the service that feeds its live event streams.
func buildSite(
    _ config: AppConfig, store: Store, logger: Logger, now: @escaping @Sendable () -> Date = Date.init
) -> (router: Router<NewsroomRequestContext>, live: LiveEvents, publisher: SchedulePublisher, readership: ReadershipService) {
    let services = Services(config: config, store: store, now: now)
    let live = LiveEvents(services: services, logger: logger)
    let router = Router(context: NewsroomRequestContext.self, options: .autoGenerateHeadEndpoints)
    Telemetry.install()
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: OldAddresses(articles: store.articles))
    router.add(middleware: OriginGuard(config: config))

    OperationsController(
        database: store.database, trustedProxies: config.trustedProxies, metricsAllow: config.metricsAllow,
        metrics: { await Telemetry.page(services: services) }
    ).register(on: router)
    router.get(SiteRoute.pattern(SiteRoute.asset)) { _, context -> Response in
        guard let (body, type) = Assets.file(named: context.parameters.get("file") ?? "") else { throw NewsroomError(.notFound) }
        return Response(
            status: .ok,
            headers: [.contentType: type, .cacheControl: "public, max-age=31536000, immutable"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
    // The JSON API described (OpenAPI 3.1), for client generators and the API fuzzing in CI.
    router.get(SiteRoute.openAPI.pattern) { _, _ -> Response in
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(bytes: Assets.openAPI)))
    }
    // Uploaded images are named by their content: cached for a year.
    let media = MediaStore(directory: config.mediaDirectory)
    router.get(SiteRoute.pattern(SiteRoute.media)) { _, context -> Response in
        guard let file = media.read(context.parameters.get("file") ?? "") else { throw NewsroomError(.notFound) }
        return Response(
            status: .ok,
            headers: [
                .contentType: file.type.mimeType, .cacheControl: "public, max-age=31536000, immutable",
                .init("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }
    let pages = PageController(
        articles: store.articles, comments: store.comments, highlights: store.highlights, readership: services.readership,
        cache: services.pageCache, tokens: services.tokens, clients: services.clients, baseURL: config.baseURL, now: now)
    pages.register(on: router)
    CommentFormController(pages: pages, actions: services.readers, clients: services.clients).register(on: router)
    APIController(
        articles: store.articles, comments: store.comments, cache: services.pageCache, clients: services.clients,
        actions: services.readers, signIns: config.embed.secret.map { EmbedSignIn(secret: $0) }, now: now
    ).register(on: router)
    EmbedController(articles: store.articles, pages: pages, settings: config.embed, now: now).register(on: router)
    LiveController(
        live: live, articles: store.articles, comments: store.comments, events: store.events, streams: services.streams,
        trustedProxies: config.trustedProxies
    ).register(on: router)
    FeedController(repository: store.articles, cache: services.siteCache, base: config.baseURL, now: now).register(on: router)
    SearchController(search: store.search, articles: store.articles).register(on: router)

    // Staff: sessions in the database, then the guard (401/403, CSRF) on everything but the login form.
    let sessions = SessionMiddleware<NewsroomRequestContext>(
        storage: DatabasePersistDriver(sessions: store.sessions, now: now),
        configuration: .init(
            sessionCookieParameters: .init(name: "nr_staff", path: "/", secure: config.secureCookies, sameSite: .lax),
            keyPrefix: "staff.", defaultSessionExpiration: LoginController.sessionLifetime))
    let moderators = StaffAuthMiddleware(services: services, allows: { $0.canModerate })
    let admin = router.group().add(middleware: sessions)
    let desk = admin.group().add(middleware: moderators)
    LoginController(
        staff: store.staff, attempts: store.loginAttempts, sessions: store.sessions, passwords: services.passwords,
        tokens: services.tokens, clients: services.clients, secret: config.secret, secureCookies: config.secureCookies, now: now
    ).register(
        public: admin, staff: admin.group().add(middleware: StaffAuthMiddleware(services: services)))
    DeskController(
        moderation: store.moderation, articles: store.articles, standing: store.standing, wordRules: store.words, site: store.site,
        rules: services.rules, now: now
    ).register(on: desk)
    ArticleDeskController(
        articles: store.articles, highlights: store.highlights, media: MediaStore(directory: config.mediaDirectory),
        siteModeration: config.moderation, now: now
    ).register(
        on: admin.group().add(middleware: StaffAuthMiddleware(services: services, allows: { $0.canEdit })))
    ModerationAPIController(
        moderation: store.moderation, comments: store.comments, standing: store.standing, articles: store.articles, now: now
    ).register(on: desk)
    return (router, live, SchedulePublisher(services: services, logger: logger), ReadershipService(services: services))
}

/// The whole application, listening on the configured address. `onServerRunning` learns the bound port (useful
/// with port 0).
public func buildApplication(
    _ config: AppConfig, store: Store, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let site = buildSite(config, store: store, logger: logger)
    let connections = ConnectionCounter(limits: config.connections)
    var services: [any Service] = [
        RetentionService(store: store, config: config, logger: logger), site.live, site.publisher, site.readership,
    ]
    if let schedule = config.backups {
        services.append(BackupService(store: store, schedule: schedule, key: config.secret, logger: logger))
    }
    return Application(
        router: site.router,
        server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionGuard(counter: connections)])),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Newsroom"),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? config.port) },
        logger: logger)
}
