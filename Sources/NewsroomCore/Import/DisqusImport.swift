import Foundation

/// What a Disqus export becomes here: each thread that has posts, with its canonical URL (which finds the article it
/// belongs to, or names the comment thread kept for that page), and its posts as comments: spam as spam, deleted ones
/// as rejected (kept for the record, never shown), the rest published.
public struct DisqusImport: Sendable {
    public struct Entry: Sendable {
        public var thread: DisqusExport.Thread
        /// The thread's link in canonical form (`EmbeddedThread.canonicalURL`), nil when it is not an http(s) URL.
        public var url: String?
        public var comments: [ForeignComment]
    }

    /// Keys every id of this export: `disqus:` and the forum's short name.
    public var source: String
    public var entries: [Entry]
    /// What was left out, by kind, for the summary.
    public var skipped: [String: Int]

    public init(_ export: DisqusExport, fingerprint: (String) -> String) {
        source = "disqus:" + (export.forum.flatMap { $0.isEmpty ? nil : $0 } ?? "disqus")
        var posts: [String: [ForeignComment]] = [:]
        var skipped: [String: Int] = [:]
        let threads = Dictionary(export.threads.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for post in export.posts {
            guard let thread = threads[post.threadID] else {
                skipped["post (không rõ thread)", default: 0] += 1
                continue
            }
            posts[post.threadID, default: []].append(Self.comment(post, fingerprint: fingerprint, fallbackDate: thread.createdAt))
        }
        var entries: [Entry] = []
        for thread in export.threads {
            guard let comments = posts[thread.id] else {
                skipped["thread (không có bình luận)", default: 0] += 1
                continue
            }
            entries.append(
                Entry(thread: thread, url: EmbeddedThread.canonicalURL(thread.link), comments: ForeignComment.parentsFirst(comments)))
        }
        self.entries = entries
        self.skipped = skipped
    }

    static func comment(_ post: DisqusExport.Post, fingerprint: (String) -> String, fallbackDate: Date?) -> ForeignComment {
        let status: CommentStatus = post.isSpam ? .spam : post.isDeleted ? .rejected : .published
        let name = VietnameseText.cleanedLine(post.authorName.isEmpty ? (post.authorUsername ?? "") : post.authorName)
        let email = post.authorEmail.map { VietnameseText.cleanedLine($0).lowercased() }.flatMap { $0.contains("@") ? $0 : nil }
        let body = ForeignText.plain(fromHTML: post.message)
        var comment = ForeignComment(
            externalID: post.id, parentExternalID: post.parentID,
            author: name.isEmpty ? "Khách" : String(name.prefix(CommentLimits.authorMaxLength)), email: email, authorURL: nil,
            clientFingerprint: post.ipAddress.flatMap { $0.isEmpty ? nil : fingerprint($0) },
            body: body.isEmpty ? "(bình luận đã xóa)" : body, status: status,
            createdAt: post.createdAt ?? fallbackDate ?? Date(timeIntervalSince1970: 0))
        if let identifier = post.identifier, identifier.hasPrefix("wp_id="), Int64(identifier.dropFirst(6)) != nil {
            comment.wordpressID = String(identifier.dropFirst(6))
        }
        return comment
    }
}
