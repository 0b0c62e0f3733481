import Synchronization

/// How many live event streams are open, in all and per client address, so that no one client (and no flood) can
/// hold every connection the server has.
final class StreamQuota: Sendable {
    private struct State {
        var total = 0
        var perAddress: [String: Int] = [:]
    }

    private let state = Mutex(State())
    let maxTotal: Int
    let maxPerAddress: Int

    init(maxTotal: Int, maxPerAddress: Int) {
        self.maxTotal = maxTotal
        self.maxPerAddress = maxPerAddress
    }

    /// Takes a place for one more stream of `address`; false when there is none.
    func acquire(address: String) -> Bool {
        state.withLock { state in
            guard state.total < maxTotal, state.perAddress[address, default: 0] < maxPerAddress else { return false }
            state.total += 1
            state.perAddress[address, default: 0] += 1
            return true
        }
    }

    /// Gives back the place of a stream that ended.
    func release(address: String) {
        state.withLock { state in
            state.total -= 1
            let left = state.perAddress[address, default: 1] - 1
            state.perAddress[address] = left > 0 ? left : nil
        }
    }

    var open: Int { state.withLock { $0.total } }
}

/// What an open stream holds (its place in the quota, its subscription), given back exactly once: when the stream
/// ends, or when the lease is dropped without the stream ever starting.
final class StreamLease: Sendable {
    private let release: Mutex<(@Sendable () -> Void)?>

    init(_ release: @escaping @Sendable () -> Void) { self.release = Mutex(release) }

    func end() {
        let release = self.release.withLock { release in
            defer { release = nil }
            return release
        }
        release?()
    }

    deinit { end() }
}
