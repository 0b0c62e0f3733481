import Foundation

/// The format and displayed size of an image, read from its first bytes (no decoding): enough to give an `<img>` its
/// `width` and `height` so the page does not jump as pictures arrive, and to refuse an upload that is no picture.
public struct ImageHeader: Sendable, Equatable {
    /// The formats a newspaper page shows.
    public enum Format: String, Sendable { case jpeg, png, webp, gif }

    /// The format the bytes are in.
    public var format: Format
    /// Width and height in pixels as a browser displays the image: a JPEG whose EXIF orientation is 5–8 (rotated a
    /// quarter turn) has them swapped.
    public var width: Int
    /// Height in pixels as a browser displays the image (see `width`).
    public var height: Int
}

extension ImageHeader {
    /// The sizes accepted for either side. No format stores less than 1; more than 65,535 is no newspaper picture
    /// but a decompression bomb or a corrupt header, and refusing it keeps `width * height` far from overflow.
    static let sides = 1...65_535

    /// The header at the start of `data`: nil for anything that is not a well-formed JPEG, PNG, WebP or GIF header,
    /// or whose size is zero or absurd (a side outside `sides`). `data` may be a slice; only its first bytes are
    /// read, except for a JPEG, whose size may come after large metadata segments.
    public init?(_ data: Data) {
        let bytes = HeaderBytes(data)
        guard let header = Self.jpeg(bytes) ?? Self.png(bytes) ?? Self.gif(bytes) ?? Self.webp(bytes),
            Self.sides.contains(header.width), Self.sides.contains(header.height)
        else { return nil }
        self = header
    }
}

// MARK: - JPEG

extension ImageHeader {
    /// JPEG: the markers from SOI to the first start-of-frame, which holds the size. An EXIF segment on the way may say
    /// the picture lies on its side, as a phone held upright records it; browsers turn it, so the sides swap.
    fileprivate static func jpeg(_ bytes: HeaderBytes) -> ImageHeader? {
        guard bytes.has([0xFF, 0xD8], at: 0) else { return nil }
        var offset = 2
        var orientation: Int?
        while let (marker, end) = jpegMarker(in: bytes, at: offset) {
            offset = end
            switch marker {
            case 0x01, 0xD0...0xD7: continue  // TEM and the restart markers stand alone: no length follows.
            case 0xD8, 0xD9, 0xDA: return nil  // A second SOI, the end, or the scan itself, with no frame before.
            default: break
            }
            // The length counts its own two bytes, so anything below 2 would not move the walk forward.
            guard let length = bytes.bigEndian(2, at: offset), length >= 2 else { return nil }
            if isStartOfFrame(marker) {
                guard length >= 8, let height = bytes.bigEndian(2, at: offset + 3),
                    let width = bytes.bigEndian(2, at: offset + 5)
                else { return nil }
                let turned = (5...8).contains(orientation ?? 1)
                return ImageHeader(format: .jpeg, width: turned ? height : width, height: turned ? width : height)
            }
            // The first EXIF orientation counts; an XMP or broken APP1 leaves the question to the next one.
            if marker == 0xE1, orientation == nil, let segment = bytes.slice(from: offset + 2, count: length - 2) {
                orientation = exifOrientation(segment)
            }
            offset += length
        }
        return nil
    }

    /// The marker code at `offset` (an 0xFF, any number of 0xFF fill bytes, then the code) and the offset just past
    /// it; nil when no marker is there or the bytes end first.
    private static func jpegMarker(in bytes: HeaderBytes, at offset: Int) -> (code: UInt8, end: Int)? {
        guard bytes[offset] == 0xFF else { return nil }
        var position = offset + 1
        while bytes[position] == 0xFF { position += 1 }
        // 0x00 after 0xFF is a stuffed data byte inside a scan, never a marker.
        guard let code = bytes[position], code != 0x00 else { return nil }
        return (code, position + 1)
    }

    /// Whether `marker` starts a frame (SOF0–SOF15: baseline, progressive, lossless, arithmetic...), not one of the
    /// three codes in that range that mean something else (DHT, JPG, DAC).
    private static func isStartOfFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
    }

    /// The orientation (1–8) in an APP1 segment's EXIF, nil when the segment is not EXIF (XMP also lives in APP1) or
    /// is malformed: a broken tag may cost the rotation, never the whole header.
    private static func exifOrientation(_ segment: HeaderBytes) -> Int? {
        guard segment.has("Exif\0\0", at: 0),
            let tiff = segment.slice(from: 6, count: segment.count - 6)
        else { return nil }
        let bigEndian: Bool
        if tiff.has("MM", at: 0) {
            bigEndian = true
        } else if tiff.has("II", at: 0) {
            bigEndian = false
        } else {
            return nil
        }
        func read(_ size: Int, at offset: Int) -> Int? { tiff.integer(size, at: offset, bigEndian: bigEndian) }
        // Offsets in the TIFF structure count from its byte-order mark; IFD0's may point anywhere, so every read is
        // checked against the segment's end, and the entry count (16 bits) bounds the loop.
        guard read(2, at: 2) == 42, let ifd = read(4, at: 4), let entries = read(2, at: ifd) else { return nil }
        for entry in 0..<entries {
            let start = ifd + 2 + 12 * entry
            guard let tag = read(2, at: start) else { return nil }
            guard tag == 0x0112 else { continue }
            // Type 3 is SHORT; its value sits in the first two bytes of the entry's four-byte value field.
            guard read(2, at: start + 2) == 3, let value = read(2, at: start + 8), (1...8).contains(value) else {
                return nil
            }
            return value
        }
        return nil
    }
}

