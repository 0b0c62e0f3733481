import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import NewsroomCore

/// A `multipart/form-data` body (the article form, which carries the cover image), parsed with MultipartKit's parser.
struct MultipartForm {
    /// The most the article form may send: the text and one cover image.
    static let maxSize = 8 * 1024 * 1024

    struct Part {
        var filename: String?
        var contentType: String?
        var body: ByteBuffer
    }

    var parts: [(name: String, part: Part)] = []

    /// The first text field of this name, as UTF-8; throws `invalid_utf8` for other bytes.
    func text(_ name: String) throws -> String? {
        guard let part = parts.first(where: { $0.name == name })?.part else { return nil }
        guard let text = String(validating: part.body.readableBytesView, as: UTF8.self) else { throw NewsroomError(.invalidUTF8) }
        return text
    }

    /// The uploaded file of this name; nil when the field is missing or no file was chosen.
    func file(_ name: String) -> Part? {
        guard let part = parts.first(where: { $0.name == name })?.part, part.body.readableBytes > 0,
            part.filename.map({ !$0.isEmpty }) ?? false
        else { return nil }
        return part
    }

    /// Reads and parses the request's body (which stays readable for the next reader); throws `body_too_large` or
    /// `invalid_field` for a body that is not multipart.
    static func read(_ request: inout Request) async throws -> MultipartForm {
        guard let contentType = request.headers[.contentType], let boundary = boundary(contentType) else {
            throw NewsroomError(.invalidField, message: "Biểu mẫu phải được gửi dạng multipart/form-data.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxSize)
        } catch is NIOTooManyBytesError {
            throw NewsroomError(.bodyTooLarge, message: "Dữ liệu gửi lên quá lớn (tối đa 8 MB).")
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw NewsroomError(.bodyTooLarge, message: "Dữ liệu gửi lên quá lớn (tối đa 8 MB).")
        }
        return try parse(buffer, boundary: boundary)
    }

    static func parse(_ buffer: ByteBuffer, boundary: String) throws -> MultipartForm {
        var form = MultipartForm()
        var headers: [(String, String)] = []
        var body = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { headers.append(($0, $1)) }
        parser.onBody = { body.writeBuffer(&$0) }
        parser.onPartComplete = {
            let disposition = headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            let parameters = Self.parameters(disposition)
            if let name = parameters["name"] {
                let type = headers.first { $0.0.lowercased() == "content-type" }?.1
                form.parts.append((name, Part(filename: parameters["filename"], contentType: type, body: body)))
            }
            headers = []
            body = ByteBuffer()
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw NewsroomError(.invalidField, message: "Dữ liệu biểu mẫu bị lỗi.")
        }
        return form
    }

    /// `multipart/form-data; boundary=----x` → `----x`.
    static func boundary(_ contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        return parameters(contentType)["boundary"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The `key=value` parameters of a header value, quotes removed.
    static func parameters(_ value: String) -> [String: String] {
        var result: [String: String] = [:]
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            result[pair[0].trimmingCharacters(in: .whitespaces).lowercased()] = value
        }
        return result
    }
}
