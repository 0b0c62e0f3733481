import Foundation
import Hummingbird
import Metrics
import NIOCore
import NewsroomCore
import NewsroomStorage
import Prometheus
import Synchronization

/// What `/metrics` shows, in Prometheus' text format. The code counts through swift-metrics; one Prometheus registry
/// per process is its back end. Gauges that describe the database (the queue, the last backup) are read when the
/// page is asked for, so nothing polls between scrapes.
public enum Telemetry {
    /// Installs the registry as swift-metrics' back end; `serve` calls it before anything counts. Idempotent.
    public static func install() { _ = registry }

    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(250), .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
            .seconds(10),
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// What became of a reader's comment, for `newsroom_comments_total{outcome}`.
    enum CommentOutcome: String, CaseIterable {
        case published, held, invalid, failed
        /// A word rule, a ban or a duplicate refused it.
        case refused
        case rateLimited = "rate_limited"
    }

    /// One counter per outcome, made once (a lookup in the registry takes its lock).
    private static let comments = Dictionary(
        uniqueKeysWithValues: CommentOutcome.allCases.map {
            ($0, Metrics.Counter(label: "newsroom_comments_total", dimensions: [("outcome", $0.rawValue)]))
        })

    static func comment(_ outcome: CommentOutcome) { comments[outcome]?.increment() }

    static let cacheHits = Metrics.Counter(label: "newsroom_page_cache_hits_total")
    static let cacheMisses = Metrics.Counter(label: "newsroom_page_cache_misses_total")

    /// The text of `/metrics`, after reading the gauges that come from the database.
    static func page(services: Services) async -> ByteBuffer {
        install()
        Metrics.Gauge(label: "newsroom_event_streams_open").record(services.streams.open)
        if let queue = try? await services.store.moderation.queueSummary() {
            Metrics.Gauge(label: "newsroom_moderation_queue_size").record(queue.count)
            Metrics.Gauge(label: "newsroom_moderation_queue_oldest_seconds").record(
                queue.oldest.map { max(0, services.now().timeIntervalSince($0)) } ?? 0)
        }
        if let backups = try? await services.store.site.lastBackups() {
            Metrics.Gauge(label: "newsroom_last_backup_timestamp_seconds").record(backups.lastGood?.finishedAt.timeIntervalSince1970 ?? 0)
            Metrics.Gauge(label: "newsroom_last_backup_success").record(backups.last.map { $0.succeeded ? 1 : 0 } ?? 0)
        }
        return ByteBuffer(bytes: registry.emitToBuffer())
    }
}

/// Counts every request by method, route pattern (never the raw path: one series per route, whatever is asked) and
/// status, and times it. Outermost, so it sees the status the error middleware chose.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = NewsroomRequestContext

    private let series = Series()

    private struct Key: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    /// The counter and timer of each series, made once (a lookup in the registry takes its lock).
    private final class Series: Sendable {
        let known = Mutex<[Key: (count: Metrics.Counter, time: Metrics.Timer)]>([:])
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let key = Key(method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: response.status.code)
        let metrics = series.known.withLock { series in
            if let metrics = series[key] { return metrics }
            let metrics = (
                Metrics.Counter(
                    label: "newsroom_http_requests_total",
                    dimensions: [("method", key.method), ("route", key.route), ("status", String(key.status))]),
                Metrics.Timer(label: "newsroom_http_request_duration_seconds", dimensions: [("method", key.method), ("route", key.route)])
            )
            series[key] = metrics
            return metrics
        }
        metrics.count.increment()
        metrics.time.record(duration: start.duration(to: .now))
        return response
    }
}
