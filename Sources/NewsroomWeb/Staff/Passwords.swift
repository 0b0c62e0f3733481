import HummingbirdBcrypt
import NIOPosix

/// bcrypt, on its own thread: hashing takes a quarter of a second by design and must not stall the event loop, nor
/// the thread pool the database reads run on (a flood of wrong passwords would otherwise hold up every page).
/// At most one check per account runs at a time; the others wait their turn without holding a thread.
struct Passwords: Sendable {
    /// bcrypt's cost; 12 in production. Tests may lower it (verification reads the cost from the hash).
    var cost: UInt8 = 12
    private let gate = AccountGate()

    init(cost: UInt8 = 12) { self.cost = cost }

    /// One thread, apart from NIO's shared pool.
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return pool
    }()

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await Self.pool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`; with no hash (no such account) it is checked against a decoy, so an
    /// unknown e-mail takes as long as a wrong password and does not reveal which accounts exist.
    func verify(_ password: String, hash: String?, account: String = "") async throws -> Bool {
        await gate.enter(account)
        do {
            let matches = try await Self.pool.runIfActive {
                let matches = Bcrypt.verify(password, hash: hash ?? Self.decoy)
                return hash != nil && matches
            }
            await gate.leave(account)
            return matches
        } catch {
            await gate.leave(account)
            throw error
        }
    }

    /// The hash compared against when there is no account (computed once, on the password thread).
    static let decoy = Bcrypt.hash("không có tài khoản này", cost: 12)
}

/// Lets one holder per key in at a time, the others waiting in order.
actor AccountGate {
    private var busy: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    func enter(_ key: String) async {
        if busy.insert(key).inserted { return }
        await withCheckedContinuation { waiting[key, default: []].append($0) }
    }

    func leave(_ key: String) {
        guard var queue = waiting[key], !queue.isEmpty else {
            busy.remove(key)
            return
        }
        let next = queue.removeFirst()
        waiting[key] = queue.isEmpty ? nil : queue
        next.resume()
    }
}
