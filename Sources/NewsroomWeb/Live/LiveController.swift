import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NewsroomCore
import ServiceLifecycle

/// `GET /api/v1/articles/{id}/events`: the article's comment section as a Server-Sent Events stream. A new reader
/// first gets `ready` (the comment count, and the number of the newest event so a reconnect can resume); a reader
/// who reconnects with `Last-Event-ID` first gets what it missed. Then `comment`, `edited`, `removed` and `likes`
/// as they happen, and a comment line every 20 seconds to keep the connection open.
struct LiveController {
    let services: Services
    let live: LiveEvents
    /// The most missed events replayed on reconnect; a reader further behind reloads the list.
    static let replayLimit = 500

    func register(on router: Router<NewsroomRequestContext>) {
        router.get(SiteRoute.Pattern.apiArticleEvents, use: events)
    }

    @Sendable func events(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        guard let articleID = context.parameters.get("id").flatMap({ Article.ID($0) }), articleID > 0 else {
            throw NewsroomError(.articleNotFound)
        }
        let article = try await services.article(articleID)
        let resumeText = request.headers[.lastEventID] ?? request.uri.queryParameters["lastEventId"].map(String.init)
        var resumeFrom: ArticleEvent.ID?
        if let resumeText {
            guard let value = ArticleEvent.ID(resumeText), value >= 0 else {
                throw NewsroomError(.invalidField, message: "Last-Event-ID phải là một số.", field: "lastEventId")
            }
            resumeFrom = value
        }
        // Subscribed before reading the log, so nothing falls between the two; what both carry is sent once.
        let (token, stream) = live.subscribe(article: article.id)
        var first: [LiveMessage] = []
        var sentUpTo: ArticleEvent.ID
        do {
            if let resumeFrom {
                let missed = try await services.store.events.events(article: article.id, after: resumeFrom, limit: Self.replayLimit)
                for event in missed {
                    if let message = try await live.message(for: event) { first.append(message) }
                }
                sentUpTo = missed.last?.id ?? resumeFrom
            } else {
                sentUpTo = try await services.store.events.latestID(article: article.id)
                let count = try await services.store.comments.publishedCount(article: article.id)
                first.append(LiveMessage(id: sentUpTo, event: "ready", data: try LiveEvents.json(LiveEvents.Ready(count: count))))
            }
        } catch {
            live.unsubscribe(article: article.id, token: token)
            throw error
        }
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache, no-store",
            HTTPField.Name("X-Accel-Buffering")!: "no",
        ]
        let startFrom = sentUpTo
        let opening = "retry: 2000\n\n" + first.map(\.text).joined()
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { [live] writer in
                defer { live.unsubscribe(article: article.id, token: token) }
                var last = startFrom
                try await writer.write(ByteBuffer(string: opening))
                // The server is the first service told to shut down and waits for its open responses: each stream
                // ends itself then, or graceful shutdown would wait for readers who never leave.
                for await message in stream.cancelOnGracefulShutdown() {
                    if let id = message.id {
                        guard id > last else { continue }
                        last = id
                    }
                    try await writer.write(ByteBuffer(string: message.text))
                }
                try await writer.finish(nil)
            })
    }
}

extension HTTPField.Name {
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
}
