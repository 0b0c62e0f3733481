import Foundation

/// Debian's `vipsthumbnail` (package libvips-tools), which makes a photo's narrower copies: turned upright as its EXIF
/// says, metadata stripped, written under a temporary name and moved into place.
struct Thumbnailer: Sendable {
    let executable: String

    /// The one on the `PATH`, unless `NEWSROOM_VIPSTHUMBNAIL` names another (or `off`).
    static let installed: Thumbnailer? = {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["NEWSROOM_VIPSTHUMBNAIL"], !chosen.isEmpty {
            return chosen == "off" ? nil : Thumbnailer(executable: chosen)
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/vipsthumbnail" }.first { FileManager.default.isExecutableFile(atPath: $0) }
            .map(Thumbnailer.init(executable:))
    }()

    /// Writes `source` scaled to `width` pixels wide at `destination`; false when vipsthumbnail failed.
    func resize(_ source: String, width: Int, to destination: String) async -> Bool {
        let suffix = (destination as NSString).pathExtension
        let temporary = (destination as NSString).deletingPathExtension + ".tmp-\(UUID().uuidString).\(suffix)"
        let options = suffix == "jpg" ? "[Q=82,strip,interlace]" : suffix == "webp" ? "[Q=80,strip]" : "[strip]"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [source, "--size", "\(width)x", "-o", temporary + options]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let status: Int32 = await withCheckedContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(returning: -1)
            }
        }
        guard status == 0, FileManager.default.fileExists(atPath: temporary) else {
            try? FileManager.default.removeItem(atPath: temporary)
            return false
        }
        do {
            try FileManager.default.moveItem(atPath: temporary, toPath: destination)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            return FileManager.default.fileExists(atPath: destination)
        }
        return true
    }
}
