import Foundation

/// What a WordPress "Tools → Export" file (WXR, WordPress eXtended RSS 1.0–1.2) holds: the site, its authors and
/// terms, and every item (posts, pages, attachments, menu items…) with its comments. Only reads: deciding what to
/// import (published posts, approved comments) is the importer's business. Every string is NFC; titles, names, slugs
/// and addresses are trimmed; HTML bodies are kept exactly as WordPress stored them.
public struct WordPressExport: Sendable, Equatable {
    /// `wp:base_blog_url`, else the channel's `<link>`, else `wp:base_site_url`. On a multisite network
    /// `base_site_url` is the network's root and `base_blog_url` the exported site; on a single site they are equal.
    public var siteURL: String
    /// `<wp:author>` entries, in file order.
    public var authors: [Author]
    /// `<wp:category>` then `<wp:tag>` entries of the channel, in file order.
    public var categories: [Term]
    /// `<item>` entries, in file order: every post type, every status.
    public var items: [Item]

    /// A user who wrote something in the export.
    public struct Author: Sendable, Equatable {
        /// `wp:author_login`, what `Item.creator` refers to.
        public var login: String
        /// `wp:author_email`, nil when empty.
        public var email: String?
        /// `wp:author_display_name`, the login when that is empty.
        public var displayName: String
    }

    /// A category or a tag declared at the channel level.
    public struct Term: Sendable, Equatable {
        /// Which taxonomy the term belongs to.
        public enum Kind: String, Sendable, Equatable {
            case category
            case tag
        }

        /// Category or tag.
        public var kind: Kind
        /// `wp:category_nicename` or `wp:tag_slug`, percent-decoded.
        public var slug: String
        /// `wp:cat_name` or `wp:tag_name`, the slug when WordPress left the name out.
        public var name: String
    }

    /// One `<item>`: a post, page, attachment, menu item, revision or custom post type.
    public struct Item: Sendable, Equatable {
        /// `wp:post_id`.
        public var postID: Int64
        /// `wp:post_type`: post, page, attachment, nav_menu_item, revision, or a plugin's type.
        public var postType: String
        /// `wp:status`: publish, draft, future, private, pending, trash, inherit, auto-draft.
        public var status: String
        /// `<title>`, trimmed (empty for most menu items).
        public var title: String
        /// `<link>`, the permalink at export time.
        public var link: String
        /// `<guid>`, nil when empty.
        public var guid: String?
        /// `wp:post_name`, percent-decoded ("gi%e1%bb%9bi-thi%e1%bb%87u" → "giới-thiệu"); nil when empty, as for
        /// drafts that were never published.
        public var slug: String?
        /// `dc:creator`: an author's login, nil when empty.
        public var creator: String?
        /// `content:encoded`: the post's raw HTML as stored (block comments, shortcodes, no `<p>` for classic posts);
        /// `WordPressContent.html(_:)` turns it into HTML.
        public var content: String
        /// `excerpt:encoded`, raw.
        public var excerpt: String
        /// `wp:post_date_gmt`; for a draft, whose GMT date WordPress leaves at "0000-00-00 00:00:00", `wp:post_date`
        /// read in the site's time zone; else `<pubDate>`; nil when none is a real date.
        public var date: Date?
        /// Names of the `<category domain="category">` terms, in order, without duplicates.
        public var categories: [String]
        /// Names of the `<category domain="post_tag">` terms, in order, without duplicates.
        public var tags: [String]
        /// `wp:attachment_url` of an attachment, nil otherwise.
        public var attachmentURL: String?
        /// `wp:comment_status`: "open" or "closed"; nil when missing.
        public var commentStatus: String?
        /// The `<wp:comment>` entries, in file order (WordPress writes them by id, not as a tree).
        public var comments: [Comment]
    }

    /// One `<wp:comment>` of an item.
    public struct Comment: Sendable, Equatable {
        /// `wp:comment_id`.
        public var id: Int64
        /// `wp:comment_parent`, nil for a top-level comment (WordPress writes 0).
        public var parent: Int64?
        /// `wp:comment_author`, trimmed.
        public var author: String
        /// `wp:comment_author_email`, nil when empty.
        public var email: String?
        /// `wp:comment_author_url`, nil when empty or the bare "http://" old comment forms saved.
        public var url: String?
        /// `wp:comment_author_IP`, nil when empty.
        public var ip: String?
        /// `wp:comment_date_gmt`, else `wp:comment_date` in the site's time zone.
        public var date: Date?
        /// `wp:comment_content`: plain text with newlines and some HTML, as the commenter typed it.
        public var content: String
        /// `wp:comment_approved`: "1", "0" (pending), "spam", "trash", "post-trashed".
        public var approved: String
        /// `wp:comment_type`: "comment" (WordPress 5.5 and later), "" (earlier), "pingback", "trackback".
        public var type: String
        /// `wp:comment_user_id`, nil for a visitor (WordPress writes 0).
        public var userID: Int64?
    }

    /// The site's time zone when an export leaves it unsaid: Vietnam, UTC+7 without daylight saving.
    public static let vietnamTimeZone = ImportDate.vietnam

    /// Reads a WXR file. Local dates (`wp:post_date` of drafts, `wp:comment_date`) are read in `siteTimeZone`.
    /// Throws when the data is not well-formed XML, or is XML but not a WordPress export (root not `<rss>`, no
    /// `<wp:wxr_version>`: WordPress's own importer refuses such files too).
    public static func parse(_ data: Data, siteTimeZone: TimeZone = vietnamTimeZone) throws(ImportFormatError) -> WordPressExport {
        let builder = Builder(siteTimeZone: siteTimeZone)
        try ImportXMLReader.read(data, prefix: Builder.prefix(forNamespace:), into: builder)
        return try builder.finish()
    }
}