// MARK: - PNG, GIF, WebP

extension ImageHeader {
    /// PNG: the signature, then the IHDR chunk, which must come first: 13 bytes that start with width and height,
    /// big-endian.
    fileprivate static func png(_ bytes: HeaderBytes) -> ImageHeader? {
        guard bytes.has([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], at: 0),
            bytes.bigEndian(4, at: 8) == 13, bytes.has("IHDR", at: 12),
            let width = bytes.bigEndian(4, at: 16), let height = bytes.bigEndian(4, at: 20)
        else { return nil }
        return ImageHeader(format: .png, width: width, height: height)
    }

    /// GIF: the version, then the logical screen's width and height, little-endian.
    fileprivate static func gif(_ bytes: HeaderBytes) -> ImageHeader? {
        guard bytes.has("GIF87a", at: 0) || bytes.has("GIF89a", at: 0),
            let width = bytes.littleEndian(2, at: 6), let height = bytes.littleEndian(2, at: 8)
        else { return nil }
        return ImageHeader(format: .gif, width: width, height: height)
    }

    /// WebP: a RIFF container of type WEBP whose first chunk says how the size is stored: a lossy frame ("VP8 "), a
    /// lossless bitstream ("VP8L") or the extended header ("VP8X") that comes first in files with alpha, animation or
    /// metadata.
    fileprivate static func webp(_ bytes: HeaderBytes) -> ImageHeader? {
        guard bytes.has("RIFF", at: 0), bytes.has("WEBP", at: 8) else { return nil }
        // The chunk's type at 12, its length at 16, its payload from 20.
        let payload = 20
        if bytes.has("VP8 ", at: 12) {
            // A three-byte frame tag, the start code, then 14-bit sides (the top two bits are a scale).
            guard bytes.has([0x9D, 0x01, 0x2A], at: payload + 3), let width = bytes.littleEndian(2, at: payload + 6),
                let height = bytes.littleEndian(2, at: payload + 8)
            else { return nil }
            return ImageHeader(format: .webp, width: width & 0x3FFF, height: height & 0x3FFF)
        }
        if bytes.has("VP8L", at: 12) {
            // The signature byte, then 32 bits: width - 1 and height - 1 in 14 bits each, an alpha hint, and a
            // version that must be 0.
            guard bytes[payload] == 0x2F, let bits = bytes.littleEndian(4, at: payload + 1), bits >> 29 == 0 else {
                return nil
            }
            return ImageHeader(format: .webp, width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        }
        if bytes.has("VP8X", at: 12) {
            // Four bytes of flags and reserved bits, then width - 1 and height - 1 in 24 bits each.
            guard let width = bytes.littleEndian(3, at: payload + 4),
                let height = bytes.littleEndian(3, at: payload + 7)
            else { return nil }
            return ImageHeader(format: .webp, width: width + 1, height: height + 1)
        }
        return nil
    }
}

// MARK: - Reading bytes

/// Bounds-checked reads at offsets counted from the first byte, whatever the `Data`'s own `startIndex` (a slice of a
/// larger buffer does not start at 0). A read past either end answers nil instead of trapping.
private struct HeaderBytes {
    private let data: Data

    init(_ data: Data) { self.data = data }

    var count: Int { data.count }

    subscript(offset: Int) -> UInt8? {
        guard offset >= 0, offset < data.count else { return nil }
        return data[data.startIndex + offset]
    }

    /// Whether the bytes at `offset` are `expected`.
    func has(_ expected: [UInt8], at offset: Int) -> Bool {
        expected.indices.allSatisfy { self[offset + $0] == expected[$0] }
    }

    /// Whether the bytes at `offset` are the ASCII text `signature` ("RIFF", "GIF89a").
    func has(_ signature: String, at offset: Int) -> Bool { has(Array(signature.utf8), at: offset) }

    /// The `size`-byte (at most 4) unsigned integer at `offset`, most significant byte first when `bigEndian`.
    func integer(_ size: Int, at offset: Int, bigEndian: Bool) -> Int? {
        guard (1...4).contains(size), offset >= 0, offset <= data.count - size else { return nil }
        var value = 0
        for index in 0..<size {
            let byte = Int(data[data.startIndex + offset + index])
            value |= byte << (8 * (bigEndian ? size - 1 - index : index))
        }
        return value
    }

    func bigEndian(_ size: Int, at offset: Int) -> Int? { integer(size, at: offset, bigEndian: true) }

    func littleEndian(_ size: Int, at offset: Int) -> Int? { integer(size, at: offset, bigEndian: false) }

    /// The `count` bytes from `offset`, read from their own offset 0; nil when they run past the end.
    func slice(from offset: Int, count: Int) -> HeaderBytes? {
        guard offset >= 0, count >= 0, offset <= data.count - count else { return nil }
        let start = data.startIndex + offset
        return HeaderBytes(data[start..<start + count])
    }
}
