/// What a reader sent to create a comment, before any rule has looked at it.
public struct CommentSubmission: Sendable, Equatable {
    public var author: String
    public var email: String
    public var body: String
    /// The comment being answered (any comment of the thread), nil for a new thread.
    public var parentID: Comment.ID?
    /// The honeypot field: people leave it empty, form-filling robots do not.
    public var website: String
    /// Set by the web layer when the host site of embedded comments signed the reader in: `author` and `email` are
    /// then the ones it vouches for.
    public var verified = false

    public init(author: String, email: String = "", body: String, parentID: Comment.ID? = nil, website: String = "") {
        self.author = author
        self.email = email
        self.body = body
        self.parentID = parentID
        self.website = website
    }
}

/// A submission that passed the field rules: cleaned (no invisible characters but the joiners of emoji), NFC,
/// within limits, no letter buried under combining marks.
public struct ValidComment: Sendable, Equatable {
    public var author: String
    public var email: String?
    public var body: String
    public var parentID: Comment.ID?
    public var verified = false
}

/// The limits of the comment box.
public enum CommentLimits {
    /// "Tối đa: 1500 ký tự", in visible characters.
    public static let bodyMaxLength = 1500
    public static let authorMaxLength = 50
    public static let emailMaxLength = 254
    /// Replies shown under each top-level comment before "Xem thêm trả lời".
    public static let repliesPerThread = 5
    public static let defaultPageSize = 20
    public static let maxPageSize = 100
    /// Featured comments an article shows at most: featuring one more takes the mark off the one featured longest ago.
    public static let maxFeatured = 10
}

extension CommentSubmission {
    /// Applies the field rules; throws the first `NewsroomError` a reader has to fix, with its field.
    public func validated() throws(NewsroomError) -> ValidComment {
        guard website.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw NewsroomError(.commentRejected)
        }
        let author = try Self.checked(
            VietnameseText.cleanedLine(author), field: "author", missing: .authorMissing,
            tooLong: {
                NewsroomError(.authorTooLong, message: Strings.authorTooLong($0, limit: CommentLimits.authorMaxLength), field: "author")
            },
            limit: CommentLimits.authorMaxLength)
        let email = VietnameseText.cleanedLine(email)
        if !email.isEmpty && !EmailAddress.isPlausible(email) {
            throw NewsroomError(.emailInvalid, field: "email")
        }
        let body = try Self.checked(
            VietnameseText.cleanedMultiline(body), field: "body", missing: .commentEmpty,
            tooLong: { NewsroomError(.commentTooLong, message: Strings.tooLong($0, limit: CommentLimits.bodyMaxLength), field: "body") },
            limit: CommentLimits.bodyMaxLength)
        return ValidComment(author: author, email: email.isEmpty ? nil : email, body: body, parentID: parentID, verified: verified)
    }

    /// A cleaned field that must not be empty, must be typeable and must fit `limit` visible characters.
    private static func checked(
        _ text: String, field: String, missing: NewsroomError.Code, tooLong: (Int) -> NewsroomError, limit: Int
    ) throws(NewsroomError) -> String {
        guard !text.isEmpty else { throw NewsroomError(missing, field: field) }
        guard VisibleText.isTypeable(text) else { throw NewsroomError(.invalidText, field: field) }
        guard text.count <= limit else { throw tooLong(text.count) }
        return text
    }
}

/// The e-mail check a comment box can afford: shape only; nobody is mailed.
enum EmailAddress {
    static func isPlausible(_ address: String) -> Bool {
        guard address.count <= CommentLimits.emailMaxLength, !address.contains(where: \.isWhitespace) else {
            return false
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }
}
