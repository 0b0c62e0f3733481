import Foundation

/// A YouTube or Vimeo video named by a link, and the privacy-enhanced player that plays it (youtube-nocookie.com,
/// Vimeo with `dnt=1`): what a paragraph holding only such a link becomes.
public struct VideoLink: Sendable, Equatable {
    public enum Site: String, Sendable { case youtube, vimeo }

    public var site: Site
    public var id: String
    /// Where to start, in seconds (YouTube's `t=` or `start=`).
    public var start: Int?

    /// The players' origins: the only frames an article page may hold.
    public static let playerOrigins = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]

    public var siteName: String { site == .youtube ? "YouTube" : "Vimeo" }

    /// The video's own page, for readers without JavaScript.
    public var pageURL: String {
        switch site {
        case .youtube: "https://www.youtube.com/watch?v=\(id)" + (start.map { "&t=\($0)s" } ?? "")
        case .vimeo: "https://vimeo.com/\(id)"
        }
    }

    /// The player, loaded only when the reader asks for it.
    public var playerURL: String {
        switch site {
        case .youtube: "https://www.youtube-nocookie.com/embed/\(id)?autoplay=1" + (start.map { "&start=\($0)" } ?? "")
        case .vimeo: "https://player.vimeo.com/video/\(id)?autoplay=1&dnt=1"
        }
    }

    public init(site: Site, id: String, start: Int? = nil) {
        self.site = site
        self.id = id
        self.start = start
    }

    /// The video a URL names (watch pages, short links, embeds and Shorts of YouTube; Vimeo pages and players), or nil.
    public init?(url text: String) {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
            var host = components.host?.lowercased()
        else { return nil }
        for prefix in ["www.", "m."] where host.hasPrefix(prefix) { host.removeFirst(prefix.count) }
        let parts = components.path.split(separator: "/").map(String.init)
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
        switch host {
        case "youtube.com", "youtube-nocookie.com", "music.youtube.com":
            if parts == ["watch"], let id = query["v"] {
                self.init(youtube: id, start: query["t"] ?? query["start"])
            } else if parts.count == 2, ["embed", "shorts", "live", "v"].contains(parts[0]) {
                self.init(youtube: parts[1], start: query["t"] ?? query["start"])
            } else {
                return nil
            }
        case "youtu.be":
            guard parts.count == 1 else { return nil }
            self.init(youtube: parts[0], start: query["t"] ?? query["start"])
        case "vimeo.com", "player.vimeo.com":
            guard let id = parts.last, !id.isEmpty, id.count <= 12, id.allSatisfy({ $0.isASCII && $0.isNumber }),
                parts.count == 1 || parts.first == "video" || parts.first == "channels" || parts.first == "groups"
            else { return nil }
            self.init(site: .vimeo, id: id)
        default:
            return nil
        }
    }

    private init?(youtube id: String, start: String?) {
        // YouTube ids are 11 characters of [A-Za-z0-9_-].
        guard id.count == 11, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            return nil
        }
        self.init(site: .youtube, id: id, start: start.flatMap(Self.seconds))
    }

    /// "90", "90s", "1m30s", "1h2m3s" in seconds.
    static func seconds(_ text: String) -> Int? {
        if let plain = Int(text), plain >= 0 { return plain }
        var total = 0
        var number = ""
        for character in text {
            if character.isASCII, character.isNumber {
                number.append(character)
            } else if let value = Int(number), let unit = ["h": 3600, "m": 60, "s": 1][String(character)] {
                total += value * unit
                number = ""
            } else {
                return nil
            }
        }
        return number.isEmpty && total > 0 ? total : nil
    }

    /// The video of a paragraph that is only a link to one, bare or `[title](url)`, with the link's text as its title.
    public static func paragraph(_ markdown: Substring) -> (video: VideoLink, title: String?)? {
        let text = markdown.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !text.contains("\n") else { return nil }
        if let video = VideoLink(url: text.hasPrefix("<") && text.hasSuffix(">") ? String(text.dropFirst().dropLast()) : text) {
            return (video, nil)
        }
        guard text.hasPrefix("["), text.hasSuffix(")"), let middle = text.range(of: "]("),
            let video = VideoLink(url: String(text[middle.upperBound..<text.index(before: text.endIndex)]))
        else { return nil }
        let title = String(text[text.index(after: text.startIndex)..<middle.lowerBound]).trimmingCharacters(in: .whitespaces)
        return (video, title.isEmpty ? nil : title)
    }
}
