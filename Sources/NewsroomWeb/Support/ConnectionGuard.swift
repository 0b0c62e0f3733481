import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NewsroomCore
import Synchronization

/// How long a connection may take over each part of a request, and how many may be open at once.
public struct ConnectionLimits: Sendable {
    /// A new connection must have sent a whole request head within this time.
    public var headerTimeout: TimeAmount = .seconds(10)
    /// After a response, the next request head must arrive within this time (keep-alive).
    public var idleTimeout: TimeAmount = .seconds(60)
    /// Once its head has arrived, a request's body must have arrived within this time.
    public var bodyTimeout: TimeAmount = .seconds(60)
    /// Connections open at once; beyond, a new one is answered 503 and closed. Keep it below the descriptor limit.
    public var maxConnections: Int

    public init(maxConnections: Int = ConnectionLimits.defaultMaxConnections()) {
        self.maxConnections = maxConnections
    }

    /// The process's descriptor limit less a reserve for the database, its journal and the files served.
    public static func defaultMaxConnections() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < 1 << 40 else { return 10_000 }
        let descriptors = Int(clamping: limit.rlim_cur)
        return max(8, descriptors - max(64, descriptors / 8))
    }

    /// Raises the soft descriptor limit to the hard one, as servers do; the answer is the soft limit now in force.
    @discardableResult
    public static func raiseDescriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }
}

/// Counts the connections open across the server.
final class ConnectionCounter: Sendable {
    private let open = Atomic<Int>(0)
    let limits: ConnectionLimits

    init(limits: ConnectionLimits) { self.limits = limits }

    var count: Int { open.load(ordering: .relaxed) }

    /// Counts one more; false when that passes the limit (the count is then left unchanged).
    func admit() -> Bool {
        let now = open.wrappingAdd(1, ordering: .relaxed).newValue
        if now > limits.maxConnections {
            open.wrappingSubtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    func release() { open.wrappingSubtract(1, ordering: .relaxed) }
}

/// One per connection, after the HTTP decoder: refuses connections past the cap and closes those that take too long
/// to send a request (an idle socket, a request line or header dripped byte by byte, a body that never comes).
/// While a request is being answered no timer runs: an event stream may stay open for hours.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let counter: ConnectionCounter
    private var admitted = false
    private var refused = false
    private var timer: Scheduled<Void>?
    /// Runs while the client reads nothing of what it is sent (the socket's buffer full): a slow reader holds a
    /// connection no longer than a slow writer.
    private var stall: Scheduled<Void>?
    /// Requests whose head has arrived and whose response has not ended.
    private var inFlight = 0
    private var readingBody = false

    init(counter: ConnectionCounter) { self.counter = counter }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    /// Counts the connection once it is active (writes fail before), or refuses it.
    private func start(_ context: ChannelHandlerContext) {
        guard !admitted, !refused else { return }
        guard counter.admit() else {
            refused = true
            // Too many connections: say so, then hang up, before anything else is read.
            let body = Responses.errorBody(NewsroomError(.overloaded))
            var fields = HTTPFields()
            fields[.contentType] = "application/json; charset=utf-8"
            fields[.contentLength] = String(body.readableBytes)
            fields[.retryAfter] = "5"
            fields[.connection] = "close"
            context.write(wrapOutboundOut(.head(HTTPResponse(status: .serviceUnavailable, headerFields: fields))), promise: nil)
            context.write(wrapOutboundOut(.body(body)), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            context.close(promise: nil)
            return
        }
        admitted = true
        arm(context, counter.limits.headerTimeout)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimer()
        cancelStall()
        releaseOnce()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelTimer()
        cancelStall()
        releaseOnce()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        switch unwrapInboundIn(data) {
        case .head:
            inFlight += 1
            readingBody = true
            arm(context, counter.limits.bodyTimeout)
        case .body:
            break
        case .end:
            readingBody = false
            // The answer may have gone before the body was read (a 404 or 415 does not wait for it): then the
            // connection is idle from now on, and must not be left without a timer.
            if inFlight == 0 { arm(context, counter.limits.idleTimeout) } else { cancelTimer() }
        }
        context.fireChannelRead(data)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        cancelStall()
        if !context.channel.isWritable { armStall(context, buffered: Self.buffered(context)) }
        context.fireChannelWritabilityChanged()
    }

    /// Bytes written but not yet taken by the client.
    private static func buffered(_ context: ChannelHandlerContext) -> Int {
        (try? context.channel.syncOptions?.getOption(.bufferedWritableBytes)) ?? 0
    }

    /// Closes the connection if, an idle time-out from now, the client has taken none of what waits for it; a slow
    /// reader that makes progress (a large page over a poor line) is given another period.
    private func armStall(_ context: ChannelHandlerContext, buffered: Int) {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        stall = context.eventLoop.scheduleTask(in: counter.limits.idleTimeout) {
            let (handler, context) = loopBound.value
            handler.stall = nil
            guard !context.channel.isWritable else { return }
            let now = Self.buffered(context)
            if now < buffered { handler.armStall(context, buffered: now) } else { context.close(promise: nil) }
        }
    }

    /// A request head the parser cannot read is answered here, with the error table's JSON, since no route will
    /// see it; a broken body reaches the route reading it, which answers the same way.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError, inFlight == 0, !refused else {
            context.fireErrorCaught(error)
            return
        }
        refused = true
        cancelTimer()
        let body = Responses.errorBody(NewsroomError(.malformedRequest))
        var fields = HTTPFields()
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.contentLength] = String(body.readableBytes)
        fields[.connection] = "close"
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .badRequest, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.close(promise: nil)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), !refused {
            inFlight = max(0, inFlight - 1)
            if inFlight == 0 && !readingBody { arm(context, counter.limits.idleTimeout) }
        }
        context.write(data, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext, _ timeout: TimeAmount) {
        cancelTimer()
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: timeout) { loopBound.value.close(promise: nil) }
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
    }

    private func cancelStall() {
        stall?.cancel()
        stall = nil
    }

    private func releaseOnce() {
        if admitted {
            admitted = false
            counter.release()
        }
    }
}
