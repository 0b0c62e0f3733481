/// Every error a reader or client can be told about: an HTTP status, a machine-readable code and a
/// Vietnamese message. The web layer turns it into JSON or an HTML page; nothing else decides statuses.
public struct NewsroomError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        case invalidJSON = "invalid_json"
        case invalidUTF8 = "invalid_utf8"
        case invalidField = "invalid_field"
        case malformedRequest = "malformed_request"
        case unauthenticated
        case forbidden
        case csrfInvalid = "csrf_invalid"
        case articleNotFound = "article_not_found"
        case commentNotFound = "comment_not_found"
        case notFound = "not_found"
        case duplicateComment = "duplicate_comment"
        case bodyTooLarge = "body_too_large"
        case commentEmpty = "comment_empty"
        case commentTooLong = "comment_too_long"
        case authorMissing = "author_missing"
        case authorTooLong = "author_too_long"
        case emailInvalid = "email_invalid"
        case invalidText = "invalid_text"
        case parentInvalid = "parent_invalid"
        case commentRejected = "comment_rejected"
        case commentsClosed = "comments_closed"
        case slugTaken = "slug_taken"
        case articleInvalid = "article_invalid"
        case mediaInvalid = "media_invalid"
        case unsupportedMediaType = "unsupported_media_type"
        case rateLimited = "rate_limited"
        case overloaded
        case databaseUnavailable = "database_unavailable"
        case storageFull = "storage_full"
        case internalError = "internal_error"

        /// The HTTP status this code is answered with.
        public var status: Int {
            switch self {
            case .invalidJSON, .invalidUTF8, .invalidField, .malformedRequest: 400
            case .unauthenticated: 401
            case .forbidden, .csrfInvalid: 403
            case .articleNotFound, .commentNotFound, .notFound: 404
            case .duplicateComment, .slugTaken: 409
            case .bodyTooLarge: 413
            case .commentEmpty, .commentTooLong, .authorMissing, .authorTooLong, .emailInvalid, .invalidText, .parentInvalid,
                .commentRejected, .commentsClosed, .articleInvalid, .mediaInvalid:
                422
            case .unsupportedMediaType: 415
            case .rateLimited: 429
            case .overloaded, .databaseUnavailable: 503
            case .storageFull: 507
            case .internalError: 500
            }
        }
    }

    public var code: Code
    public var message: String
    /// The form field the error is about, so a form can show it next to the field.
    public var field: String?
    /// Seconds a client should wait before trying again (429, 503 and 507).
    public var retryAfter: Int?

    public init(_ code: Code, message: String? = nil, field: String? = nil, retryAfter: Int? = nil) {
        self.code = code
        self.message = message ?? Strings.message(for: code)
        self.field = field
        self.retryAfter = retryAfter
    }

    public var status: Int { code.status }
    public var description: String { "\(code.rawValue): \(message)" }
}
