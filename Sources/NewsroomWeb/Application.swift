import Foundation
import Hummingbird
import Logging
import NIOCore
import NewsroomCore
import NewsroomStorage

/// The router with every route of the site; tests drive it directly.
public func buildRouter(
    _ config: AppConfig, store: Store, now: @escaping @Sendable () -> Date = Date.init
) -> Router<NewsroomRequestContext> {
    let services = Services(config: config, store: store, now: now)
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
    return router
}

/// The whole application, listening on the configured address. `onServerRunning` learns the bound port (useful
/// with port 0).
public func buildApplication(
    _ config: AppConfig, store: Store, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(config, store: store),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Newsroom"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? config.port) },
        logger: logger)
}
