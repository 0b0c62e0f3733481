import HTTPTypes
import Hummingbird

/// Headers every response carries so that a browser refuses what Newsroom never sends: inline or foreign script,
/// plugins, a `<base>` that moves links, framing by another site, and content sniffed as another type.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = NewsroomRequestContext

    /// No inline script and no script from elsewhere: the pages' only scripts are the site's own files. JSON data
    /// blocks (`type="application/json"`, JSON-LD) are not script and need no allowance.
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' https: data:", "font-src 'self'",
        "connect-src 'self'", "media-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
        "frame-ancestors 'self'",
    ].joined(separator: "; ")

    static let headers: HTTPFields = [
        .contentSecurityPolicy: contentSecurityPolicy,
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "strict-origin-when-cross-origin",
        HTTPField.Name("X-Frame-Options")!: "SAMEORIGIN",
        HTTPField.Name("Cross-Origin-Opener-Policy")!: "same-origin",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for field in Self.headers where response.headers[field.name] == nil { response.headers.append(field) }
        return response
    }
}
