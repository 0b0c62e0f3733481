import ArgumentParser
import Foundation
import NewsroomCore
import NewsroomStorage
import NewsroomWeb

/// `newsroom user add|list|disable|enable|password`: staff accounts. A password is read from standard input
/// (or asked for without echo at a terminal), never from a flag, which would leave it in the shell's history and in
/// the process list.
struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Quản lý tài khoản tòa soạn (quản trị, biên tập viên, kiểm duyệt viên).",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, Password.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tạo tài khoản; mật khẩu đọc từ đầu vào chuẩn.")
        @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL).") var database: String?
        @Option(help: "admin, editor hoặc moderator.") var role: String
        @Argument(help: "E-mail đăng nhập.") var email: String

        func run() async throws {
            guard let role = StaffRole(rawValue: role) else { throw ValidationError("--role phải là admin, editor hoặc moderator") }
            let email = try User.email(email)
            let password = try User.readPassword()
            let store = try await Comments.open(database)
            do {
                let member = try await StaffAccounts(store: store).add(email: email, role: role, password: password)
                print("\(member.id)\t\(member.email)\t\(member.role.rawValue)")
            } catch StaffError.exists {
                await store.close()
                throw ValidationError("đã có tài khoản \(email)")
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "In ID<TAB>E-MAIL<TAB>VAI_TRÒ<TAB>TRẠNG_THÁI.")
        @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL).") var database: String?

        func run() async throws {
            let store = try await Comments.open(database)
            let members = try await store.staff.all()
            await store.close()
            for member in members {
                print("\(member.id)\t\(member.email)\t\(member.role.rawValue)\t\(member.disabled ? "disabled" : "active")")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Khóa tài khoản (không đăng nhập được nữa).")
        @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL).") var database: String?
        @Argument(help: "E-mail.") var email: String

        func run() async throws { try await User.setDisabled(true, email: email, database: database) }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mở khóa tài khoản.")
        @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL).") var database: String?
        @Argument(help: "E-mail.") var email: String

        func run() async throws { try await User.setDisabled(false, email: email, database: database) }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Đặt mật khẩu mới; đọc từ đầu vào chuẩn.")
        @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL).") var database: String?
        @Argument(help: "E-mail.") var email: String

        func run() async throws {
            let email = try User.email(email)
            let password = try User.readPassword()
            let store = try await Comments.open(database)
            let found = try await StaffAccounts(store: store).setPassword(password, email: email)
            await store.close()
            guard found else { throw ValidationError("không có tài khoản \(email)") }
            print("\(email)\tpassword changed")
        }
    }

    static func email(_ text: String) throws -> String {
        guard let email = StaffRules.normalizedEmail(text) else { throw ValidationError("\"\(text)\" không phải địa chỉ e-mail") }
        return email
    }

    static func setDisabled(_ disabled: Bool, email: String, database: String?) async throws {
        let email = try Self.email(email)
        let store = try await Comments.open(database)
        let found = try await store.staff.setDisabled(disabled, email: email)
        await store.close()
        guard found else { throw ValidationError("không có tài khoản \(email)") }
        print("\(email)\t\(disabled ? "disabled" : "active")")
    }

    /// One line of standard input, or a prompt without echo at a terminal.
    static func readPassword() throws -> String {
        var password: String?
        if isatty(STDIN_FILENO) == 1 {
            password = getpass("Mật khẩu: ").map { String(cString: $0) }
        } else {
            password = readLine(strippingNewline: true)
        }
        guard let password, !password.isEmpty else { throw ValidationError("chưa nhập mật khẩu (đọc từ đầu vào chuẩn)") }
        if let problem = StaffRules.passwordProblem(password) { throw ValidationError(problem) }
        return password
    }
}
