import Foundation
import Testing

@testable import NewsroomCore

/// Reading an image's format and displayed size from its first bytes: every format and variant, a picture turned by
/// its EXIF, and bytes that are truncated, hostile or random, which must answer nil (or the right size), never crash.
@Suite("Image headers")
struct ImageHeaderTests {
    /// A valid header and what it must read as, for the tests that cut or damage it.
    struct Sample: Sendable, CustomTestStringConvertible {
        var bytes: [UInt8]
        var expected: ImageHeader
        var testDescription: String { "\(expected.format) \(expected.width)×\(expected.height)" }
    }

    static let samples: [Sample] = [
        Sample(bytes: ImageBytes.jpeg(width: 640, height: 480), expected: shown(.jpeg, 640, 480)),
        Sample(
            bytes: ImageBytes.jpeg(width: 640, height: 480, before: [ImageBytes.jfif, ImageBytes.exif(orientation: 6)]),
            expected: shown(.jpeg, 480, 640)),
        Sample(bytes: ImageBytes.png(width: 1200, height: 800), expected: shown(.png, 1200, 800)),
        Sample(bytes: ImageBytes.gif("GIF89a", width: 320, height: 240), expected: shown(.gif, 320, 240)),
        Sample(bytes: ImageBytes.vp8(width: 300, height: 200), expected: shown(.webp, 300, 200)),
        Sample(bytes: ImageBytes.vp8l(width: 16_383, height: 1), expected: shown(.webp, 16_383, 1)),
        Sample(bytes: ImageBytes.vp8x(width: 4000, height: 3000), expected: shown(.webp, 4000, 3000)),
    ]

    static func shown(_ format: ImageHeader.Format, _ width: Int, _ height: Int) -> ImageHeader {
        ImageHeader(format: format, width: width, height: height)
    }

    static func read(_ bytes: [UInt8]) -> ImageHeader? { ImageHeader(Data(bytes)) }

    @Test(
        "every kind of JPEG frame gives the size: baseline, extended, progressive, lossless, arithmetic",
        arguments: [0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF] as [UInt8])
    func jpegFrames(marker: UInt8) {
        #expect(Self.read(ImageBytes.jpeg(width: 640, height: 480, frame: marker)) == Self.shown(.jpeg, 640, 480))
    }

    @Test("EXIF orientations 5–8 swap width and height, 1–4 do not, in either byte order", arguments: [true, false])
    func exifOrientation(bigEndian: Bool) {
        for orientation in 1...8 {
            let exif = ImageBytes.exif(orientation: orientation, bigEndian: bigEndian)
            let turned = orientation >= 5
            let expected = Self.shown(.jpeg, turned ? 480 : 640, turned ? 640 : 480)
            #expect(Self.read(ImageBytes.jpeg(width: 640, height: 480, before: [exif])) == expected, "\(orientation)")
        }
    }

    @Test("fill bytes, standalone markers and segments before the frame are stepped over; DHT and DAC are no frames")
    func segmentsBeforeTheFrame() {
        let before: [[UInt8]] = [
            [0xFF, 0xFF, 0xFF] + ImageBytes.jfif, [0xFF, 0x01, 0xFF, 0xD3],
            ImageBytes.segment(0xFE, Array("Ảnh: Thông tấn xã".utf8)),
            ImageBytes.segment(0xDB, [0] + Array(repeating: 1, count: 64)),
            ImageBytes.segment(0xC4, [0x00, 0x0F, 0x00, 0x0F, 0x00, 0x00, 0x00]),
            ImageBytes.segment(0xCC, [0x00, 0x0F, 0x00, 0x0F, 0x00, 0x00, 0x00]),
            [0xFF, 0xFF] + ImageBytes.exif(orientation: 1),
        ]
        #expect(Self.read(ImageBytes.jpeg(width: 1024, height: 683, before: before)) == Self.shown(.jpeg, 1024, 683))
    }

