import Foundation
import JWTKit
import NewsroomCore

/// A reader signed in by the host site of an embedded comment section: the site signs a short-lived JWT (HS256, with
/// the secret it shares with the newspaper, `--embed-secret`) naming the reader, and the comment carries that name as
/// verified instead of what was typed.
///
/// Claims: `sub` (the reader's id on the host site), `name`, optional `email`, and `exp` (required: a token that never
/// expires would be a password written into a page).
struct EmbedSignIn: Sendable {
    struct Claims: JWTPayload {
        var sub: SubjectClaim
        var name: String
        var email: String?
        var exp: ExpirationClaim

        func verify(using algorithm: some JWTAlgorithm) async throws {
            try exp.verifyNotExpired()
        }
    }

    /// Who the token names.
    struct Reader: Sendable, Equatable {
        var id: String
        var name: String
        var email: String?
    }

    let secret: String

    /// The reader a token names; 401 `unauthenticated` for a token that is not signed with the secret, has expired or
    /// names nobody.
    func reader(_ token: String) async throws -> Reader {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        let claims: Claims
        do {
            claims = try await keys.verify(token, as: Claims.self)
        } catch {
            throw NewsroomError(.unauthenticated, message: Strings.embedSignInInvalid)
        }
        let name = VietnameseText.cleanedLine(claims.name)
        guard !claims.sub.value.isEmpty, !name.isEmpty else { throw NewsroomError(.unauthenticated, message: Strings.embedSignInInvalid) }
        let email = claims.email.map { VietnameseText.cleanedLine($0) }.flatMap { $0.isEmpty ? nil : $0 }
        return Reader(id: claims.sub.value, name: String(name.prefix(CommentLimits.authorMaxLength)), email: email)
    }

    /// Signs a token for a reader, as a host site does (tests, and newspapers trying the sign-in out).
    static func sign(_ reader: Reader, expires: Date, secret: String) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        return try await keys.sign(
            Claims(sub: SubjectClaim(value: reader.id), name: reader.name, email: reader.email, exp: ExpirationClaim(value: expires)))
    }
}
