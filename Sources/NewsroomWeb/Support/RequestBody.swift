import Foundation
import Hummingbird
import NIOCore
import NewsroomCore

/// Reading what a client sent, with the error table's answers for what cannot be read.
enum RequestBody {
    /// The most a comment request may send (DESIGN.md: 413 `body_too_large` above 64 KiB).
    static let maxSize = 64 * 1024

    /// The body as UTF-8 text; throws `body_too_large` or `invalid_utf8`.
    static func text(of request: inout Request) async throws -> String {
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxSize)
        } catch is NIOTooManyBytesError {
            throw NewsroomError(.bodyTooLarge)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw NewsroomError(.bodyTooLarge)
        }
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw NewsroomError(.invalidUTF8)
        }
        return text
    }

    /// Refuses a request to a JSON endpoint whose declared type is not JSON (415 `unsupported_media_type`). Another
    /// site's page can send `text/plain` or a form without asking first; `application/json` needs the browser's
    /// preflight, which this site never grants.
    static func requireJSON(_ request: Request) throws {
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard let type, type == "application/json" || (type.hasPrefix("application/") && type.hasSuffix("+json")) else {
            throw NewsroomError(.unsupportedMediaType)
        }
    }

    /// The body of a JSON endpoint decoded: 415 for another content type, then as `json(_:from:)`.
    static func json<T: Decodable>(_ type: T.Type, of request: inout Request) async throws -> T {
        try requireJSON(request)
        return try json(type, from: try await text(of: &request))
    }

    /// Decodes a JSON object; throws `invalid_json` for what is not JSON, `invalid_field` naming a field of the
    /// wrong type.
    static func json<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch let DecodingError.typeMismatch(_, context) where !context.codingPath.isEmpty {
            throw NewsroomError(.invalidField, message: invalidFieldMessage(context.codingPath), field: fieldName(context.codingPath))
        } catch let DecodingError.valueNotFound(_, context) where !context.codingPath.isEmpty {
            throw NewsroomError(.invalidField, message: invalidFieldMessage(context.codingPath), field: fieldName(context.codingPath))
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw NewsroomError(.invalidField, message: invalidFieldMessage(context.codingPath), field: fieldName(context.codingPath))
        } catch {
            throw NewsroomError(.invalidJSON)
        }
    }

    private static func fieldName(_ path: [any CodingKey]) -> String {
        path.map(\.stringValue).joined(separator: ".")
    }

    private static func invalidFieldMessage(_ path: [any CodingKey]) -> String {
        "Trường \"\(fieldName(path))\" có kiểu dữ liệu không hợp lệ."
    }

    /// The body of a form (`application/x-www-form-urlencoded`), as `text(of:)` reads it and `form(from:)` parses it.
    static func form(of request: Request) async throws -> [String: String] {
        Dictionary(try await formPairs(of: request), uniquingKeysWith: { first, _ in first })
    }

    /// Every name/value pair of a form's body in order, repeated names included.
    static func formPairs(of request: Request) async throws -> [(String, String)] {
        var request = request
        return try formPairs(from: try await text(of: &request))
    }

    /// The body of a JSON endpoint decoded (the request itself is left as it was).
    static func json<T: Decodable>(_ type: T.Type, of request: Request) async throws -> T {
        var request = request
        return try await json(type, of: &request)
    }

    /// Parses `application/x-www-form-urlencoded`; throws `invalid_utf8` when a decoded value is not UTF-8.
    static func form(from text: String) throws -> [String: String] {
        Dictionary(try formPairs(from: text), uniquingKeysWith: { first, _ in first })
    }

    /// The query string of a GET form as a browser sends it (spaces as `+`), decoded; the first value of each name wins.
    /// Hummingbird's `queryParameters` leave `+` as it is. A broken escape is 400, never a silently empty query.
    static func query(of request: Request) throws -> [String: String] {
        guard let query = request.uri.query else { return [:] }
        return Dictionary(try formPairs(from: query), uniquingKeysWith: { first, _ in first })
    }

    /// Every name/value pair in order, repeated names included (the desk's `ids` checkboxes).
    static func formPairs(from text: String) throws -> [(String, String)] {
        try text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (try percentDecoded(parts[0]), parts.count > 1 ? try percentDecoded(parts[1]) : "")
        }
    }

    private static func percentDecoded(_ text: Substring) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw NewsroomError(.invalidField, message: "Dữ liệu biểu mẫu bị lỗi mã hóa.")
                }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { throw NewsroomError(.invalidUTF8) }
        // No form has a NUL in it, and the shared database server cannot store one: a client error, not a database
        // one.
        guard !bytes.contains(0) else { throw NewsroomError(.invalidField, message: "Dữ liệu gửi lên có ký tự NUL.") }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
