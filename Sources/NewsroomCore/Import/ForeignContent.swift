import Foundation

/// An article read from another system's export (WordPress), keyed by that system's id so that importing the same
/// export again updates it instead of adding a copy.
public struct ForeignArticle: Sendable, Equatable {
    /// The id it had there (a WordPress post id).
    public var externalID: String
    public var draft: ArticleDraft
    /// Addresses it had there (`/?p=ID`, its permalink's path), which answer 301 to its page here.
    public var oldPaths: [String]

    public init(externalID: String, draft: ArticleDraft, oldPaths: [String]) {
        self.externalID = externalID
        self.draft = draft
        self.oldPaths = oldPaths
    }

    /// How an old address is kept and looked up: its path percent-decoded and in NFC, without a trailing `/`, with the
    /// query when it has one (`/?p=12`).
    public static func redirectKey(path: String, query: String?) -> String {
        var decoded = VietnameseText.normalized(Self.decoded(path))
        while decoded.count > 1, decoded.hasSuffix("/") { decoded.removeLast() }
        if decoded.isEmpty { decoded = "/" }
        guard let query, !query.isEmpty else { return decoded }
        return decoded + "?" + Self.decoded(query)
    }

    /// Percent-decoded, unless that gives control characters (a `%00` no database would take) or no UTF-8: then as sent.
    private static func decoded(_ text: String) -> String {
        guard let decoded = text.removingPercentEncoding, !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return text }
        return decoded
    }
}

/// A comment read from another system's export, keyed by its id there; `parentExternalID` names the comment it
/// answers there, at any depth (storage files it under that comment's thread, answering that comment).
public struct ForeignComment: Sendable, Equatable {
    public var externalID: String
    public var parentExternalID: String?
    public var author: String
    public var email: String?
    /// The commenter's own web address, as they gave it.
    public var authorURL: String?
    /// Keyed hash of the commenter's address (the address itself is never kept), or nil when unknown.
    public var clientFingerprint: String?
    public var body: String
    public var status: CommentStatus
    public var createdAt: Date
    /// The WordPress comment this one copies (Disqus's WordPress plugin exports comments it synced with `wp_id=N`): when
    /// a WordPress export brought that comment in already, this one is the same comment, not another.
    public var wordpressID: String?

    public init(
        externalID: String, parentExternalID: String?, author: String, email: String?, authorURL: String?, clientFingerprint: String?,
        body: String, status: CommentStatus, createdAt: Date
    ) {
        self.externalID = externalID
        self.parentExternalID = parentExternalID
        self.author = author
        self.email = email
        self.authorURL = authorURL
        self.clientFingerprint = clientFingerprint
        self.body = body
        self.status = status
        self.createdAt = createdAt
    }

    /// Comments in an order where each comes after the one it answers (an answer to a comment that is not in the list
    /// becomes a comment of its own); otherwise in the order given.
    public static func parentsFirst(_ comments: [ForeignComment]) -> [ForeignComment] {
        let ids = Set(comments.map(\.externalID))
        var children: [String: [ForeignComment]] = [:]
        var roots: [ForeignComment] = []
        for var comment in comments {
            if let parent = comment.parentExternalID, ids.contains(parent), parent != comment.externalID {
                children[parent, default: []].append(comment)
            } else {
                comment.parentExternalID = nil
                roots.append(comment)
            }
        }
        var ordered: [ForeignComment] = []
        var stack = roots.reversed() as [ForeignComment]
        while let next = stack.popLast() {
            ordered.append(next)
            stack.append(contentsOf: (children.removeValue(forKey: next.externalID) ?? []).reversed())
        }
        // What is left answers itself in a cycle: kept as comments of their own.
        for var comment in children.values.flatMap({ $0 }) {
            comment.parentExternalID = nil
            ordered.append(comment)
        }
        return ordered
    }
}

/// Text of comments written in HTML elsewhere (WordPress, Disqus), as Newsroom keeps comments: plain text, one blank
/// line between paragraphs, line breaks kept, entities decoded, NFC; links keep their text.
public enum ForeignText {
    public static func plain(fromHTML html: String) -> String {
        var text = ""
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            guard character == "<", let close = html[index...].firstIndex(of: ">") else {
                text.append(character)
                index = html.index(after: index)
                continue
            }
            let tag = html[html.index(after: index)..<close].lowercased()
            let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
            if name == "br" {
                text += "\n"
            } else if ["p", "div", "blockquote", "li", "ul", "ol", "pre", "h1", "h2", "h3", "h4", "h5", "h6"].contains(String(name)) {
                text += "\n\n"
            }
            index = html.index(after: close)
        }
        let decoded = HTMLSanitizer.decodeEntities(text)
        let lines = VietnameseText.cleanedMultiline(decoded).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var result: [String] = []
        for line in lines where !(line.isEmpty && (result.last?.isEmpty ?? true)) { result.append(line) }
        return result.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
