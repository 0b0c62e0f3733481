import Foundation
import Testing

@testable import NewsroomCore

@Suite("Error codes, statuses and messages")
struct NewsroomErrorTests {
    /// DESIGN.md's error table, written out independently of the code under test.
    static let designTable: [String: Int] = [
        "invalid_json": 400, "invalid_utf8": 400, "invalid_field": 400,
        "unauthenticated": 401,
        "forbidden": 403, "csrf_invalid": 403,
        "article_not_found": 404, "comment_not_found": 404, "not_found": 404,
        "duplicate_comment": 409,
        "body_too_large": 413,
        "comment_empty": 422, "comment_too_long": 422, "author_missing": 422, "author_too_long": 422,
        "email_invalid": 422, "parent_invalid": 422, "comment_rejected": 422, "comments_closed": 422,
        "rate_limited": 429,
    ]

    /// The editors' desk's own codes (issue 7, listed in the README): its forms answer with them.
    static let deskTable: [String: Int] = ["slug_taken": 409, "article_invalid": 422, "media_invalid": 422]

    /// Codes DESIGN.md's second round adds ("New error codes"), as far as they exist.
    static let secondRoundTable: [String: Int] = [
        "invalid_text": 422, "malformed_request": 400, "unsupported_media_type": 415, "overloaded": 503,
        "database_unavailable": 503, "storage_full": 507,
    ]

    @Test("every code of the design's table exists with its status")
    func designTableCodesExist() throws {
        for (raw, status) in Self.designTable.merging(Self.secondRoundTable, uniquingKeysWith: { first, _ in first }) {
            let code = try #require(NewsroomError.Code(rawValue: raw), "missing code \(raw)")
            #expect(code.status == status, "\(raw)")
            #expect(NewsroomError(code).status == status, "\(raw)")
        }
    }

    @Test("every code is in the design's table, except the internal error answered with 500")
    func everyCodeIsDocumented() {
        for code in NewsroomError.Code.allCases {
            if code == .internalError {
                #expect(code.status == 500)
                #expect(code.rawValue == "internal_error")
            } else {
                let documented = Self.designTable[code.rawValue] ?? Self.deskTable[code.rawValue] ?? Self.secondRoundTable[code.rawValue]
                #expect(documented == code.status, "\(code.rawValue)")
            }
        }
        #expect(NewsroomError.Code.allCases.count == Self.designTable.count + Self.deskTable.count + Self.secondRoundTable.count + 1)
    }

    @Test("codes are snake_case as the JSON API writes them")
    func rawValuesAreSnakeCase() {
        for code in NewsroomError.Code.allCases {
            #expect(code.rawValue.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }, "\(code.rawValue)")
            #expect(code.rawValue.first?.isLetter == true && !code.rawValue.hasSuffix("_"), "\(code.rawValue)")
        }
    }

    @Test("every code has its own non-empty Vietnamese default message", arguments: NewsroomError.Code.allCases)
    func defaultMessage(code: NewsroomError.Code) {
        let message = Strings.message(for: code)
        #expect(!message.trimmingCharacters(in: .whitespaces).isEmpty)
        // Vietnamese with its diacritics, not an English placeholder.
        #expect(message.unicodeScalars.contains { $0.value > 0x7F })
        #expect(message.first?.isUppercase == true)
        #expect(message.hasSuffix("."))
        #expect(NewsroomError(code).message == message)
    }

    @Test("default messages are all different")
    func messagesDiffer() {
        let messages = NewsroomError.Code.allCases.map(Strings.message(for:))
        #expect(Set(messages).count == messages.count)
    }

    @Test("an explicit message, field and retry time are kept")
    func explicitValues() {
        let error = NewsroomError(.rateLimited, message: "Đợi 30 giây.", field: "body", retryAfter: 30)
        #expect(error.code == .rateLimited)
        #expect(error.message == "Đợi 30 giây.")
        #expect(error.field == "body")
        #expect(error.retryAfter == 30)
        #expect(error.status == 429)
        #expect(error.description == "rate_limited: Đợi 30 giây.")
    }

    @Test("an error built from a code alone has no field and no retry time")
    func defaults() {
        let error = NewsroomError(.commentsClosed)
        #expect(error.field == nil)
        #expect(error.retryAfter == nil)
        #expect(error.message == Strings.message(for: .commentsClosed))
    }

    @Test("the too-long messages write numbers with thousands dots")
    func tooLongMessages() {
        #expect(Strings.tooLong(1612, limit: 1500).hasPrefix("Bình luận dài 1.612 ký tự, tối đa 1.500 ký tự."))
        #expect(Strings.authorTooLong(61, limit: 50) == "Tên hiển thị dài 61 ký tự, tối đa 50 ký tự.")
        #expect(Strings.maxLength(1500) == "Tối đa: 1500 ký tự")
        #expect(Strings.commentCount(1234) == "1.234 bình luận")
        #expect(Strings.fill(Strings.remainingTemplate, ["n": "1.488"]) == "Còn 1.488 ký tự")
    }
}
