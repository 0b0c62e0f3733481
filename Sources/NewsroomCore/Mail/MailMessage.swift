import Foundation

/// A mailbox: an address and an optional display name ("Tòa soạn Newsroom <toasoan@bao.example.vn>").
///
/// The address is checked when the value is made and cannot be changed afterwards, so a header built from a
/// `MailAddress` can never carry a line break into the message.
public struct MailAddress: Sendable, Equatable {
    /// The name mail clients show instead of the address; any text, encoded when rendered.
    public var name: String?
    /// The addr-spec, `local@domain`, plain ASCII.
    public private(set) var address: String

    /// A mailbox, or nil when `address` is not a plausible addr-spec: ASCII only, at most 254 bytes, a dot-atom local
    /// part of at most 64 bytes, `@`, and a domain of two or more letter-digit-hyphen labels.
    public init?(name: String? = nil, address: String) {
        guard Self.isPlausible(address) else { return nil }
        self.name = name
        self.address = address
    }

    /// Reads `Name <local@domain>`, `"Quoted, Name" <local@domain>`, `<local@domain>` or `local@domain`, as the
    /// `--mail-from` flag is written; nil when the address part is not plausible.
    public init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard text.hasSuffix(">"), let open = text.lastIndex(of: "<") else {
            self.init(address: text)
            return
        }
        let name = Self.unquoted(text[..<open].trimmingCharacters(in: .whitespaces))
        self.init(name: name.isEmpty ? nil : name, address: String(text[open...].dropFirst().dropLast()))
    }

    /// As a header value: the address alone, or the name (RFC 2047 encoded words when it is not plain ASCII, quoted
    /// when it has specials) followed by `<address>`.
    public var header: String {
        let name = MIMEEncoding.singleLine(name ?? "").trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? address : "\(MIMEEncoding.phrase(name)) <\(address)>"
    }

    static func isPlausible(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard bytes.count <= 254, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let labels = bytes[(at + 1)...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let hyphen = UInt8(ascii: "-")
        return at <= 64 && local.allSatisfy { !$0.isEmpty && $0.allSatisfy(MIMEEncoding.isAtext) } && labels.count >= 2
            && labels.allSatisfy { label in
                (1...63).contains(label.count) && label.first != hyphen && label.last != hyphen
                    && label.allSatisfy { MIMEEncoding.isAlphanumeric($0) || $0 == hyphen }
            }
    }

    /// A quoted-string's content with its backslash escapes undone; other text unchanged.
    static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        return String(text.dropFirst().dropLast()).replacing(#/\\(.)/#) { String($0.output.1) }
    }
}

/// An e-mail as RFC 5322 + MIME text: a UTF-8 plain-text part and, optionally, an HTML alternative.
public struct MailMessage: Sendable {
    /// The sender, in `From`; its domain also completes Message-IDs made here.
    public var from: MailAddress
    /// The recipients named in `To`; the SMTP client sends to these (a message with none has no `To` line).
    public var to: [MailAddress]
    /// Any text; control characters and line breaks become spaces.
    public var subject: String
    /// The text/plain part. Line breaks may be CRLF, LF or CR; each part ends with a line break, added when missing.
    public var text: String
    /// When given, the message is multipart/alternative: `text` first, then this as text/html.
    public var html: String?
    /// `<unique@domain>`, the same for every attempt at one notification (see `messageID(key:from:)`). Angle brackets
    /// are added when missing; an id that is not `left@right` of printable ASCII is rebuilt from its bytes.
    public var messageID: String
    /// When the message was written, in `Date`.
    public var date: Date
    /// Extra headers in order, e.g. `("List-Unsubscribe", "<https://…>")`. A line break in a value becomes a space;
    /// a header is left out when its name is not a header token, when this type writes that header itself, when it
    /// names recipients (`Cc`, `Bcc`: recipients come only from `to`), or when it cannot be folded within 998 bytes.
    public var headers: [(name: String, value: String)]

    /// A message; `headers` are written after `Subject`, in the order given.
    public init(
        from: MailAddress, to: [MailAddress], subject: String, text: String, html: String? = nil,
        messageID: String, date: Date, headers: [(name: String, value: String)] = []
    ) {
        (self.from, self.to, self.subject, self.text, self.html) = (from, to, subject, text, html)
        (self.messageID, self.date, self.headers) = (messageID, date, headers)
    }

    /// Asia/Ho_Chi_Minh (UTC+7 all year), the zone `Date` headers are written in unless another is given.
    public static let defaultTimeZone =
        TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt

