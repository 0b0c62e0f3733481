import Crypto
import Foundation
import Testing

@testable import NewsroomStorage

/// The streaming digest a backup carries, read in chunks far smaller than the needle so every boundary is crossed.
@Suite struct FileSlotDigestTests {
    static let needle = Array("<ô-chứa-mã>".utf8)

    /// Writes `bytes` to a new temporary file and runs `body` with its digest reader (7-byte chunks).
    func withFile<T>(_ bytes: [UInt8], chunk: Int = 7, _ body: (FileSlotDigest) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-slot-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(FileSlotDigest(path: path, chunk: chunk))
    }

    /// Deterministic filler that never contains the needle.
    static func filler(_ count: Int, seed: Int = 1) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: ($0 &* 31 &+ seed &* 17) % 90 + 33) }.map { $0 == UInt8(ascii: "<") ? 0x21 : $0 }
    }

    static func sha256(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() }

    @Test func aNeedleIsFoundAtEveryAlignmentAcrossChunkBoundaries() throws {
        for offset in 0...30 {
            let bytes = Self.filler(offset) + Self.needle + Self.filler(23 - offset % 5)
            #expect(try withFile(bytes) { try $0.uniqueOffset(of: Self.needle) } == offset, "offset \(offset)")
        }
        // At the very end of the file, and a file that is only the needle.
        let tail = Self.filler(40) + Self.needle
        #expect(try withFile(tail) { try $0.uniqueOffset(of: Self.needle) } == 40)
        #expect(try withFile(Self.needle) { try $0.uniqueOffset(of: Self.needle) } == 0)
    }

    @Test func aNeedleFoundTwiceOrNeverGivesNil() throws {
        for gap in [0, 1, 6, 7, 13, 50] {
            let bytes = Self.filler(5) + Self.needle + Self.filler(gap) + Self.needle + Self.filler(3)
            #expect(try withFile(bytes) { try $0.uniqueOffset(of: Self.needle) } == nil, "gap \(gap)")
        }
        // Overlapping occurrences are two occurrences.
        #expect(try withFile(Array("xxaaaayy".utf8)) { try $0.uniqueOffset(of: Array("aaa".utf8)) } == nil)
        #expect(try withFile(Self.filler(100)) { try $0.uniqueOffset(of: Self.needle) } == nil)
        #expect(try withFile([]) { try $0.uniqueOffset(of: Self.needle) } == nil)
        // A needle cut in two across the end of the file is not there.
        #expect(try withFile(Self.filler(20) + Self.needle.dropLast()) { try $0.uniqueOffset(of: Self.needle) } == nil)
    }

    @Test func theDigestIsTheSHA256OfTheFileWithTheSlotReplaced() throws {
        let replacement = Array("0123456789abcdef0123".utf8)
        for (length, offset) in [(100, 0), (100, 80), (100, 6), (100, 7), (100, 13), (101, 40), (70, 50), (20, 0)] {
            let bytes = Self.filler(length, seed: length + offset)
            var expected = bytes
            expected.replaceSubrange(offset..<offset + replacement.count, with: replacement)
            let digest = try withFile(bytes) { try $0.digest(replacing: offset, with: replacement) }
            #expect(digest == Self.sha256(expected), "length \(length), offset \(offset)")
            #expect(digest != Self.sha256(bytes))
        }
        // The same with the default chunk, and a file larger than one chunk of it.
        let large = Self.filler((1 << 20) + 4099)
        var expected = large
        let middle = (1 << 20) - 5
        expected.replaceSubrange(middle..<middle + replacement.count, with: replacement)
        #expect(try withFile(large, chunk: 1 << 20) { try $0.digest(replacing: middle, with: replacement) } == Self.sha256(expected))
    }

    @Test func writeReplacesTheSlotInPlaceAndTheDigestCanBeCheckedAfterwards() throws {
        let placeholder = Array("placeholder-placeholder".utf8)
        let bytes = Self.filler(31) + placeholder + Self.filler(17)
        try withFile(bytes) { file in
            let offset = try #require(try file.uniqueOffset(of: placeholder))
            let digest = Array(try file.digest(replacing: offset, with: placeholder).utf8.prefix(placeholder.count))
            try file.write(digest, at: offset)
            let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file.path)))
            #expect(written.count == bytes.count)
            #expect(Array(written[offset..<offset + digest.count]) == digest)
            #expect(Array(written[..<offset]) == Array(bytes[..<offset]))
            #expect(Array(written[(offset + digest.count)...]) == Array(bytes[(offset + digest.count)...]))
            // Reading the slot back as the placeholder gives the digest computed before it was written.
            #expect(try file.uniqueOffset(of: digest) == offset)
            #expect(
                Array(try file.digest(replacing: offset, with: placeholder).utf8.prefix(placeholder.count)) == digest)
        }
    }
}
