import Foundation

/// Reading a Disqus export element by element. `<thread>` is both a top-level element with children and, inside a
/// `<post>`, an empty reference to one: which one it is comes from where it sits.
extension DisqusExport {
    final class Builder: ImportXMLHandler {
        static let root = ["disqus"]
        static let category = ["disqus", "category"]
        static let thread = ["disqus", "thread"]
        static let post = ["disqus", "post"]
        static let author = ["disqus", "post", "author"]

        /// Disqus's elements are in its default namespace; `dsq:id` is in its internal one. A hand-made file without
        /// any namespace reads the same.
        static func prefix(forNamespace uri: String) -> String? {
            switch uri {
            case "http://disqus.com", "https://disqus.com": ""
            case "http://disqus.com/disqus-internals", "https://disqus.com/disqus-internals": "dsq"
            default: nil
            }
        }

        var forum: String?
        var threads: [Thread] = []
        var posts: [Post] = []
        var fields: [String: String] = [:]
        var author: [String: String] = [:]
        var references: [String: String] = [:]

        func start(_ element: ImportXMLElement, path: [String]) throws(ImportFormatError) {
            if path.isEmpty, element.name != "disqus" {
                throw ImportFormatError(message: "không phải tệp xuất Disqus: thẻ gốc là <\(element.displayName)>, cần <disqus>")
            }
            if path == Self.root, element.name == "thread" || element.name == "post" {
                fields = [:]
                author = [:]
                references = [:]
            }
        }

        func end(_ element: ImportXMLElement, text: String, path: [String]) throws(ImportFormatError) {
            let name = element.name
            switch path {
            case Self.root:
                if name == "thread" { try finishThread(element) }
                if name == "post" { try finishPost(element) }
            case Self.category, Self.thread:
                if name == "forum", forum == nil { forum = nonEmpty(text) }
                fields[name] = fields[name] ?? text
            case Self.post:
                if name == "thread" || name == "parent" {
                    // `<thread dsq:id="…"/>` in real exports; Disqus's documentation also shows the id as text.
                    if let id = element.attributes["dsq:id"].flatMap(nonEmpty) ?? nonEmpty(text) { references[name] = id }
                } else {
                    fields[name] = fields[name] ?? text
                }
            case Self.author:
                author[name] = author[name] ?? text
            default:
                break
            }
        }

        func finishThread(_ element: ImportXMLElement) throws(ImportFormatError) {
            guard let id = element.attributes["dsq:id"].flatMap(nonEmpty) else {
                throw ImportFormatError(message: "chủ đề <thread> thiếu thuộc tính dsq:id")
            }
            // Disqus copies page titles with their HTML references, escaped once more for XML ("Let&amp;#8217;s").
            let title = HTMLSanitizer.decodeEntities(trimmed(fields["title"])).trimmingCharacters(in: .whitespacesAndNewlines)
            threads.append(
                Thread(
                    id: id, identifier: fields["id"].flatMap(nonEmpty), link: trimmed(fields["link"]),
                    title: title.precomposedStringWithCanonicalMapping,
                    createdAt: fields["createdAt"].flatMap(ImportDate.iso8601), isClosed: flag(fields["isClosed"]),
                    isDeleted: flag(fields["isDeleted"])))
        }

        func finishPost(_ element: ImportXMLElement) throws(ImportFormatError) {
            guard let id = element.attributes["dsq:id"].flatMap(nonEmpty) else {
                throw ImportFormatError(message: "bình luận <post> thiếu thuộc tính dsq:id")
            }
            guard let threadID = references["thread"] else {
                throw ImportFormatError(message: "bình luận <post> dsq:id=\"\(id)\" không gắn với chủ đề <thread> nào")
            }
            let username = author["username"].flatMap(nonEmpty)
            posts.append(
                Post(
                    id: id, identifier: fields["id"].flatMap(nonEmpty), threadID: threadID, parentID: references["parent"],
                    // The whitespace around a CDATA block is the file's indentation, not the message's.
                    message: trimmed(fields["message"]), createdAt: fields["createdAt"].flatMap(ImportDate.iso8601),
                    isDeleted: flag(fields["isDeleted"]), isSpam: flag(fields["isSpam"]),
                    authorName: author["name"].flatMap(nonEmpty) ?? username ?? "",
                    authorEmail: author["email"].flatMap(nonEmpty), authorUsername: username,
                    isAnonymous: flag(author["isAnonymous"]), ipAddress: fields["ipAddress"].flatMap(nonEmpty)))
        }

        func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

        func nonEmpty(_ text: String) -> String? {
            let trimmed = trimmed(text)
            return trimmed.isEmpty ? nil : trimmed
        }

        func flag(_ text: String?) -> Bool { ["true", "1"].contains(trimmed(text).lowercased()) }
    }
}
