import Foundation
import Hummingbird
import NIOCore
import NewsroomCore
import NewsroomStorage

/// What operators and load balancers ask: is the process up (`/healthz`), can it serve (`/readyz`), and how is it
/// doing (`/metrics`, only to the addresses allowed).
struct OperationsController {
    let database: any Database
    let trustedProxies: [CIDR]
    /// Who may read `/metrics`.
    let metricsAllow: [CIDR]
    /// The metrics page, its gauges read at the time of asking.
    let metrics: @Sendable () async -> ByteBuffer

    func register(on router: Router<NewsroomRequestContext>) {
        // Liveness: the process answers. It never touches the database, so a database outage does not get the
        // process restarted (that is readiness's business).
        router.get(SiteRoute.healthz.pattern) { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.get(SiteRoute.readyz.pattern) { _, _ -> Response in
            try await readiness()
        }
        router.get(SiteRoute.metrics.pattern) { request, context -> Response in
            let address = ClientIdentity.address(
                peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[values: ClientIdentity.forwardedFor],
                trusted: trustedProxies)
            guard let address, metricsAllow.contains(where: { $0.contains(address) }) else {
                throw NewsroomError(.notFound)
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: await metrics()))
        }
    }

    /// 200 when the database answers within a second and can take writes; 503 with the reason otherwise, so a load
    /// balancer sends readers elsewhere.
    private func readiness() async throws -> Response {
        struct Ready: Encodable {
            var ready: Bool
            var reason: String?
            var message: String?
        }
        let failure = await database.readiness(within: .seconds(1))
        let body = Ready(ready: failure == nil, reason: failure?.reason, message: failure?.detail)
        var response = try Responses.json(body, status: failure == nil ? .ok : .serviceUnavailable)
        if failure != nil { response.headers[.retryAfter] = "5" }
        return response
    }
}