    /// A Message-ID for one notification, from a key that names it (e.g. `reply-<comment id>-<recipient id>`) and the
    /// sender's domain: the same key always gives the same id, so a retried send is recognisable as the same message.
    public static func messageID(key: String, from sender: MailAddress) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var left = key.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        // A long key would make an unfoldable line; its hash is as stable and as unique for our purposes.
        if left.isEmpty || left.utf8.count > 200 { left = "h" + MIMEEncoding.fnv1a(key) }
        return "<\(left)@\(sender.address.split(separator: "@").last ?? "")>"
    }

    /// The whole message as sent after SMTP DATA, before dot-stuffing: CRLF line endings, ending with CRLF, headers
    /// folded at 76 characters where a space allows and never over 998, bodies quoted-printable in lines of 76.
    public func rendered(timeZone: TimeZone = MailMessage.defaultTimeZone) -> String {
        var fields = [("Date", MIMEEncoding.date(date, in: timeZone)), ("Message-ID", normalizedMessageID)]
        fields.append(("From", from.header))
        if !to.isEmpty { fields.append(("To", to.map(\.header).joined(separator: ", "))) }
        fields.append(("Subject", MIMEEncoding.unstructured(subject, encodingRiskyASCII: true)))
        fields += headers.filter { Self.isUsableHeaderName($0.name) }
            .map { ($0.name, MIMEEncoding.unstructured($0.value, encodingRiskyASCII: false)) }
        fields.append(("MIME-Version", "1.0"))
        // Quoted-printable never writes "=_" ("=" always starts a hex escape or a soft break), so a boundary that
        // begins with it cannot occur inside either part, whatever they say.
        let boundary = "=_NewsroomPart_" + MIMEEncoding.fnv1a(messageID)
        if html != nil { fields.append(("Content-Type", "multipart/alternative; boundary=\"\(boundary)\"")) }
        let header = fields.compactMap { MIMEEncoding.field($0.0, $0.1) }.joined(separator: "\r\n") + "\r\n"
        guard let html else { return header + Self.part("plain", text) }
        let parts = [("plain", text), ("html", html)].map { "--\(boundary)\r\n" + Self.part($0, $1) + "\r\n" }
        return header + "\r\n" + parts.joined() + "--\(boundary)--\r\n"
    }

    /// `messageID` in angle brackets when it is a plain `left@right`, otherwise one made from it.
    var normalizedMessageID: String {
        var id = messageID.trimmingCharacters(in: .whitespaces)
        if id.count >= 2 && id.hasPrefix("<") && id.hasSuffix(">") { id = String(id.dropFirst().dropLast()) }
        let sides = id.split(separator: "@", omittingEmptySubsequences: false)
        let plain =
            sides.count == 2 && id.utf8.count <= 250
            && sides.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { MIMEEncoding.isAtext($0) || $0 == 0x2E } }
        return plain ? "<\(id)>" : Self.messageID(key: id, from: from)
    }

    private static let writtenHeaders: Set<String> = [
        "date", "message-id", "from", "to", "cc", "bcc", "subject", "mime-version", "content-type",
        "content-transfer-encoding",
    ]

    /// Whether an extra header may be written: a field name (printable ASCII but `:`) this type does not write.
    static func isUsableHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { (33...126).contains($0) && $0 != UInt8(ascii: ":") }
            && !writtenHeaders.contains(name.lowercased())
    }

    /// A text part's headers, a blank line and its text quoted-printable, ending with a line break.
    private static func part(_ subtype: String, _ content: String) -> String {
        let body = MIMEEncoding.quotedPrintable(content)
        return "Content-Type: text/\(subtype); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + body + (body.hasSuffix("\r\n") ? "" : "\r\n")
    }
}

/// What keeps Vietnamese intact in 7-bit mail: RFC 2047 encoded words in headers, quoted-printable in bodies.
public enum MIMEEncoding {
    /// 39 UTF-8 bytes are 52 base64 characters, a 64-character encoded word: `Subject: ` and one word fit in 76.
    static let bytesPerWord = 39

