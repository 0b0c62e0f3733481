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

    /// The JSON body of an error, `{"error": {"code", "message", "field"}}`; also written by the connection guard,
    /// outside any route.
    static func errorBody(_ error: NewsroomError) -> ByteBuffer {
        struct Body: Encodable {
            struct Detail: Encodable {
                var code: String
                var message: String
                var field: String?
            }
            var error: Detail
        }
        let body = Body(error: .init(code: error.code.rawValue, message: error.message, field: error.field))
        let data: Data = (try? encoder.encode(body)) ?? Data(#"{"error":{"code":"internal_error"}}"#.utf8)
        return ByteBuffer(bytes: data)
    }

    /// An error as JSON, with `Retry-After` when it has one.
    static func jsonError(_ error: NewsroomError) -> Response {
        var response = json(body: errorBody(error), status: .init(code: error.status))
        if let retryAfter = error.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }
}
