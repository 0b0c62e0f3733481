import Crypto
import Foundation
import Hummingbird
import NewsroomCore
import NewsroomStorage

/// What a staff session remembers: who is signed in, and the CSRF token every state-changing request of that
/// session must carry.
public struct StaffSession: Codable, Sendable, Equatable {
    public var staffID: StaffMember.ID
    public var csrf: String

    static func new(for staff: StaffMember) -> StaffSession {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return StaffSession(staffID: staff.id, csrf: bytes.map { String(format: "%02x", $0) }.joined())
    }
}

/// Sessions in the database, so any instance can read a session another one created. The session cookie is a
/// secret: only its SHA-256 is stored, so a copy of the database cannot be used to sign in.
struct DatabasePersistDriver: PersistDriver {
    let sessions: any SessionRepository
    let now: @Sendable () -> Date

    static func keyHash(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        if try await sessions.get(keyHash: Self.keyHash(key), now: now()) != nil { throw PersistError.duplicate }
        try await set(key: key, value: value, expires: expires)
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let json = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        let expiry = expires.map { now().addingTimeInterval(TimeInterval($0.components.seconds)) }
        try await sessions.set(keyHash: Self.keyHash(key), value: json, expires: expiry, staffID: (value as? StaffSession)?.staffID)
    }

    func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        guard let json = try await sessions.get(keyHash: Self.keyHash(key), now: now()) else { return nil }
        do {
            return try JSONDecoder().decode(Object.self, from: Data(json.utf8))
        } catch {
            throw PersistError.invalidConversion
        }
    }

    func remove(key: String) async throws {
        try await sessions.remove(keyHash: Self.keyHash(key))
    }
}
