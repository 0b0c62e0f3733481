import ArgumentParser
import Foundation
import NewsroomStorage

/// How a command that cannot go on says so: one line in Vietnamese on standard error ("Lỗi: …", naming what and
/// why, and usually the fix) and exit status 1, instead of a library's English string.
enum CommandFailure {
    static func reporting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            FileHandle.standardError.write(Data("Lỗi: \(describe(error))\n".utf8))
            throw ExitCode(1)
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as ValidationError: error.message
        case let error as ConfigurationError: error.description
        case let error as BackupError: error.description
        default: StorageFailure.classify(error)?.detail ?? String(describing: error)
        }
    }
}
