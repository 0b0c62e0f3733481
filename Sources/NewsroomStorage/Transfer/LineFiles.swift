import Foundation

/// Reads a file line by line in 64 KiB chunks, so a file of any size is read with flat memory. Used by one task at a
/// time (an import reads its file in order).
public final class LineReader: @unchecked Sendable {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// Where the unread part of `buffer` starts.
    private var start = 0
    private var atEnd = false

    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw TransferError("không đọc được tệp \(path)") }
        self.handle = handle
    }

    public init(handle: FileHandle) { self.handle = handle }

    /// The next line without its `\n` (and a `\r` before it), or nil at the end. Throws for bytes that are not UTF-8.
    public func next() throws -> String? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffer[start..<newline]
                start = newline + 1
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                return try text(line)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                return try text(buffer[start...])
            }
            let chunk = try handle.read(upToCount: 1 << 16) ?? Data()
            buffer.removeFirst(start)
            start = 0
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    private func text(_ bytes: ArraySlice<UInt8>) throws -> String {
        guard let line = String(validating: bytes, as: UTF8.self) else { throw TransferError("tệp không phải văn bản UTF-8") }
        return line
    }
}

/// Writes lines to a file through a 64 KiB buffer.
public final class LineWriter: @unchecked Sendable {
    private let handle: FileHandle
    private var buffer = Data()

    public init(handle: FileHandle) { self.handle = handle }

    public func write(_ line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
