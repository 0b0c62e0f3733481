import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import NIOCore
import NewsroomCore
import NewsroomStorage

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
) -> (router: Router<NewsroomRequestContext>, live: LiveEvents) {
    let services = Services(config: config, store: store, now: now)
    let live = LiveEvents(services: services, logger: logger)
    let router = Router(context: NewsroomRequestContext.self)
    router.add(middleware: ErrorMiddleware())

    router.get(SiteRoute.Pattern.healthz) { _, _ -> Response in
        _ = try await store.articles.count()
        return Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
    }
    router.get(SiteRoute.Pattern.asset) { _, context -> Response in
        let file = context.parameters.get("file") ?? ""
        let (body, type): (String, String) =
            switch file {
            case "newsroom-\(Assets.stylesheetVersion).css": (Assets.stylesheet, "text/css; charset=utf-8")
            case "newsroom-\(Assets.scriptVersion).js": (Assets.script, "text/javascript; charset=utf-8")
            case "desk-\(Assets.adminScriptVersion).js": (Assets.adminScript, "text/javascript; charset=utf-8")
            default: throw NewsroomError(.notFound)
            }
        return Response(
            status: .ok,
            headers: [.contentType: type, .cacheControl: "public, max-age=31536000, immutable"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
    let pages = PageController(services: services)
    pages.register(on: router)
    CommentFormController(services: services, pages: pages).register(on: router)
    APIController(services: services).register(on: router)
    LiveController(services: services, live: live).register(on: router)
    FeedController(services: services).register(on: router)

    // Staff: sessions in the database, then the guard (401/403, CSRF) on everything but the login form.
    let sessions = SessionMiddleware<NewsroomRequestContext>(
        storage: DatabasePersistDriver(sessions: store.sessions, now: now),
        configuration: .init(
            sessionCookieParameters: .init(name: "nr_staff", path: "/", secure: config.secureCookies, sameSite: .lax),
            keyPrefix: "staff.", defaultSessionExpiration: LoginController.sessionLifetime))
    let guardStaff = StaffAuthMiddleware(services: services)
    let admin = router.group("admin").add(middleware: sessions)
    let desk = admin.group().add(middleware: guardStaff)
    LoginController(services: services).register(public: admin, staff: desk)
    DeskController(services: services).register(on: desk)
    ModerationAPIController(services: services).register(
        on: router.group("api/v1/moderation").add(middleware: sessions).add(middleware: guardStaff))
    return (router, live)
}

/// The whole application, listening on the configured address. `onServerRunning` learns the bound port (useful
/// with port 0).
public func buildApplication(
    _ config: AppConfig, store: Store, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let site = buildSite(config, store: store, logger: logger)
    return Application(
        router: site.router,
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Newsroom"),
        services: [RetentionService(store: store, config: config, logger: logger), site.live],
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? config.port) },
        logger: logger)
}
