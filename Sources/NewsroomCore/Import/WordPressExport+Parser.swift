import Foundation

/// Reading a WXR file element by element. Each container (`item`, `wp:comment`, `wp:author`…) collects the text of
/// its direct children by name; a child is only read where it belongs, so the `wp:meta_value` of a `wp:postmeta` or
/// a `wp:commentmeta`, or the `<link>` of the channel's `<image>`, never lands in another field.
extension WordPressExport {
    final class Builder: ImportXMLHandler {
        static let channel = ["rss", "channel"]
        static let item = ["rss", "channel", "item"]
        static let comment = ["rss", "channel", "item", "wp:comment"]
        static let author = ["rss", "channel", "wp:author"]
        static let category = ["rss", "channel", "wp:category"]
        static let tag = ["rss", "channel", "wp:tag"]

        /// The canonical prefixes: WordPress's namespace is versioned (`http://wordpress.org/export/1.2/`, 1.1,
        /// 1.0), and so is the excerpt's, which lives under it (`http://wordpress.org/export/1.2/excerpt/`).
        static func prefix(forNamespace uri: String) -> String? {
            if uri.hasPrefix("http://wordpress.org/export/") || uri.hasPrefix("https://wordpress.org/export/") {
                return uri.hasSuffix("/excerpt/") ? "excerpt" : "wp"
            }
            switch uri {
            case "http://purl.org/rss/1.0/modules/content/": return "content"
            case "http://purl.org/dc/elements/1.1/": return "dc"
            default: return nil
            }
        }

        struct ItemDraft {
            var fields: [String: String] = [:]
            var terms: [(domain: String?, name: String)] = []
            var comments: [Comment] = []
        }

        let siteTimeZone: TimeZone
        var channelFields: [String: String] = [:]
        var authors: [Author] = []
        var terms: [Term] = []
        var items: [Item] = []
        var item: ItemDraft?
        var fields: [String: String] = [:]

        init(siteTimeZone: TimeZone) { self.siteTimeZone = siteTimeZone }

        func start(_ element: ImportXMLElement, path: [String]) throws(ImportFormatError) {
            if path.isEmpty, element.name != "rss" {
                throw ImportFormatError(
                    message: "không phải tệp xuất WordPress (WXR): thẻ gốc là <\(element.displayName)>, cần <rss>")
            }
            switch (path, element.name) {
            case (Self.channel, "item"): item = ItemDraft()
            case (Self.channel, "wp:author"), (Self.channel, "wp:category"), (Self.channel, "wp:tag"),
                (Self.item, "wp:comment"):
                fields = [:]
            default: break
            }
        }

        func end(_ element: ImportXMLElement, text: String, path: [String]) throws(ImportFormatError) {
            let name = element.name
            switch path {
            case Self.channel:
                switch name {
                case "item": try finishItem()
                case "wp:author": finishAuthor()
                case "wp:category": finishTerm(.category, slug: "wp:category_nicename", name: "wp:cat_name")
                case "wp:tag": finishTerm(.tag, slug: "wp:tag_slug", name: "wp:tag_name")
                default: channelFields[name] = channelFields[name] ?? text
                }
            case Self.item:
                if name == "wp:comment" {
                    try finishComment()
                } else if name == "category" {
                    item?.terms.append((element.attributes["domain"], Self.trimmed(text)))
                } else {
                    if item?.fields[name] == nil { item?.fields[name] = text }
                }
            case Self.comment, Self.author, Self.category, Self.tag:
                fields[name] = fields[name] ?? text
            default:
                break
            }
        }

        func finish() throws(ImportFormatError) -> WordPressExport {
            guard let version = channelFields["wp:wxr_version"], !Self.trimmed(version).isEmpty else {
                throw ImportFormatError(
                    message: "tệp RSS này không phải tệp xuất WordPress: thiếu <wp:wxr_version> trong <channel>")
            }
            let siteURL = [channelFields["wp:base_blog_url"], channelFields["link"], channelFields["wp:base_site_url"]]
                .lazy.compactMap { $0.flatMap(Self.nonEmpty) }.first
            return WordPressExport(siteURL: siteURL ?? "", authors: authors, categories: terms, items: items)
        }

        func finishAuthor() {
            guard let login = fields["wp:author_login"].flatMap(Self.nonEmpty) else { return }
            let displayName = fields["wp:author_display_name"].flatMap(Self.nonEmpty) ?? login
            authors.append(Author(login: login, email: fields["wp:author_email"].flatMap(Self.nonEmpty), displayName: displayName))
        }

