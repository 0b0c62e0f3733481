import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One element of an export file as the import parsers see it. Names carry a canonical prefix chosen by the
/// namespace URI, never the prefix the file happened to use: `wp:post_id` whether the file wrote `wp:`, `wxr:` or
/// declared WordPress's namespace as its default one.
struct ImportXMLElement {
    /// `prefix:local` for an element in a namespace the parser knows, the local name for one in no namespace (or the
    /// format's own default namespace), `{uri}local` for anything else.
    var name: String
    /// The attributes, named the same way; an attribute without a prefix is in no namespace, as XML says.
    var attributes: [String: String]

    /// The name without a `{uri}` of an unknown namespace, for messages.
    var displayName: String {
        guard name.hasPrefix("{"), let end = name.firstIndex(of: "}") else { return name }
        return String(name[name.index(after: end)...])
    }
}

/// What a format's parser does with the elements of a file, in document order. `path` is the names of the enclosing
/// elements, outermost first (empty for the root); `text` is the element's own character data and CDATA, in NFC.
/// Throwing stops the reading; an error without a line is given the line the XML parser is at.
protocol ImportXMLHandler: AnyObject {
    func start(_ element: ImportXMLElement, path: [String]) throws(ImportFormatError)
    func end(_ element: ImportXMLElement, text: String, path: [String]) throws(ImportFormatError)
}

/// Reads an export file with Foundation's SAX parser (libxml2 underneath: CDATA, entities and encodings handled),
/// resolving namespaces itself so that the same code runs on Linux and macOS.
enum ImportXMLReader {
    /// Feeds `data` to `handler`. `prefix` names a namespace URI's canonical prefix ("" to drop it, as for the format's
    /// default namespace), nil for a namespace the format does not use.
    static func read(
        _ data: Data, prefix: @escaping (String) -> String?, into handler: some ImportXMLHandler
    ) throws(ImportFormatError) {
        if let line = internalSubsetLine(data) {
            // No exporter declares entities; a file that does is not an export, and may be an entity bomb that
            // libxml2 would expand before any delegate call could stop it.
            throw ImportFormatError(
                line: line, message: "tệp có khai báo DOCTYPE với thực thể (<!ENTITY>), không phải tệp xuất dữ liệu")
        }
        // Through a stream, fed in chunks: on Linux `XMLParser(data:)` hands libxml2 the whole file at once, and
        // libxml2 refuses an input over 10 MB ("huge input lookup"), the size of a small newspaper's export.
        let parser = XMLParser(stream: InputStream(data: data))
        // The reader resolves prefixes from the `xmlns` attributes: Foundation's own namespace processing reports
        // attribute names with the file's prefixes on Linux, which would tie `dsq:id` to the letters "dsq".
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let delegate = Delegate(handler: handler, prefix: prefix)
        parser.delegate = delegate
        // Linux's `parse()` can answer true after an error: the delegate's record is what counts.
        let finished = parser.parse()
        if let failure = delegate.failure { throw failure }
        if !finished || parser.parserError != nil {
            throw ImportFormatError(line: parser.lineNumber > 0 ? parser.lineNumber : nil, message: "tệp XML hỏng")
        }
        guard delegate.sawRoot else { throw ImportFormatError(message: "tệp trống, không có nội dung XML") }
    }

