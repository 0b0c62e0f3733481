import Foundation

/// What a member of staff may do. Admins do everything; moderators work the moderation desk; editors write
/// articles (with the editing desk) and may not moderate.
public enum StaffRole: String, Sendable, Codable, CaseIterable {
    case admin, editor, moderator

    /// Whether this role may see and act on the moderation desk (editors write articles; they do not moderate).
    public var canModerate: Bool { self != .editor }

    /// Whether this role may write and publish articles (moderators do not).
    public var canEdit: Bool { self != .moderator }

    /// Vietnamese name of the role, for pages.
    public var label: String {
        switch self {
        case .admin: "Quản trị"
        case .editor: "Biên tập viên"
        case .moderator: "Kiểm duyệt viên"
        }
    }
}

/// A member of the newsroom's staff.
public struct StaffMember: Sendable, Equatable, Identifiable, Codable {
    public typealias ID = Int64

    public var id: ID
    public var email: String
    public var role: StaffRole
    public var disabled: Bool
    public var createdAt: Date

    public init(id: ID, email: String, role: StaffRole, disabled: Bool = false, createdAt: Date) {
        self.id = id
        self.email = email
        self.role = role
        self.disabled = disabled
        self.createdAt = createdAt
    }
}

/// The rules for staff e-mails and passwords.
public enum StaffRules {
    public static let minimumPasswordLength = 10

    /// The e-mail as stored: trimmed, NFC, lowercased; nil when it is not an e-mail address.
    public static func normalizedEmail(_ email: String) -> String? {
        let cleaned = VietnameseText.cleanedLine(email).lowercased()
        return EmailAddress.isPlausible(cleaned) ? cleaned : nil
    }

    /// Why a password cannot be used, or nil when it can.
    public static func passwordProblem(_ password: String) -> String? {
        if password.count < minimumPasswordLength {
            return "Mật khẩu cần ít nhất \(minimumPasswordLength) ký tự."
        }
        if password.utf8.count > 72 {
            // bcrypt reads only the first 72 bytes: a longer password would be silently cut.
            return "Mật khẩu dài quá 72 byte (bcrypt chỉ đọc 72 byte đầu)."
        }
        return nil
    }
}

/// Where staff accounts are kept. Password hashes only: no password is ever stored or logged in clear.
public protocol StaffRepository: Sendable {
    /// Creates an account; throws `StaffError.exists` when the e-mail is taken.
    func add(email: String, role: StaffRole, passwordHash: String, at date: Date) async throws -> StaffMember

    /// The account with this e-mail and its password hash, or nil.
    func credentials(email: String) async throws -> (member: StaffMember, passwordHash: String)?

    /// The account with this id, or nil.
    func member(id: StaffMember.ID) async throws -> StaffMember?

    /// Every account, oldest first.
    func all() async throws -> [StaffMember]

    /// Disables or enables an account; returns false when there is no such e-mail.
    func setDisabled(_ disabled: Bool, email: String) async throws -> Bool

    /// Replaces an account's password hash; returns false when there is no such e-mail.
    func setPasswordHash(_ hash: String, email: String) async throws -> Bool
}

public enum StaffError: Error, Equatable {
    case exists
}
