import ArgumentParser
import Foundation
import Logging
import NewsroomCore
import NewsroomStorage
import NewsroomWeb

/// Every setting has a flag, a `NEWSROOM_<FLAG>` variable and a default, read in that order; a bad value stops
/// the command with a message naming the setting.
enum Settings {
    /// The log of a one-off command: warnings and errors only, its output is what it prints.
    static func commandLogger() -> Logger {
        var logger = Logger(label: "newsroom")
        logger.logLevel = .warning
        return logger
    }

    static func value(_ flag: String?, variable: String) -> String? {
        if let flag { return flag }
        if let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty { return value }
        return nil
    }

    static func database(_ flag: String?) throws -> DatabaseURL {
        guard let text = value(flag, variable: "NEWSROOM_DATABASE_URL") else { return .default }
        do {
            return try DatabaseURL(parsing: text)
        } catch {
            throw ValidationError(error.description)
        }
    }

    static func integer(_ flag: String?, variable: String, default defaultValue: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = value(flag, variable: variable) else { return defaultValue }
        guard let number = Int(text), range.contains(number) else {
            throw ValidationError("\(variable): \"\(text)\" không phải số nguyên trong khoảng \(range.lowerBound)…\(range.upperBound)")
        }
        return number
    }

    static func commentLimits(_ flag: String?) throws -> [RateLimit] {
        guard let text = value(flag, variable: "NEWSROOM_COMMENT_LIMITS") else { return AppConfig.defaultCommentLimits }
        guard let limits = RateLimit.list(parsing: text) else {
            throw ValidationError("NEWSROOM_COMMENT_LIMITS: \"\(text)\" phải có dạng SỐ/GIÂY,… (ví dụ 1/10,10/3600) hoặc off")
        }
        return limits
    }

    static func trustedProxies(_ flag: String?) throws -> [CIDR] {
        guard let text = value(flag, variable: "NEWSROOM_TRUSTED_PROXIES") else { return [] }
        guard let proxies = CIDR.list(parsing: text) else {
            throw ValidationError("NEWSROOM_TRUSTED_PROXIES: \"\(text)\" phải là các địa chỉ hoặc mạng CIDR cách nhau bởi dấu phẩy")
        }
        return proxies
    }

    static func boolean(_ flag: Bool, variable: String) throws -> Bool {
        if flag { return true }
        guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty else { return false }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ValidationError("\(variable): \"\(text)\" phải là true hoặc false")
        }
    }
}
