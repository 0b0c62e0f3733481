/// The static files the pages use, compiled into the binary so a newspaper deploys one file. Their URLs carry a
/// fingerprint of their content, so they can be cached for a year and still change with a release.
enum Assets {
    static let stylesheetVersion = fingerprint(stylesheet)
    static let scriptVersion = fingerprint(script)
    static let adminScriptVersion = fingerprint(adminScript)

    /// 64-bit FNV-1a of the content, in hex: stable across runs and machines (unlike `hashValue`).
    static func fingerprint(_ content: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in content.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }
}