        func finishTerm(_ kind: Term.Kind, slug slugField: String, name nameField: String) {
            guard let slug = fields[slugField].flatMap(Self.slug) else { return }
            terms.append(Term(kind: kind, slug: slug, name: fields[nameField].flatMap(Self.nonEmpty) ?? slug))
        }

        func finishItem() throws(ImportFormatError) {
            guard let draft = item else { return }
            item = nil
            let fields = draft.fields
            let title = Self.trimmed(fields["title"] ?? "")
            guard let postID = fields["wp:post_id"].flatMap({ Int64(Self.trimmed($0)) }) else {
                throw ImportFormatError(message: "mục <item> \(title.isEmpty ? "" : "“\(title)” ")thiếu <wp:post_id> là số")
            }
            let date =
                fields["wp:post_date_gmt"].flatMap { ImportDate.wordPress($0, in: .gmt) }
                ?? fields["wp:post_date"].flatMap { ImportDate.wordPress($0, in: siteTimeZone) }
                ?? fields["pubDate"].flatMap(ImportDate.rfc822)
            var categories: [String] = []
            var tags: [String] = []
            for term in draft.terms where !term.name.isEmpty {
                switch term.domain {
                // WXR 1.0 also wrote each category once without a domain, and tags with domain "tag".
                case nil, "category": if !categories.contains(term.name) { categories.append(term.name) }
                case "post_tag", "tag": if !tags.contains(term.name) { tags.append(term.name) }
                default: break
                }
            }
            items.append(
                Item(
                    postID: postID, postType: fields["wp:post_type"].flatMap(Self.nonEmpty) ?? "post",
                    status: fields["wp:status"].flatMap(Self.nonEmpty) ?? "draft", title: title,
                    link: Self.trimmed(fields["link"] ?? ""), guid: fields["guid"].flatMap(Self.nonEmpty),
                    slug: fields["wp:post_name"].flatMap(Self.slug), creator: fields["dc:creator"].flatMap(Self.nonEmpty),
                    content: fields["content:encoded"] ?? "", excerpt: fields["excerpt:encoded"] ?? "", date: date,
                    categories: categories, tags: tags, attachmentURL: fields["wp:attachment_url"].flatMap(Self.nonEmpty),
                    commentStatus: fields["wp:comment_status"].flatMap(Self.nonEmpty), comments: draft.comments))
        }

        func finishComment() throws(ImportFormatError) {
            guard let id = fields["wp:comment_id"].flatMap({ Int64(Self.trimmed($0)) }) else {
                throw ImportFormatError(message: "bình luận <wp:comment> thiếu <wp:comment_id> là số")
            }
            let date =
                fields["wp:comment_date_gmt"].flatMap { ImportDate.wordPress($0, in: .gmt) }
                ?? fields["wp:comment_date"].flatMap { ImportDate.wordPress($0, in: siteTimeZone) }
            // Old comment forms saved "http://" when the visitor left the field empty.
            let url = fields["wp:comment_author_url"].flatMap(Self.nonEmpty).flatMap {
                ["http://", "https://"].contains($0.lowercased()) ? nil : $0
            }
            item?.comments.append(
                Comment(
                    id: id, parent: Self.positive(fields["wp:comment_parent"]),
                    author: Self.trimmed(fields["wp:comment_author"] ?? ""),
                    email: fields["wp:comment_author_email"].flatMap(Self.nonEmpty), url: url,
                    ip: fields["wp:comment_author_IP"].flatMap(Self.nonEmpty), date: date,
                    content: fields["wp:comment_content"] ?? "",
                    // A comment without a status is not taken for approved.
                    approved: fields["wp:comment_approved"].flatMap(Self.nonEmpty) ?? "0",
                    type: Self.trimmed(fields["wp:comment_type"] ?? ""), userID: Self.positive(fields["wp:comment_user_id"])))
        }

        static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

        static func nonEmpty(_ text: String) -> String? {
            let trimmed = trimmed(text)
            return trimmed.isEmpty ? nil : trimmed
        }

        /// An id WordPress writes as 0 for "none": nil then, and for anything that is not a number.
        static func positive(_ text: String?) -> Int64? {
            guard let text, let value = Int64(trimmed(text)), value > 0 else { return nil }
            return value
        }

        /// WordPress percent-encodes the UTF-8 of non-ASCII slugs ("gi%e1%bb%9bi-thi%e1%bb%87u").
        static func slug(_ text: String) -> String? {
            guard let slug = nonEmpty(text) else { return nil }
            return (slug.removingPercentEncoding ?? slug).precomposedStringWithCanonicalMapping
        }
    }
}
