import Foundation
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

/// Moving a site as README documents it, with the `newsroom` binary: a SQLite site filled by the importers (the seed,
/// a WordPress export and a Disqus export) is moved with one piped command into an empty site on each database, and
/// the moved site exports to the very same bytes. Under CI=true this is the SQLite → PostgreSQL move.
@Suite struct MoveCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Runs a shell command line (the binary is `$NEWSROOM`); its output and errors go to files, read afterwards.
    static func shell(_ line: String, in directory: URL) throws -> (status: Int32, output: String, error: String) {
        let output = directory.appendingPathComponent("out-\(UUID().uuidString)")
        let error = directory.appendingPathComponent("err-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(line) > '\(output.path)' 2> '\(error.path)'"]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["NEWSROOM": ServerProcess.executable.path, "NEWSROOM_SECRET": "khoa-bi-mat-cua-trang-thu-chuyen-nha-2026"]
        ) { $1 }
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (
            process.terminationStatus, (try? String(contentsOf: output, encoding: .utf8)) ?? "",
            (try? String(contentsOf: error, encoding: .utf8)) ?? ""
        )
    }

    @Test func aSiteMovesWithOneCommandAndExportsTheSameBytes() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-move-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = "sqlite://\(directory.path)/cu.sqlite"
        let filled = try Self.shell(
            """
            "$NEWSROOM" import --database '\(source)' '\(Fixtures.seedURL.path)' \
            '\(Self.fixtures.path)/wordpress-export.xml' '\(Self.fixtures.path)/disqus-export.xml'
            """, in: directory)
        #expect(filled.status == 0, "\(filled.error)")
        #expect(filled.output.split(separator: "\n").count == 1 + 5 + 3, "\(filled.output)")
        let exported = try Self.shell("\"$NEWSROOM\" export --database '\(source)' --output '\(directory.path)/cu.jsonl'", in: directory)
        #expect(exported.status == 0, "\(exported.error)")
        let original = try String(contentsOf: directory.appendingPathComponent("cu.jsonl"), encoding: .utf8)
        #expect(original.contains(#""type":"importKey""#) && original.contains(#""type":"redirect""#))

        for backend in TestStore.backends {
            try await TestStore.with(backend) { _, argument in
                let target = backend == .sqlite ? "sqlite://\(argument)" : argument
                // The documented move: one pipe from the old site to the new one.
                let moved = try Self.shell(
                    "\"$NEWSROOM\" export --database '\(source)' | \"$NEWSROOM\" import --format json --database '\(target)' -",
                    in: directory)
                #expect(moved.status == 0, "[\(backend)] \(moved.error)")
                let again = try Self.shell("\"$NEWSROOM\" export --database '\(target)'", in: directory)
                #expect(again.status == 0, "[\(backend)] \(again.error)")
                #expect(again.output == original, "[\(backend)] the moved site's export differs")
                // A second import into the now full site is refused and changes nothing.
                let twice = try Self.shell(
                    "\"$NEWSROOM\" import --format json --database '\(target)' '\(directory.path)/cu.jsonl'", in: directory)
                #expect(twice.status == 1 && twice.error.contains("đã có dữ liệu"), "[\(backend)] \(twice.error)")
            }
        }
    }
}
