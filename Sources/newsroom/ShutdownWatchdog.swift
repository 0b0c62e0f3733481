import Dispatch
import Foundation
import Logging

/// The last word on SIGTERM and SIGINT: the server shuts down gracefully on its own, and if anything still holds it
/// `after` the first signal (a database that never answers, a stuck connection), the process ends anyway, so a
/// supervisor's stop never needs SIGKILL. Acknowledged writes are already on disk, so nothing is lost by it.
final class ShutdownWatchdog {
    private let sources: [any DispatchSourceSignal]

    init(after limit: DispatchTimeInterval, logger: Logger) {
        let queue = DispatchQueue(label: "newsroom.shutdown-watchdog")
        sources = [SIGTERM, SIGINT].map { signalNumber in
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                queue.asyncAfter(deadline: .now() + limit) {
                    logger.error("Chưa dừng xong sau khi nhận tín hiệu dừng: kết thúc tiến trình ngay.")
                    _exit(0)
                }
            }
            source.resume()
            return source
        }
    }

    func stop() { for source in sources { source.cancel() } }
}
