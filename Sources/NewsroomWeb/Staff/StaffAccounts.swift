import Foundation
import NewsroomCore
import NewsroomStorage

/// Creating accounts and changing passwords, with the hashing in one place (the command line uses it too).
public struct StaffAccounts: Sendable {
    let store: Store
    let passwords: Passwords

    public init(store: Store, bcryptCost: UInt8 = 12) {
        self.store = store
        self.passwords = Passwords(cost: bcryptCost)
    }

    /// Creates an account; throws `StaffError.exists` when the e-mail is taken.
    public func add(email: String, role: StaffRole, password: String, at date: Date = Date()) async throws -> StaffMember {
        try await store.staff.add(email: email, role: role, passwordHash: try await passwords.hash(password), at: date)
    }

    /// Sets a new password; false when there is no such account.
    public func setPassword(_ password: String, email: String) async throws -> Bool {
        try await store.staff.setPasswordHash(try await passwords.hash(password), email: email)
    }
}
