import NewsroomCore

/// A comment's text with its web addresses as links, marked `rel="ugc nofollow"` (readers wrote them; search engines
/// must not count them as the newspaper's). Only `http://` and `https://` addresses become links; everything is
/// escaped as text. The page script links the comments it inserts the same way.
enum CommentText {
    static func nodes(_ text: String) -> [Node] {
        var nodes: [Node] = []
        var plain = ""
        var rest = text[...]
        while let start = rest.range(of: "http", options: .caseInsensitive) {
            let candidate = rest[start.lowerBound...]
            let lower = candidate.prefix(8).lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
                start.lowerBound == rest.startIndex || !rest[rest.index(before: start.lowerBound)].isLetter
            else {
                plain += rest[rest.startIndex..<start.upperBound]
                rest = rest[start.upperBound...]
                continue
            }
            var end = candidate.firstIndex(where: { $0.isWhitespace || "<>\"".contains($0) }) ?? candidate.endIndex
            // Punctuation that ends a sentence is not part of the address.
            while end > candidate.startIndex, ".,;:!?)]}'…".contains(candidate[candidate.index(before: end)]) {
                end = candidate.index(before: end)
            }
            let url = String(candidate[candidate.startIndex..<end])
            plain += rest[rest.startIndex..<start.lowerBound]
            if url.count <= 8 {
                plain += url
            } else {
                if !plain.isEmpty { nodes.append(.text(plain)) }
                plain = ""
                nodes.append(el("a", .href(url), .rel("ugc nofollow noopener")) { url })
            }
            rest = candidate[end...]
        }
        plain += rest
        if !plain.isEmpty { nodes.append(.text(plain)) }
        return nodes
    }
}
