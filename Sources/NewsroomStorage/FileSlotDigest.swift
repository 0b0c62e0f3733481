import Crypto
import Foundation

/// A SHA-256 of a whole file that the file itself carries: the digest is computed while its slot (a run of bytes
/// found once in the file) holds a placeholder, then written into the slot. Reads the file in chunks, so a backup of
/// several gigabytes needs no more memory than a small one.
struct FileSlotDigest {
    let path: String
    /// How many bytes are read at a time.
    var chunk = 1 << 20

    /// Where `needle` occurs in the file, when it occurs exactly once.
    func uniqueOffset(of needle: [UInt8]) throws -> Int? {
        var found: [Int] = []
        try scan(overlap: needle.count - 1) { offset, window in
            var start = window.startIndex
            while let range = window[start...].firstRange(of: needle) {
                found.append(offset + range.lowerBound - window.startIndex)
                start = range.lowerBound + 1
            }
            return found.count < 2
        }
        return found.count == 1 ? found[0] : nil
    }

    /// The digest of the file with the bytes at `offset` read as `replacement`.
    func digest(replacing offset: Int, with replacement: [UInt8]) throws -> String {
        var hasher = SHA256()
        var position = 0
        try scan(overlap: 0) { _, window in
            var bytes = Array(window)
            let lower = max(offset, position)
            let upper = min(offset + replacement.count, position + bytes.count)
            if lower < upper {
                for index in lower..<upper { bytes[index - position] = replacement[index - offset] }
            }
            hasher.update(data: bytes)
            position += bytes.count
            return true
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Writes `bytes` at `offset` in place.
    func write(_ bytes: [UInt8], at offset: Int) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: bytes)
        try handle.synchronize()
    }

    /// Calls `body` with each chunk's file offset and its bytes, each chunk also holding the `overlap` bytes before
    /// it (so a needle across a boundary is seen whole), until `body` returns false.
    private func scan(overlap: Int, _ body: (Int, ArraySlice<UInt8>) throws -> Bool) throws {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var carried: [UInt8] = []
        var offset = 0
        while let data = try handle.read(upToCount: chunk), !data.isEmpty {
            let window = carried + Array(data)
            guard try body(offset - carried.count, window[...]) else { return }
            offset += data.count
            carried = overlap > 0 ? Array(window.suffix(overlap)) : []
        }
    }
}