    /// The line of a `<!DOCTYPE … [ … ]>` with an internal subset (where entities are declared) before the root
    /// element, nil when there is none. Reads the prolog only: comments, processing instructions and whitespace.
    static func internalSubsetLine(_ data: Data) -> Int? {
        let bytes = data
        var index = bytes.startIndex
        var line = 1
        func starts(_ text: String) -> Bool { bytes[index...].starts(with: Array(text.utf8)) }
        func skip(past end: String) {
            let needle = Array(end.utf8)
            while index < bytes.endIndex, !bytes[index...].starts(with: needle) {
                if bytes[index] == 0x0A { line += 1 }
                index += 1
            }
            index += needle.count
        }
        if starts("\u{FEFF}") { index += 3 }
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                line += 1
                index += 1
            } else if bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D {
                index += 1
            } else if starts("<?") {
                skip(past: "?>")
            } else if starts("<!--") {
                skip(past: "-->")
            } else if starts("<!DOCTYPE") {
                let doctypeLine = line
                while index < bytes.endIndex, bytes[index] != UInt8(ascii: ">") {
                    if bytes[index] == UInt8(ascii: "[") { return doctypeLine }
                    index += 1
                }
                index += 1
            } else {
                return nil
            }
        }
        return nil
    }

    /// The Vietnamese words for the libxml2 errors an export file is likely to have.
    static func message(forParserError code: Int) -> String {
        let what =
            switch code {
            case 4: "tệp trống hoặc không phải XML"
            case 5: "tệp kết thúc giữa chừng (thiếu thẻ đóng) hoặc có nội dung thừa sau thẻ gốc"
            case 9: "có ký tự không hợp lệ trong XML"
            case 23, 68: "có dấu & không viết thành &amp;"
            case 26, 27: "có thực thể (&...;) chưa được khai báo"
            case 73, 77: "có thẻ viết sai hoặc chưa đóng"
            case 76: "thẻ đóng không khớp với thẻ mở"
            default: "lỗi cú pháp XML (mã \(code))"
            }
        return "tệp XML hỏng: \(what)"
    }

    private final class Delegate<Handler: ImportXMLHandler>: NSObject, XMLParserDelegate {
        let handler: Handler
        let prefix: (String) -> String?
        var failure: ImportFormatError?
        var sawRoot = false
        /// Per open element: its resolved form, the namespaces in scope inside it, and its text so far (as UTF-8 bytes:
        /// a CDATA block may end inside a multi-byte character).
        var open: [(element: ImportXMLElement, namespaces: [String: String], text: [UInt8])] = []
        var path: [String] = []

        init(handler: Handler, prefix: @escaping (String) -> String?) {
            self.handler = handler
            self.prefix = prefix
        }

        func fail(_ error: ImportFormatError, _ parser: XMLParser) {
            guard failure == nil else { return }
            var error = error
            if error.line == nil, parser.lineNumber > 0 { error.line = parser.lineNumber }
            failure = error
            parser.abortParsing()
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            guard failure == nil else { return }
            sawRoot = true
            var namespaces = open.last?.namespaces ?? [:]
            for (name, value) in attributes where name == "xmlns" || name.hasPrefix("xmlns:") {
                namespaces[name == "xmlns" ? "" : String(name.dropFirst(6))] = value
            }
            var resolved: [String: String] = [:]
            for (name, value) in attributes where name != "xmlns" && !name.hasPrefix("xmlns:") {
                resolved[canonical(name, namespaces: namespaces, isAttribute: true)] = value
            }
            let element = ImportXMLElement(
                name: canonical(elementName, namespaces: namespaces, isAttribute: false), attributes: resolved)
            do throws(ImportFormatError) {
                try handler.start(element, path: path)
            } catch {
                fail(error, parser)
                return
            }
            open.append((element, namespaces, []))
            path.append(element.name)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard failure == nil, let closed = open.popLast() else { return }
            path.removeLast()
            let text = String(decoding: closed.text, as: UTF8.self).precomposedStringWithCanonicalMapping
            do throws(ImportFormatError) {
                try handler.end(closed.element, text: text, path: path)
            } catch {
                fail(error, parser)
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard failure == nil, !open.isEmpty else { return }
            open[open.count - 1].text.append(contentsOf: string.utf8)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard failure == nil, !open.isEmpty else { return }
            open[open.count - 1].text.append(contentsOf: CDATABlock)
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            let code = (parseError as NSError).code
            fail(ImportFormatError(message: ImportXMLReader.message(forParserError: code)), parser)
        }

        /// `prefix:local` by namespace URI (see `ImportXMLElement.name`).
        func canonical(_ qualifiedName: String, namespaces: [String: String], isAttribute: Bool) -> String {
            let parts = qualifiedName.split(separator: ":", maxSplits: 1)
            let local = parts.count == 2 ? String(parts[1]) : qualifiedName
            let uri: String?
            if parts.count == 2 {
                let written = String(parts[0])
                uri = written == "xml" ? "http://www.w3.org/XML/1998/namespace" : namespaces[written]
                // An undeclared prefix is kept as written: lenient with a hand-made file that forgot its `xmlns:wp`.
                if uri == nil { return qualifiedName }
            } else {
                uri = isAttribute ? nil : namespaces[""]
            }
            guard let uri, !uri.isEmpty else { return local }
            guard let known = prefix(uri) else { return "{\(uri)}\(local)" }
            return known.isEmpty ? local : "\(known):\(local)"
        }
    }
}