    /// The text as RFC 2047 encoded words (`=?utf-8?B?…?=`), each at most 75 characters. Words split between grapheme
    /// clusters, or between the scalars of a cluster too long for one word, never inside a UTF-8 sequence.
    public static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            if !chunk.isEmpty { words.append("=?utf-8?B?\(Data(chunk).base64EncodedString())?=") }
            chunk = []
        }
        func add(_ bytes: String.UTF8View) {
            if chunk.count + bytes.count > bytesPerWord { flush() }
            chunk += bytes
        }
        for character in text {
            let bytes = String(character).utf8
            // A cluster too long for one word (a pile of combining marks) is split between its scalars.
            let pieces = bytes.count <= bytesPerWord ? [bytes] : character.unicodeScalars.map { String($0).utf8 }
            for piece in pieces { add(piece) }
        }
        flush()
        return words
    }

    /// The text quoted-printable: line breaks (CRLF, LF or CR) written as CRLF, each line at most 76 characters with
    /// `=` soft breaks, never inside an `=XX` escape. Trailing spaces, `=`, and a line-leading `.` or `From ` are
    /// escaped, so relays that strip, stuff or mangle them cannot change the text.
    public static func quotedPrintable(_ text: String) -> String {
        let unix = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return unix.split(separator: "\n", omittingEmptySubsequences: false)
            .map { quotedPrintableLine(Array($0.utf8)) }.joined(separator: "\r\n")
    }

    /// One line (no line break in it) quoted-printable, with soft breaks where it passes 76 characters.
    static func quotedPrintableLine(_ bytes: [UInt8]) -> String {
        var output = ""
        var line = ""
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            func token(atStart: Bool) -> String {
                let risky = atStart && (byte == 0x2E || bytes[index...].starts(with: "From ".utf8))
                let printable = (33...126).contains(byte) && byte != 0x3D
                let literal = printable || ((byte == 0x20 || byte == 0x09) && !isLast)
                return literal && !risky ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
            }
            var next = token(atStart: line.isEmpty)
            // A line that continues needs room for its "=" soft break.
            if line.count + next.count > (isLast ? 76 : 75) {
                output += line + "=\r\n"
                line = ""
                next = token(atStart: true)
            }
            line += next
        }
        return output + line
    }

    /// `Name: value` folded before spaces so lines stay within 76 characters where a space allows (RFC 2047's limit
    /// for lines with encoded words, inside RFC 5322's 78); nil when a line would still pass 998 bytes.
    static func field(_ name: String, _ value: String) -> String? {
        var lines: [String] = []
        var line = name + ":"
        var lineHasWord = false
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            // Never fold before an empty word (a line of only spaces is not allowed), nor leave `Name:` alone on its
            // line for a word that would not fit the next line either (a long URL).
            let mayFold = !word.isEmpty && (lineHasWord || 1 + word.utf8.count <= 76)
            if mayFold && line.utf8.count + 1 + word.utf8.count > 76 {
                lines.append(line)
                line = ""
            }
            line += " " + word
            lineHasWord = lineHasWord || !word.isEmpty
        }
        lines.append(line)
        return lines.allSatisfy { $0.utf8.count <= 998 } ? lines.joined(separator: "\r\n") : nil
    }

    /// An unstructured header value: line breaks and control characters become spaces, and the text becomes encoded
    /// words when it is not printable ASCII, or, with `encodingRiskyASCII`, when it holds `=?` or a word too long
    /// to fold (a URL in an extra header stays as it is).
    static func unstructured(_ text: String, encodingRiskyASCII: Bool) -> String {
        let line = singleLine(text)
        return needsEncoding(line, risky: encodingRiskyASCII) ? encodedWords(line).joined(separator: " ") : line
    }

    /// A display name: as it is when it is atoms and spaces, quoted when it has specials, else encoded words.
    static func phrase(_ name: String) -> String {
        if needsEncoding(name, risky: true) { return encodedWords(name).joined(separator: " ") }
        if name.utf8.allSatisfy({ isAtext($0) || $0 == 0x20 }) { return name }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// Whether header text must be encoded words: not printable ASCII, or (`risky`) holding `=?`, which a reader
    /// would take for the start of an encoded word, or a word too long for a folded line.
    static func needsEncoding(_ text: String, risky: Bool) -> Bool {
        !text.utf8.allSatisfy { (0x20...0x7E).contains($0) }
            || risky && (text.contains("=?") || text.split(separator: " ").contains { $0.utf8.count > 75 })
    }

    /// The text on one line: each line break (CRLF counts as one) and control character becomes a space.
    static func singleLine(_ text: String) -> String {
        String(
            text.map { character in
                let isControl = character.unicodeScalars.contains { $0.properties.generalCategory == .control }
                return character.isNewline || isControl ? " " : character
            })
    }

    /// An RFC 5322 date in `zone`, e.g. "Wed, 02 Dec 2026 09:05:00 +0700", with English names whatever the locale.
    static func date(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = days[((parts.weekday ?? 1) + 6) % 7]
        let month = months[((parts.month ?? 1) + 11) % 12]
        let offset = zone.secondsFromGMT(for: date) / 60
        let zoneText = (offset < 0 ? "-" : "+") + String(format: "%02d%02d", abs(offset) / 60, abs(offset) % 60)
        let time = String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        return "\(day), \(String(format: "%02d", parts.day ?? 1)) \(month) \(parts.year ?? 1970) \(time) \(zoneText)"
    }

    /// A stable 64-bit FNV-1a hash in hex, for ids and boundaries that must not change between runs.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return String(hash, radix: 16)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// RFC 5322 atext: the characters of an atom (letters, digits and ``!#$%&'*+-/=?^_`{|}~``).
    static func isAtext(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }
}
