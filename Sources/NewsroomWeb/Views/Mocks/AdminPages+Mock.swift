#if DEBUG
    import NewsroomCore
    import NewsroomStorage

    extension LoginPage.Model {
        /// A moderator sent to the login page from a reported-comments queue of one article.
        static let mock = LoginPage.Model(
            next: "/admin/moderation?hang=bi-bao-cao&bai=42", message: nil, email: "", formToken: "mock-login-token")

        /// The password was wrong: the address typed stays in the form.
        static let mockRefused = LoginPage.Model(
            next: "/admin/moderation", message: "E-mail hoặc mật khẩu không đúng.", email: "hoang.lan@newsroom.vn",
            formToken: "mock-login-token")
    }

    extension ModerationLogPage.Model {
        /// An approval, a rejection and an edit, newest first.
        static let mock = ModerationLogPage.Model(
            staff: MockContent.admin, csrf: MockContent.csrf, counts: MockContent.queueCounts,
            entries: [
                ModerationLogEntry(
                    id: 3, staffEmail: MockContent.admin.email, commentID: MockContent.baoScript.id, action: .edit,
                    before: MockContent.baoScript.body, after: "Giá vé 9.000 đồng là hợp lý.",
                    createdAt: MockContent.hoursAfterPublication(6)),
                ModerationLogEntry(
                    id: 2, staffEmail: "kiem.duyet@newsroom.vn", commentID: MockContent.heldScam.id, action: .reject,
                    before: CommentStatus.pending.rawValue, after: CommentStatus.rejected.rawValue,
                    createdAt: MockContent.hoursAfterPublication(5.5)),
                ModerationLogEntry(
                    id: 1, staffEmail: "kiem.duyet@newsroom.vn", commentID: MockContent.maiFirstRide.id, action: .approve,
                    before: CommentStatus.pending.rawValue, after: CommentStatus.published.rawValue,
                    createdAt: MockContent.hoursAfterPublication(2.2)),
            ])

        /// Nothing has been moderated yet.
        static let mockEmpty = ModerationLogPage.Model(
            staff: MockContent.admin, csrf: MockContent.csrf, counts: [:], entries: [])
    }

    extension WordsPage.Model {
        /// Both lists, just after a suspect phrase was added.
        static let mock = WordsPage.Model(
            staff: MockContent.admin, csrf: MockContent.csrf, counts: MockContent.queueCounts,
            rules: [WordRule("đồ ngốc", .banned), WordRule("vé giá rẻ <b>", .banned), WordRule("lừa đảo", .suspect)],
            notice: "Đã thêm «lừa đảo».")
    }

    extension DeskPage.Model {
        /// The pending queue: a reply held for a suspect phrase, and the comment with a script tag after it was
        /// reported; more comments after these, and last night's backup.
        static let mock = DeskPage.Model(
            staff: MockContent.admin, csrf: MockContent.csrf, queue: .pending, counts: MockContent.queueCounts,
            items: [
                ModeratedComment(
                    comment: MockContent.heldScam, articleTitle: MockContent.busLine.title, articlePath: MockContent.busLine.path,
                    answers: MockContent.maiFirstRide),
                ModeratedComment(
                    comment: {
                        var comment = MockContent.baoScript; comment.status = .pending; return comment
                    }(),
                    articleTitle: MockContent.busLine.title, articlePath: MockContent.busLine.path, answers: nil),
            ],
            article: nil, nextCursor: Cursor(id: 99), notice: "Đã duyệt 3 bình luận.", search: nil,
            backups: (
                last: BackupRun(
                    startedAt: MockContent.hoursAfterPublication(-6), finishedAt: MockContent.hoursAfterPublication(-5.9),
                    path: "/var/backups/newsroom/ban-sao-2026-11-30.bak", bytes: 48_213_504, succeeded: true,
                    message: "312 bài viết, 9.814 bình luận"),
                lastGood: nil
            ))

        /// An empty queue narrowed to one article.
        static let mockEmpty = DeskPage.Model(
            staff: MockContent.admin, csrf: MockContent.csrf, queue: .reported, counts: [:], items: [],
            article: (id: MockContent.busLine.id, title: MockContent.busLine.title), nextCursor: nil)
    }
#endif
