import ArgumentParser
import Logging
import NewsroomStorage

/// `newsroom migrate`: brings a database's schema up to date, the step an operator runs once before starting new
/// instances on PostgreSQL (SQLite files are migrated by `serve` itself).
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Áp dụng các migration còn thiếu cho cơ sở dữ liệu.")

    @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL, mặc định sqlite://newsroom.sqlite).")
    var database: String?
    @Flag(help: "Chỉ liệt kê các migration còn thiếu, không áp dụng.") var dryRun = false

    func run() async throws {
        let logger = Settings.commandLogger()
        let store = try await SiteOpening.open(try Settings.database(database), migrations: .leave, logger: logger)
        do {
            let pending = try await store.pendingMigrations()
            for migration in pending { print("\(migration.version)\t\(migration.name)") }
            if !dryRun {
                try await store.migrate(logger: logger)
                print(pending.isEmpty ? "Cơ sở dữ liệu đã cập nhật, không còn migration nào." : "Đã áp dụng \(pending.count) migration.")
            }
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
