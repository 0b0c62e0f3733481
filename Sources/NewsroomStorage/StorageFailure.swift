import PostgresNIO
import SQLiteNIO

/// The database cannot do what was asked, for a reason that is not the request's: it is down, slow, full, read-only
/// or no longer the file that was opened. The web layer answers 503 (507 when full) with `Retry-After`; a request
/// that meets one of these has changed nothing.
public struct StorageFailure: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Out of space: writes fail until some is freed; reads go on.
        case full
        /// Not reachable, too slow, or not usable as it is; may pass by itself.
        case unavailable
    }

    public var kind: Kind
    /// A machine-readable reason for `/readyz` and the logs (`database_unreachable`, `database_timeout`, …).
    public var reason: String
    /// What happened, in Vietnamese, for operators.
    public var detail: String

    public init(_ kind: Kind, reason: String, detail: String) {
        self.kind = kind
        self.reason = reason
        self.detail = detail
    }

    public var description: String { "\(reason): \(detail)" }

    static func unreachable(_ detail: String) -> StorageFailure {
        StorageFailure(.unavailable, reason: "database_unreachable", detail: detail)
    }

    static let timedOut = StorageFailure(
        .unavailable, reason: "database_timeout", detail: "cơ sở dữ liệu không trả lời trong thời gian cho phép")

    /// The failure `error` stands for, when it is one of the database's own troubles rather than the request's (a
    /// constraint, a domain error): nil for those, which keep their own meaning.
    public static func classify(_ error: any Error) -> StorageFailure? {
        switch error {
        case let failure as StorageFailure: return failure
        case let error as SQLiteError: return classify(sqlite: error.reason, message: error.message)
        case let error as PSQLError: return classify(postgres: error)
        default: return nil
        }
    }

    private static func classify(sqlite reason: SQLiteError.Reason, message: String) -> StorageFailure? {
        switch reason {
        case .full:
            return StorageFailure(.full, reason: "storage_full", detail: "ổ đĩa đầy, SQLite không ghi được (\(message))")
        case .readOnly, .readonlyInRecovery, .readonlyCantLock, .readonlyInRollback, .readonlyBackingMoved, .readonlyDirectory,
            .permission:
            return StorageFailure(.unavailable, reason: "database_read_only", detail: "tệp cơ sở dữ liệu chỉ đọc (\(message))")
        case .corrupt, .corruptIndex, .corruptVirtualTable, .corruptSequenceSchema, .notADatabase:
            return StorageFailure(.unavailable, reason: "database_corrupt", detail: "tệp cơ sở dữ liệu bị hỏng (\(message))")
        case .busy, .busyTimeout, .busyInRecovery, .busyInSnapshot, .locked, .lockedBySharedCache, .noMemory, .cantOpen,
            .cantOpenDirectory, .cantOpenInvalidPath, .ioError, .ioErrorFailedRead, .ioErrorIncompleteRead, .ioErrorFailedWrite,
            .ioErrorFailedSync, .ioErrorFailedDirSync, .ioErrorFailedTruncate, .ioErrorFailedStat, .ioErrorFailedDelete,
            .ioErrorFailedAccess, .ioErrorFailedSharedMemOpen, .ioErrorFailedSharedMemSize, .ioErrorFailedSharedMemMap,
            .ioErrorFailedMemoryMap, .ioErrorNoMemory, .ioErrorCorruptedFilesystem, .ioErrorFailedUnlock, .ioErrorFailedReadLock,
            .ioErrorFailedLockCheck, .ioErrorFailedAdvisoryLock, .ioErrorFailedClose, .ioErrorFailedDeleteNonexistent,
            .ioErrorCantFindTempdir, .ioErrorBadDataChecksum:
            return StorageFailure(.unavailable, reason: "database_io", detail: "SQLite gặp lỗi đọc ghi (\(message))")
        default:
            return nil
        }
    }

    private static func classify(postgres error: PSQLError) -> StorageFailure? {
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed, .sslUnsupported,
            .failedToAddSSLHandler:
            return .unreachable("mất kết nối tới PostgreSQL (\(error.code))")
        case .queryCancelled:
            return .timedOut
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            switch state {
            case "53100":
                return StorageFailure(.full, reason: "storage_full", detail: "ổ đĩa của PostgreSQL đầy")
            case "57014":
                return .timedOut
            case _ where state.hasPrefix("28") || state == "3D000":
                return StorageFailure(
                    .unavailable, reason: "database_refused",
                    detail: "PostgreSQL từ chối trang (\(state): \(error.serverInfo?[.message] ?? ""))")
            case "25006":
                return StorageFailure(.unavailable, reason: "database_read_only", detail: "PostgreSQL đang ở chế độ chỉ đọc")
            case _ where state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("53"):
                return .unreachable("PostgreSQL từ chối (\(state): \(error.serverInfo?[.message] ?? ""))")
            default:
                return nil
            }
        default:
            return nil
        }
    }
}