    @Test("a malformed or foreign APP1 costs the rotation, never the size")
    func malformedExif() {
        let exif = ImageBytes.exif(orientation: 6)
        // Offsets in the TIFF structure, which starts after the marker, the length and "Exif\0\0": the byte order,
        // the magic 42, IFD0's offset, its entry count with the tag changed, the type (4 is LONG), the value.
        let damages: [[(offset: Int, value: UInt8)]] = [
            [(0, 0x58)], [(2, 43)], [(7, 0xFF)], [(9, 0xFF), (10, 0x13)], [(12, 4)], [(18, 9)], [(18, 0)],
        ]
        var segments = damages.map { damage in
            damage.reduce(into: exif) { bytes, change in bytes[10 + change.offset] = change.value }
        }
        let xmp = ImageBytes.segment(0xE1, Array("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>".utf8))
        let cut = [ImageBytes.segment(0xE1, Array(exif[4..<22])), ImageBytes.segment(0xE1, Array("Exif\0\0".utf8))]
        segments += cut + [xmp]
        for segment in segments {
            let header = Self.read(ImageBytes.jpeg(width: 640, height: 480, before: [segment]))
            #expect(header == Self.shown(.jpeg, 640, 480), "\(segment)")
        }
        // XMP in the first APP1 does not hide the EXIF in the next; of two EXIF orientations, the first counts.
        #expect(Self.read(ImageBytes.jpeg(width: 640, height: 480, before: [xmp, exif]))?.width == 480)
        let second = ImageBytes.exif(orientation: 1)
        #expect(Self.read(ImageBytes.jpeg(width: 640, height: 480, before: [exif, second]))?.width == 480)
    }

    @Test("PNG, GIF87a and GIF89a, and the three kinds of WebP")
    func otherFormats() {
        #expect(Self.read(ImageBytes.png(width: 1920, height: 1080)) == Self.shown(.png, 1920, 1080))
        for version in ["GIF87a", "GIF89a"] {
            #expect(Self.read(ImageBytes.gif(version, width: 500, height: 281)) == Self.shown(.gif, 500, 281))
        }
        #expect(Self.read(ImageBytes.vp8(width: 300, height: 200)) == Self.shown(.webp, 300, 200))
        // The top two bits of a VP8 side are an upscaling hint, not part of the size.
        #expect(Self.read(ImageBytes.vp8(width: 0xC000 | 300, height: 0x4000 | 200)) == Self.shown(.webp, 300, 200))
        #expect(Self.read(ImageBytes.vp8l(width: 26, height: 18)) == Self.shown(.webp, 26, 18))
        #expect(Self.read(ImageBytes.vp8x(width: 34, height: 28)) == Self.shown(.webp, 34, 28))
    }

    @Test("a Data slice that does not start at index 0 reads the same", arguments: samples)
    func slices(sample: Sample) {
        let data = Data([0xFF, 0xD8, 0x89] + sample.bytes)
        let slice = data[(data.startIndex + 3)...]
        #expect(slice.startIndex == 3)
        #expect(ImageHeader(slice) == sample.expected)
    }

    @Test("every prefix of a valid header reads as nil or the right size", arguments: samples)
    func prefixes(sample: Sample) {
        for length in 0...sample.bytes.count {
            let header = Self.read(Array(sample.bytes.prefix(length)))
            #expect(header == nil || header == sample.expected, "\(length) bytes")
        }
        #expect(Self.read(sample.bytes) == sample.expected)
    }

    @Test("random bytes, and valid headers with random damage, never crash and never give an absurd size")
    func randomBytes() {
        // SplitMix64, seeded, so a failure replays; its own copy, not the XSS tests' generator.
        var state: UInt64 = 2_024
        func next(_ count: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((value ^ (value >> 31)) % UInt64(count))
        }
        for round in 0..<6_000 {
            var bytes = Self.samples[round % Self.samples.count].bytes
            if round < 2_000 {
                bytes = (0..<next(97)).map { _ in UInt8(next(256)) }
            } else {
                for _ in 0...next(4) { bytes[next(bytes.count)] = UInt8(next(256)) }
            }
            if let header = Self.read(bytes) {
                #expect(ImageHeader.sides.contains(header.width) && ImageHeader.sides.contains(header.height))
            }
        }
    }

    @Test("a JPEG segment length of 0 or 1 is refused, not looped on", arguments: [0, 1])
    func shortSegmentLength(length: Int) {
        let valid = ImageBytes.jpeg(width: 640, height: 480)
        #expect(Self.read([0xFF, 0xD8, 0xFF, 0xE0] + ImageBytes.be16(length) + valid.dropFirst(2)) == nil)
    }

