import Crypto
import Foundation

/// The site's secret key behind form tokens and client hashes, and the fingerprint of it the database keeps, so a
/// copy of the site started with another key (a lost key file, a mistyped `NEWSROOM_SECRET`) is refused instead of
/// silently breaking every open form and changing every reader's hash.
public enum SiteKey {
    /// 32 hex digits of an HMAC of a fixed text under the key: it tells keys apart and reveals nothing of them.
    public static func fingerprint(_ key: [UInt8]) -> String {
        ClientIdentity.hex(
            HMAC<SHA256>.authenticationCode(for: Data("newsroom site key fingerprint".utf8), using: SymmetricKey(data: key)).prefix(16))
    }
}
