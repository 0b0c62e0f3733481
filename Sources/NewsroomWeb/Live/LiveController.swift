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
    let live: LiveEvents
    let articles: any ArticleRepository
    let comments: any CommentRepository
    let events: any ArticleEventRepository
    let streams: StreamQuota
    let trustedProxies: [CIDR]
    /// The most missed events replayed on reconnect; a reader further behind is told to reload the list (`reset`).
    static let replayLimit = 500

    func register(on router: Router<NewsroomRequestContext>) {
        router.get(SiteRoute.pattern(SiteRoute.apiArticleEvents), use: events)
        // HEAD would otherwise run GET and drop its body unread, leaving the stream subscribed for ever.
        router.head(SiteRoute.pattern(SiteRoute.apiArticleEvents)) { _, context -> Response in
            guard let articleID = context.parameters.get("id").flatMap({ Article.ID($0) }), articleID > 0,
                try await articles.pageStamp(id: articleID) != nil
            else { throw NewsroomError(.articleNotFound) }
            return Response(status: .ok, headers: Self.headers)
        }
    }

    static let headers: HTTPFields = [
        .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache, no-store",
        HTTPField.Name("X-Accel-Buffering")!: "no",
    ]

    @Sendable func events(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        guard let articleID = context.parameters.get("id").flatMap({ Article.ID($0) }), articleID > 0,
            try await articles.pageStamp(id: articleID) != nil
        else {
            throw NewsroomError(.articleNotFound)
        }
        // The header comes from a browser reconnecting after a drop; the query, from the page (what it was rendered with).
        let reconnecting = request.headers[.lastEventID] != nil
        let resumeText = request.headers[.lastEventID] ?? request.query(.lastEventID)
        var resumeFrom: ArticleEvent.ID?
        if let resumeText {
            guard let value = ArticleEvent.ID(resumeText), value >= 0 else {
                throw NewsroomError(.invalidField, message: "Last-Event-ID phải là một số.", field: "lastEventId")
            }
            resumeFrom = value
        }
        let address =
            ClientIdentity.address(
                peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[values: ClientIdentity.forwardedFor],
                trusted: trustedProxies) ?? "?"
        // One machine, one count: an IPv6 host holds its whole /64.
        let network = ClientIdentity.network(address)
        let quota = streams
        guard quota.acquire(address: network) else { throw NewsroomError(.overloaded, retryAfter: 30) }
        // Subscribed before reading the log, so nothing falls between the two; what both carry is sent once.
        let (token, stream) = live.subscribe(article: articleID)
        // Given back when the stream ends, or when its body never runs at all (the client left before the head was
        // written): the lease goes with the response.
        let lease = StreamLease { [live] in
            live.unsubscribe(article: articleID, token: token)
            quota.release(address: network)
        }
        let opening: [LiveMessage]
        do {
            opening = try await self.opening(article: articleID, resumingAfter: resumeFrom, lookingBack: reconnecting)
        } catch {
            lease.end()
            throw error
        }
        let headers = Self.headers
        let alreadySent = Set(opening.compactMap(\.id))
        let text = "retry: 2000\n\n" + opening.map(\.text).joined()
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                defer { lease.end() }
                try await writer.write(ByteBuffer(string: text))
                // The server is the first service told to shut down and waits for its open responses: each stream
                // ends itself then, or graceful shutdown would wait for readers who never leave.
                for await message in stream.cancelOnGracefulShutdown() {
                    // Every event is delivered, in the order it committed: where transactions run side by side a
                    // smaller number can come after a larger one. The page applies each idempotently.
                    if let id = message.id, alreadySent.contains(id) { continue }
                    try await writer.write(ByteBuffer(string: message.text))
                }
                try await writer.finish(nil)
            })
    }

    /// What a stream starts with: for a new reader, `ready`; for one resuming, the events after the one it names, or
    /// `reset` when it is too far behind for a replay. A reader reconnecting after a drop (`lookingBack`) also gets
    /// the last few seconds' events numbered before that one: where transactions run side by side they may have
    /// committed after it.
    func opening(article: Article.ID, resumingAfter resumeFrom: ArticleEvent.ID?, lookingBack: Bool) async throws -> [LiveMessage] {
        let events = self.events
        guard let resumeFrom else {
            let latest = try await events.latestID(article: article)
            let count = try await comments.publishedCount(article: article)
            return [LiveMessage(id: latest, event: "ready", data: try LiveEvents.json(LiveEvents.Ready(count: count)))]
        }
        let lateSince = Date().addingTimeInterval(-Self.lateWindow)
        let lookBack = lookingBack ? Self.lateLookBack : 0
        let candidates = try await events.events(
            article: article, after: max(0, resumeFrom - lookBack), limit: Self.replayLimit + Int(Self.lateLookBack))
        let missed = candidates.filter { $0.id > resumeFrom || $0.createdAt > lateSince }
        if candidates.count == Self.replayLimit + Int(Self.lateLookBack) || missed.count >= Self.replayLimit {
            let latest = try await events.latestID(article: article)
            return [LiveMessage(id: latest, event: "reset", data: "{}")]
        }
        var messages: [LiveMessage] = []
        for event in missed {
            if let message = try await live.message(for: event) { messages.append(message) }
        }
        return messages
    }

    /// How far below a reconnecting reader's last event, and how far back in time, to look for events that
    /// committed late (a commit takes milliseconds; the window is generous).
    static let lateLookBack: ArticleEvent.ID = 256
    static let lateWindow: TimeInterval = 5
}

extension HTTPField.Name {
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
}