    @Test("a JPEG that reaches its scan or its end without a frame header is refused")
    func jpegWithoutFrame() {
        let scan = ImageBytes.segment(0xDA, [1, 1, 0, 0, 63, 0])
        let tiny = Array(ImageBytes.jpeg(width: 1, height: 1).dropFirst(2))
        let refused: [[UInt8]] = [
            [0xFF, 0xD8], [0xFF, 0xD8, 0xFF, 0xD9], [0xFF, 0xD8] + ImageBytes.jfif + scan, [0xFF, 0xD8, 0xFF, 0xD8],
            // Bytes that are not a marker where one must be: garbage between segments, or a stuffed 0xFF00.
            [0xFF, 0xD8, 0x00] + tiny, [0xFF, 0xD8, 0xFF, 0x00] + tiny,
        ]
        for bytes in refused { #expect(Self.read(bytes) == nil, "\(bytes)") }
    }

    @Test("wrong signatures are refused")
    func wrongSignatures() {
        let png = ImageBytes.png(width: 10, height: 10)
        let vp8l = ImageBytes.vp8l(width: 10, height: 10)
        let wrong: [[UInt8]] = [
            [], Array("GIF88a".utf8) + [10, 0, 10, 0], Array("gif89a".utf8) + [10, 0, 10, 0],
            [0x88] + png.dropFirst(), Array(png.prefix(11)) + [12] + png.dropFirst(12),
            Array(png.prefix(12)) + Array("IDAT".utf8) + png.dropFirst(16),
            Array("RIFX".utf8) + vp8l.dropFirst(4), Array(vp8l.prefix(8)) + Array("WAVE".utf8) + vp8l.dropFirst(12),
            ImageBytes.webp("VP8Z", [0x2F, 9, 0, 0, 0]), ImageBytes.webp("VP8L", [0x2E, 9, 0, 0, 0]),
            ImageBytes.webp("VP8L", [0x2F, 9, 0, 0, 0x20]),
            ImageBytes.webp("VP8 ", [0, 0, 0, 0x9D, 0x01, 0x2B, 9, 0, 9, 0]),
            Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8), [0x42, 0x4D, 0x3E, 0, 0, 0],
        ]
        for bytes in wrong { #expect(Self.read(bytes) == nil, "\(bytes)") }
    }

    @Test("a side of 0 or above 65,535 is refused")
    func absurdSizes() {
        let absurd: [[UInt8]] = [
            ImageBytes.jpeg(width: 0, height: 480), ImageBytes.jpeg(width: 640, height: 0),
            ImageBytes.png(width: 0, height: 1), ImageBytes.png(width: 65_536, height: 1),
            ImageBytes.png(width: 1, height: 1 << 31), ImageBytes.png(width: 0xFFFF_FFFF, height: 0xFFFF_FFFF),
            ImageBytes.gif("GIF89a", width: 0, height: 10), ImageBytes.vp8(width: 0, height: 10),
            ImageBytes.vp8(width: 0xC000, height: 10), ImageBytes.vp8x(width: 65_536, height: 10),
            ImageBytes.vp8x(width: 1 << 24, height: 1 << 24),
        ]
        for bytes in absurd { #expect(Self.read(bytes) == nil, "\(bytes)") }
        #expect(Self.read(ImageBytes.png(width: 65_535, height: 65_535)) == Self.shown(.png, 65_535, 65_535))
    }

    /// `Tests/Fixtures/images`: real files written by libvips, each named `<what>-<width>x<height>.<format>` with the
    /// size a browser shows (`turned-32x48.jpg` is stored 48×32 with EXIF orientation 6).
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/images").standardizedFileURL

    @Test("the real files in Fixtures/images read as their names say")
    func fixtureFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).sorted()
        #expect(names.count == 9)
        for name in names {
            let url = Self.fixtures.appendingPathComponent(name)
            let ext = url.pathExtension
            let format = try #require(ImageHeader.Format(rawValue: ext == "jpg" ? "jpeg" : ext))
            let size = url.deletingPathExtension().lastPathComponent.split(separator: "-").last?.split(separator: "x")
            let width = try #require(size.flatMap { Int($0[0]) }), height = try #require(size.flatMap { Int($0[1]) })
            #expect(ImageHeader(try Data(contentsOf: url)) == Self.shown(format, width, height), "\(name)")
        }
    }

