import Foundation

/// What a Disqus export (Admin → Moderation → Export, an XML file by e-mail) holds: the threads (one per page that had a
/// comment box) and every post (comment), flat, each pointing at its thread and parent by Disqus's internal id
/// (`dsq:id`). Deleted and spam posts are in it too, flagged. Strings are NFC; names, addresses and titles trimmed.
public struct DisqusExport: Sendable, Equatable {
    /// The forum's short name, from the first `<forum>` of the file; nil when it has none.
    public var forum: String?
    /// The `<thread>` entries, in file order.
    public var threads: [Thread]
    /// The `<post>` entries, in file order (Disqus writes parents before their replies, but does not promise it).
    public var posts: [Post]

    /// A page with a comment box.
    public struct Thread: Sendable, Equatable {
        /// `dsq:id`, what `Post.threadID` refers to.
        public var id: String
        /// `<id>`, the identifier the site gave the embed (often empty; the WordPress plugin wrote "123 https://…?p=123").
        public var identifier: String?
        /// `<link>`, the page's address as Disqus saw it (query string and fragment included).
        public var link: String
        /// `<title>`, with the HTML character references Disqus copies from page titles decoded ("&#8217;" → "’").
        public var title: String
        /// `<createdAt>`.
        public var createdAt: Date?
        /// `<isClosed>`: no new comments.
        public var isClosed: Bool
        /// `<isDeleted>`.
        public var isDeleted: Bool
    }

    /// A comment.
    public struct Post: Sendable, Equatable {
        /// `dsq:id`.
        public var id: String
        /// `<id>`: the identifier of a comment that came into Disqus from elsewhere ("wp_id=25" for a comment the
        /// WordPress plugin synced from WordPress comment 25), nil for a comment written in Disqus.
        public var identifier: String?
        /// The `dsq:id` of the post's `<thread>`.
        public var threadID: String
        /// The `dsq:id` of the post's `<parent>`, nil for a top-level comment.
        public var parentID: String?
        /// `<message>`: HTML as Disqus stored it (paragraphs, links, line breaks).
        public var message: String
        /// `<createdAt>`.
        public var createdAt: Date?
        /// `<isDeleted>`.
        public var isDeleted: Bool
        /// `<isSpam>`.
        public var isSpam: Bool
        /// `<author><name>`, the username when the name is empty.
        public var authorName: String
        /// `<author><email>`, nil when missing (anonymous guests, and exports that leave e-mails out).
        public var authorEmail: String?
        /// `<author><username>`, the Disqus account; nil for a guest.
        public var authorUsername: String?
        /// `<author><isAnonymous>`: posted as a guest.
        public var isAnonymous: Bool
        /// `<ipAddress>`, nil when missing.
        public var ipAddress: String?
    }

    /// Reads a Disqus export. Throws when the data is not well-formed XML or its root is not `<disqus>`, or when a
    /// thread or post has no `dsq:id` or a post names no thread.
    public static func parse(_ data: Data) throws(ImportFormatError) -> DisqusExport {
        let builder = Builder()
        try ImportXMLReader.read(data, prefix: Builder.prefix(forNamespace:), into: builder)
        return DisqusExport(forum: builder.forum, threads: builder.threads, posts: builder.posts)
    }
}
