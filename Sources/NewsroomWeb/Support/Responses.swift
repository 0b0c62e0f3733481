import Foundation
import Hummingbird
import NewsroomCore

/// Building responses: HTML pages, JSON and redirects.
enum Responses {
    static func html(_ node: Node, status: HTTPResponse.Status = .ok) -> Response {
        html(ByteBuffer(bytes: node.render()), status: status)
    }

    static func html(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
            body: .init(byteBuffer: body))
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        json(body: ByteBuffer(bytes: try encoder.encode(value)), status: status)
    }

    static func json(body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: body))
    }

    static func redirect(to location: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.location: location])
    }

    /// The JSON body of an error: `{"error": {"code": "...", "message": "..."}}`.
    static func jsonError(_ error: NewsroomError) -> Response {
        struct Body: Encodable {
            struct Detail: Encodable {
                var code: String
                var message: String
                var field: String?
            }
            var error: Detail
        }
        var response =
            (try? json(
                Body(error: .init(code: error.code.rawValue, message: error.message, field: error.field)),
                status: .init(code: error.status)))
            ?? Response(status: .internalServerError)
        if let retryAfter = error.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }
}