    static let vips = ["/usr/bin/vips", "/usr/local/bin/vips", "/opt/homebrew/bin/vips"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("files libvips writes now read as the size asked for", .enabled(if: vips != nil, "libvips is not installed"))
    func vipsFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("image-header-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files: [(name: String, options: String, expected: ImageHeader)] = [
            ("a.jpg", "", Self.shown(.jpeg, 640, 480)), ("b.jpg", "[interlace]", Self.shown(.jpeg, 641, 479)),
            ("c.png", "", Self.shown(.png, 1200, 3)), ("d.webp", "", Self.shown(.webp, 300, 200)),
            ("e.webp", "[lossless]", Self.shown(.webp, 301, 199)), ("f.gif", "", Self.shown(.gif, 77, 55)),
        ]
        for file in files {
            let path = directory.appendingPathComponent(file.name).path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(Self.vips))
            process.arguments = ["black", path + file.options, "\(file.expected.width)", "\(file.expected.height)"]
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "vips black \(file.name)")
            #expect(ImageHeader(try Data(contentsOf: URL(fileURLWithPath: path))) == file.expected, "\(file.name)")
        }
    }
}

/// Minimal headers assembled byte by byte, each field visible, so a test can change one and see the answer change.
enum ImageBytes {
    static func be16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    static func le16(_ value: Int) -> [UInt8] { be16(value).reversed() }
    static func be32(_ value: Int) -> [UInt8] { be16(value >> 16) + be16(value) }
    static func le32(_ value: Int) -> [UInt8] { be32(value).reversed() }
    static func le24(_ value: Int) -> [UInt8] { Array(le32(value).prefix(3)) }

    /// A JPEG segment: marker, length (which counts its own two bytes), payload.
    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker] + be16(payload.count + 2) + payload
    }

    /// SOI, the `before` segments, a one-component frame header of kind `frame`, a scan header, a little data, EOI.
    static func jpeg(width: Int, height: Int, frame: UInt8 = 0xC0, before: [[UInt8]] = []) -> [UInt8] {
        let sof = segment(frame, [8] + be16(height) + be16(width) + [1, 1, 0x11, 0])
        return [0xFF, 0xD8] + before.joined() + sof + segment(0xDA, [1, 1, 0, 0, 63, 0]) + [0x12, 0xFF, 0xD9]
    }

    static let jfif = segment(0xE0, Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0])

    /// An APP1 segment of EXIF whose IFD0 holds one entry, the orientation, as a SHORT.
    static func exif(orientation: Int, bigEndian: Bool = false) -> [UInt8] {
        let short = bigEndian ? be16 : le16
        let long = bigEndian ? be32 : le32
        let tiff =
            Array((bigEndian ? "MM" : "II").utf8) + short(42) + long(8) + short(1)
            + short(0x0112) + short(3) + long(1) + short(orientation) + [0, 0] + long(0)
        return segment(0xE1, Array("Exif\0\0".utf8) + tiff)
    }

    /// The signature and the IHDR chunk (its CRC is not read, so it is left zero).
    static func png(width: Int, height: Int) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + Array("IHDR".utf8) + be32(width) + be32(height)
            + [8, 2, 0, 0, 0] + [0, 0, 0, 0]
    }

    static func gif(_ version: String, width: Int, height: Int) -> [UInt8] {
        Array(version.utf8) + le16(width) + le16(height) + [0xF7, 0, 0]
    }

    /// A RIFF WEBP container holding one chunk.
    static func webp(_ chunk: String, _ payload: [UInt8]) -> [UInt8] {
        Array("RIFF".utf8) + le32(payload.count + 12) + Array("WEBP".utf8) + Array(chunk.utf8) + le32(payload.count)
            + payload
    }

    /// A lossy key frame's tag, start code and sides (the top two bits of each a scale).
    static func vp8(width: Int, height: Int) -> [UInt8] {
        webp("VP8 ", [0x50, 0x02, 0x00, 0x9D, 0x01, 0x2A] + le16(width) + le16(height))
    }

    static func vp8l(width: Int, height: Int) -> [UInt8] {
        webp("VP8L", [0x2F] + le32((width - 1) | (height - 1) << 14) + [0])
    }

    static func vp8x(width: Int, height: Int) -> [UInt8] {
        webp("VP8X", [0x10, 0, 0, 0] + le24(width - 1) + le24(height - 1))
    }
}
