import Foundation
import Testing

@testable import NewsroomCore

/// Python's standard `email` package reads our messages as a mail client would: an independent parser, so these tests
/// catch what our own decoders in `MailDecoding` would share with the encoder (a misread RFC, a wrong boundary).
@Suite("Mail read back by Python's email parser")
struct MailPythonCrossCheckTests {
    static let python3: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin")
        .split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Prints, as JSON, what `email.policy.default` makes of the message file given as the first argument.
    static let script = """
        import email.parser, email.policy, json, sys
        with open(sys.argv[1], "rb") as f:
            msg = email.parser.BytesParser(policy=email.policy.default).parse(f)
        def part(kind):
            body = msg.get_body(preferencelist=(kind,))
            return None if body is None else body.get_content()
        sender = msg["From"].addresses[0]
        defects = [repr(d) for p in msg.walk() for d in p.defects]
        defects += [repr(d) for k in msg.keys() for d in getattr(msg[k], "defects", ())]
        print(json.dumps({
            "subject": str(msg["Subject"]), "fromName": sender.display_name, "fromAddress": sender.addr_spec,
            "to": [[a.display_name, a.addr_spec] for a in msg["To"].addresses], "multipart": msg.is_multipart(),
            "text": part("plain"), "html": part("html"), "unsubscribe": msg["List-Unsubscribe"],
            "date": msg["Date"].datetime.isoformat(), "messageID": str(msg["Message-ID"]),
            "keys": msg.keys(), "defects": defects,
        }))
        """

    /// What Python read.
    struct Reading: Decodable {
        var subject: String
        var fromName: String
        var fromAddress: String
        var to: [[String]]
        var multipart: Bool
        var text: String?
        var html: String?
        var unsubscribe: String?
        var date: String
        var messageID: String
        var keys: [String]
        var defects: [String]
    }

    /// A message to read back, named for the test list.
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var message: MailMessage
    }

    static let cases: [Case] = {
        guard var sample = try? MailSamples.message(),
            let bbt = MailAddress(parsing: "\"Ban biên tập, Newsroom\" <bbt@bao.example.vn>"),
            let ascii = MailAddress(name: #"Le "Bot", Newsroom"#, address: "bot@bao.example.vn")
        else { return [] }
        var injected = sample
        injected.subject = MailSamples.subject + "\r\nBcc: evil@example.com"
        injected.headers.append(("X-Newsroom-Thread", "1234\r\nBcc: evil@example.com"))
        var textOnly = sample
        textOnly.html = nil
        textOnly.subject = "Price =?utf-8?B?SGk=?= today, " + String(repeating: "rất dài ", count: 30)
        textOnly.text =
            ".\nFrom Hà Nội =^.^= \r\nmixed\rline\r\nendings 👨‍👩‍👧‍👦 "
            + String(repeating: "ệ=", count: 80) + "\n"
        sample.from = bbt
        sample.to = [ascii, bbt]
        return [
            Case(testDescription: "reply notification with injection attempts", message: injected),
            Case(testDescription: "text only with a hostile body", message: textOnly),
            Case(testDescription: "quoted and encoded names, two recipients", message: sample),
        ]
    }()

    @Test("all the read-back examples could be built")
    func examplesExist() {
        #expect(Self.cases.count == 3)
    }

    @Test(
        "Python decodes subject, sender, recipients, parts and extra headers to what we wrote",
        .enabled(if: python3 != nil, "python3 is not installed"), arguments: cases)
    func readBack(example: Case) throws {
        let message = example.message
        let reading = try Self.read(message.rendered())
        #expect(reading.defects == [])
        #expect(reading.subject == MIMEEncoding.singleLine(message.subject))
        #expect(reading.fromName == message.from.name)
        #expect(reading.fromAddress == message.from.address)
        #expect(reading.to == message.to.map { [$0.name ?? "", $0.address] })
        #expect(reading.multipart == (message.html != nil))
        #expect(reading.text == MailDecoding.expectedPart(message.text))
        #expect(reading.html == message.html.map(MailDecoding.expectedPart))
        #expect(reading.unsubscribe == MailSamples.unsubscribe)
        #expect(reading.date == "2026-12-02T09:05:00+07:00")
        #expect(reading.messageID == "<reply-1234-42@bao.example.vn>")
        #expect(!reading.keys.contains { $0.lowercased() == "bcc" })
        #expect(reading.keys.filter { $0 == "Subject" }.count == 1)
    }

    /// Runs the script on the message through /bin/sh, its output and errors going to files read after it exits
    /// (reading a pipe while waiting for the child can deadlock).
    static func read(_ rendered: String) throws -> Reading {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "newsroom-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("message.eml")
        let output = directory.appendingPathComponent("out.json")
        let errors = directory.appendingPathComponent("err.txt")
        try Data(rendered.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", #"python3 -c "$1" "$2" > "$3" 2> "$4""#, "sh", script, input.path, output.path, errors.path,
        ]
        try process.run()
        process.waitUntilExit()
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        try #require(process.terminationStatus == 0, "python3 failed: \(stderr)")
        return try JSONDecoder().decode(Reading.self, from: Data(contentsOf: output))
    }
}
