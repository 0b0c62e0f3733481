/// The static files the pages use: `newsroom.css`, `newsroom.js` (the comment box, enhanced) and `desk.js` (the
/// desk's shortcuts and live counts), embedded in the binary by SwiftPM (`.embedInCode`) so a newspaper deploys one
/// file.
/// Their URLs carry a fingerprint of their content, so they can be cached for a year and still change with a release.
enum Assets {
    /// System fonts (they carry every Vietnamese mark), a generous line height for stacked diacritics, contrast of at
    /// least 4.5:1, one column that reads well from a 360 px phone to a desktop.
    static let stylesheet = text(PackageResources.newsroom_css)
    /// A live count in visible characters (`Intl.Segmenter`, as the server counts), posting and liking through the
    /// JSON API, reply forms opened in place, sorting, paging and live comments without a reload. Every link and form
    /// still works without it; reader text only ever enters the page through `textContent`.
    static let script = PageHooks.prelude + text(PackageResources.newsroom_js)
    /// The desk's keyboard shortcuts (j/k to move, a approve, r reject, s spam, e edit, x select, ? help) and the counts
    /// in the header, refreshed without a reload. The desk works without it through its forms.
    static let adminScript = DeskHooks.prelude + text(PackageResources.desk_js)
    /// What a host site's page loads to show a comment section (`EmbedController`): served at `/embed.js`, under its
    /// own name, since host pages cannot follow the fingerprinted names.
    static let embedScript = text(PackageResources.embed_js)
    /// An embedded section's frame: the host site's sign-in, and the frame's height for the host page.
    static let frameScript = PageHooks.prelude + text(PackageResources.embed_frame_js)
    /// The JSON API described (OpenAPI 3.1), for client generators and the API fuzzing in CI.
    static let openAPI = PackageResources.openapi_json

    /// The files' names under `/static/`, with their fingerprints.
    static let stylesheetVersion = fingerprint(stylesheet)
    static let scriptVersion = fingerprint(script)
    static let stylesheetFile = "newsroom-\(stylesheetVersion).css"
    static let scriptFile = "newsroom-\(scriptVersion).js"
    static let adminScriptFile = "desk-\(fingerprint(adminScript)).js"
    static let frameScriptFile = "embed-frame-\(fingerprint(frameScript)).js"

    /// The content and media type of the static file with this name, nil for any other name.
    static func file(named name: String) -> (body: String, type: String)? {
        switch name {
        case stylesheetFile: (stylesheet, "text/css; charset=utf-8")
        case scriptFile: (script, "text/javascript; charset=utf-8")
        case adminScriptFile: (adminScript, "text/javascript; charset=utf-8")
        case frameScriptFile: (frameScript, "text/javascript; charset=utf-8")
        default: nil
        }
    }

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

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
