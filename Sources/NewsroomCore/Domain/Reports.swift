import Foundation

/// Why a reader reports a comment ("Báo cáo vi phạm").
public enum ReportReason: String, Sendable, CaseIterable, Codable {
    case spam
    case offensive = "xuc-pham"
    case falseInformation = "sai-su-that"
    case other = "khac"

    public var label: String {
        switch self {
        case .spam: "Quảng cáo, spam"
        case .offensive: "Xúc phạm, thô tục"
        case .falseInformation: "Thông tin sai sự thật"
        case .other: "Lý do khác"
        }
    }
}

/// Reports, bans and the history that earns trust.
public protocol ReaderStandingRepository: Sendable {
    /// Records a client's report of a published comment (once per client; `address` is the keyed hash of its
    /// address, which files at most `perAddress` reports on a comment a day); when reports since the last approval come from `threshold` distinct addresses, the comment goes
    /// back to the queue (pending). Returns the reports since the last approval, nil when no published comment has
    /// this id.
    func report(
        comment: Comment.ID, client: String, address: String, perAddress: Int, reason: ReportReason, threshold: Int, at date: Date
    ) async throws -> Int?

    /// Bans the e-mail (when given) and the client of a comment, and rejects it; false when there is no comment.
    func ban(comment: Comment.ID, by staff: StaffMember, at date: Date) async throws -> Bool

    /// Whether this e-mail or client is banned.
    func isBanned(email: String?, client: String) async throws -> Bool

    /// How many of this e-mail's comments were published.
    func publishedCount(email: String) async throws -> Int

    /// Deletes rejected and spam comments created before `date`; returns how many.
    func deleteRejected(before date: Date) async throws -> Int
}
