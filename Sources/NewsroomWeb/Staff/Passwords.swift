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

    /// Who waits for a check of an account, first served first: a browser that signed in to it before, then a client
    /// with no failure on it, then the rest.
    enum Priority: Int, Sendable, Comparable {
        case failedBefore = 0, newClient = 1, knownDevice = 2
        static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    /// Whether `password` matches `hash`; with no hash (no such account) it is checked against a decoy, so an
    /// unknown e-mail takes as long as a wrong password and does not reveal which accounts exist. Nil, unchecked, when
    /// too many checks of the account already wait (a known device always gets its turn).
    func verify(_ password: String, hash: String?, account: String = "", priority: Priority = .newClient) async throws -> Bool? {
        guard await gate.enter(account, priority: priority) else { return nil }
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

/// Lets one holder per key in at a time; the others wait, the highest priority first (in arrival order within one),
/// at most `maxWaiting` below the top priority.
actor AccountGate {
    private struct Waiter {
        var priority: Passwords.Priority
        var continuation: CheckedContinuation<Void, Never>
    }

    private var busy: Set<String> = []
    private var waiting: [String: [Waiter]] = [:]
    let maxWaiting: Int

    init(maxWaiting: Int = 16) { self.maxWaiting = maxWaiting }

    /// Waits for the key's turn; false at once when the line is full for this priority.
    func enter(_ key: String, priority: Passwords.Priority) async -> Bool {
        if busy.insert(key).inserted { return true }
        let line = waiting[key, default: []]
        if priority != .knownDevice, line.count >= maxWaiting { return false }
        await withCheckedContinuation { continuation in
            var line = waiting[key, default: []]
            let position = line.firstIndex { $0.priority < priority } ?? line.endIndex
            line.insert(Waiter(priority: priority, continuation: continuation), at: position)
            waiting[key] = line
        }
        return true
    }

    func leave(_ key: String) {
        guard var line = waiting[key], !line.isEmpty else {
            busy.remove(key)
            return
        }
        let next = line.removeFirst()
        waiting[key] = line.isEmpty ? nil : line
        next.continuation.resume()
    }
}
