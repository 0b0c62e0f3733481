import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on the thread pool: hashing takes a quarter of a second by design and must not stall the event loop.
struct Passwords: Sendable {
    /// bcrypt's cost; 12 in production. Tests may lower it (verification reads the cost from the hash).
    var cost: UInt8 = 12

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`; with no hash (no such account) it is checked against a decoy, so an
    /// unknown e-mail takes as long as a wrong password and does not reveal which accounts exist.
    func verify(_ password: String, hash: String?) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive {
            let matches = Bcrypt.verify(password, hash: hash ?? Self.decoy)
            return hash != nil && matches
        }
    }

    /// The hash compared against when there is no account (computed once, on the thread pool).
    static let decoy = Bcrypt.hash("không có tài khoản này", cost: 12)
}
