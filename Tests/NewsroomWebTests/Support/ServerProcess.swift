import Foundation

/// The real `newsroom` binary run as a child process on a free port, for tests that need a process to die.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private(set) var port = 0
    private let output = Pipe()

    /// The `newsroom` executable SwiftPM built beside the test bundle.
    static var executable: URL {
        let bundleDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidate = bundleDirectory.appendingPathComponent("newsroom")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/newsroom")
    }

    /// Starts `newsroom serve` with `arguments` on port 0 and waits (up to `timeout`) for it to say where it listens.
    init(arguments: [String], timeout: TimeInterval = 60) throws {
        process.executableURL = Self.executable
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0"] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var seen = ""
        let marker = "đang chạy tại http://127.0.0.1:"
        while Date() < deadline {
            let data = Self.readChunk(output.fileHandleForReading.fileDescriptor)
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
            if let range = seen.range(of: marker) {
                let digits = seen[range.upperBound...].prefix(while: \.isNumber)
                if let port = Int(digits), seen[range.upperBound...].dropFirst(digits.count).first == " " {
                    self.port = port
                    return
                }
            }
        }
        process.terminate()
        throw ServerError(message: "newsroom serve did not start: \(seen)")
    }

    /// One `read(2)` of what is there, retried when a signal (another test's child exiting) interrupts it;
    /// Foundation's `availableData` crashes on EINTR instead. Empty at end of file.
    static func readChunk(_ descriptor: Int32) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return Array(buffer.prefix(count)) }
            if errno != EINTR { return [] }
        }
    }

    /// Everything a descriptor gives until end of file.
    static func readAll(_ descriptor: Int32) -> [UInt8] {
        var all: [UInt8] = []
        while case let chunk = readChunk(descriptor), !chunk.isEmpty { all += chunk }
        return all
    }

    /// Kills the process with SIGKILL (no chance to flush or clean up) and waits for it to be gone.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { kill() }
    }

    struct ServerError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
