import HTTPTypes
import Hummingbird
import NewsroomCore

/// Headers every response carries so that a browser refuses what Newsroom never sends: inline or foreign script,
/// plugins, a `<base>` that moves links, framing by another site, and content sniffed as another type.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = NewsroomRequestContext

    /// No inline script and no script from elsewhere: the pages' only scripts are the site's own files. JSON data
    /// blocks (`type="application/json"`, JSON-LD) are not script and need no allowance.
    static let contentSecurityPolicy = policy(frameAncestors: ["'self'"])

    /// The policy with the pages that may frame this one: the site itself, or for an embedded comment section the
    /// sites allowed to embed it.
    static func policy(frameAncestors: [String]) -> String {
        [
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' https: data:", "font-src 'self'",
            "connect-src 'self'", "media-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
            // Frames only of the video players an article's placeholder loads when the reader clicks it.
            "frame-src " + VideoLink.playerOrigins.joined(separator: " "),
            "frame-ancestors " + (frameAncestors.isEmpty ? "'none'" : frameAncestors.joined(separator: " ")),
        ].joined(separator: "; ")
    }

    /// Marks a response whose framing its CSP already decides (`frame-ancestors`): `X-Frame-Options`, which knows no
    /// list of sites, is then left out.
    static let framedByPolicy = HTTPField.Name("X-Newsroom-Framed")!

    static let headers: HTTPFields = [
        .contentSecurityPolicy: contentSecurityPolicy,
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "strict-origin-when-cross-origin",
        HTTPField.Name("X-Frame-Options")!: "SAMEORIGIN",
        HTTPField.Name("Cross-Origin-Opener-Policy")!: "same-origin",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        let framed = response.headers[Self.framedByPolicy] != nil
        response.headers[Self.framedByPolicy] = nil
        for field in Self.headers where response.headers[field.name] == nil {
            if framed, field.name.rawName == "X-Frame-Options" { continue }
            response.headers.append(field)
        }
        return response
    }
}
