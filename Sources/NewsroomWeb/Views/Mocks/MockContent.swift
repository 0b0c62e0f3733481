#if DEBUG
    import Foundation
    import NewsroomCore

    /// Demo content the pages' mocks share: a city's new electric bus line, the articles around it, the readers who
    /// comment on it and the staff who look after it. Ids and dates are fixed, so a mock renders the same on every run.
    enum MockContent {
        /// Monday 10 June 2024, 08:30 in Hà Nội (GMT+7).
        static let publishedAt = Date(timeIntervalSince1970: 1_717_983_000)
        static let updatedAt = publishedAt.addingTimeInterval(45 * 60)

        static func hoursAfterPublication(_ hours: Double) -> Date { publishedAt.addingTimeInterval(hours * 3600) }

        // MARK: Topics

        static let urban = Topic(kind: .category, slug: "do-thi", name: "Đô thị")
        static let culture = Topic(kind: .category, slug: "van-hoa", name: "Văn hóa")
        static let sport = Topic(kind: .category, slug: "the-thao", name: "Thể thao")
        static let busTag = Topic(kind: .tag, slug: "xe-buyt", name: "Xe buýt")
        static let hanoiTag = Topic(kind: .tag, slug: "ha-noi", name: "Hà Nội")
        static let reporter = Topic(kind: .author, slug: "minh-chau", name: "Minh Châu")
        static let photographer = Topic(kind: .author, slug: "quang-huy", name: "Quang Huy")
        /// The categories of the masthead's navigation.
        static let sections = [urban, culture, sport]

        // MARK: Articles

        static let busLine = Article(
            id: 42, slug: "ha-noi-mo-tuyen-xe-buyt-dien-noi-long-bien-voi-my-dinh",
            title: "Hà Nội mở tuyến xe buýt điện nối Long Biên với Mỹ Đình",
            sapo: "Từ sáng 10/6, tuyến buýt điện E10 chạy 28 km qua 45 điểm dừng, 10 phút một chuyến vào giờ cao điểm, giá vé 9.000 đồng.",
            body: [
                .paragraph(
                    "Những chuyến xe đầu tiên của tuyến E10 rời điểm trung chuyển Long Biên lúc 5 giờ 30. Theo Trung tâm Quản lý và Điều hành "
                        + "giao thông đô thị, tuyến có 30 xe điện, mỗi xe chở được 60 hành khách."),
                .subheading("Nối hai đầu thành phố"),
                .paragraph(
                    "Xe đi qua cầu Chương Dương, phố Tràng Tiền, đường Kim Mã rồi kết thúc ở bến xe Mỹ Đình. Hành khách có thể quẹt thẻ ngân "
                        + "hàng hoặc dùng vé tháng liên tuyến."),
                .subheading("Giờ chạy và giá vé"),
                .paragraph("Xe chạy từ 5 giờ 30 đến 22 giờ mỗi ngày; người cao tuổi và người khuyết tật được miễn vé."),
            ],
            publishedAt: publishedAt, updatedAt: updatedAt, topics: [urban, busTag, hanoiTag, reporter, photographer],
            coverImage: "/media/2024/06/xe-buyt-dien-e10.jpg", featured: true)

        static let metroTrial = Article(
            id: 41, slug: "metro-nhon-ga-ha-noi-chay-thu-doan-di-ngam", title: "Metro Nhổn – ga Hà Nội chạy thử đoạn đi ngầm",
            sapo: "Đoàn tàu đầu tiên chạy qua bốn ga ngầm trong buổi thử nghiệm kéo dài ba giờ.",
            body: [.paragraph("Buổi chạy thử bắt đầu từ ga Cát Linh và kết thúc ở ga Hà Nội.")],
            publishedAt: hoursAfterPublication(-50), updatedAt: hoursAfterPublication(-50), topics: [urban, hanoiTag, reporter])

        static let midAutumn = Article(
            id: 40, slug: "pho-co-ron-rang-tet-trung-thu-som", title: "Phố cổ rộn ràng đón Tết Trung thu sớm",
            sapo: "Hàng Mã đã treo kín đèn ông sao, đầu lân và mặt nạ giấy bồi.",
            body: [.paragraph("Các cửa hàng trên phố Hàng Mã mở cửa đến khuya.")],
            publishedAt: hoursAfterPublication(-120), updatedAt: hoursAfterPublication(-120), topics: [culture, hanoiTag])

        /// The article of the page whose comment section is still empty.
        static let autumn = Article(
            id: 7, slug: "ha-noi-vao-thu", title: "Hà Nội vào thu", sapo: "Gió mùa đầu tiên đã về.",
            body: [.paragraph("Sáng nay trời se lạnh."), .subheading("Người đi đường"), .paragraph("Ai cũng mặc áo khoác.")],
            publishedAt: hoursAfterPublication(-200), updatedAt: hoursAfterPublication(-200), topics: [culture])

        static let busLaneDraft = Article(
            id: 43, slug: "de-xuat-lan-rieng-cho-xe-buyt-tren-duong-nguyen-trai",
            title: "Đề xuất làn riêng cho xe buýt trên đường Nguyễn Trãi", sapo: "Sở Giao thông lấy ý kiến người dân đến hết tháng 6.",
            body: [.paragraph("Làn riêng dài 6 km, từ Ngã Tư Sở đến Hà Đông.")], publishedAt: updatedAt, updatedAt: updatedAt,
            status: .draft, topics: [urban, busTag])

        static let monthlyPassScheduled = Article(
            id: 44, slug: "gia-ve-thang-xe-buyt-dieu-chinh-tu-thang-7", title: "Giá vé tháng xe buýt điều chỉnh từ tháng 7",
            sapo: "Vé tháng liên tuyến tăng 40.000 đồng, học sinh và sinh viên giữ giá cũ.",
            body: [.paragraph("Mức giá mới áp dụng từ ngày 1/7.")], publishedAt: hoursAfterPublication(24 * 20),
            updatedAt: updatedAt, status: .scheduled, topics: [urban, busTag, reporter])

        // MARK: Readers' comments on the bus line

        static let maiFirstRide = Comment(
            id: 101, articleID: busLine.id, author: "Trần Thị Mai", email: "mai.tran@example.vn",
            body:
                "Sáng nay tôi đi thử từ Long Biên đến Kim Mã chỉ mất 35 phút, xe sạch và êm. Mong thành phố giữ đúng 10 phút một chuyến như đã hứa.",
            status: .published, likes: 12, replyCount: 2, createdAt: hoursAfterPublication(2))

        static let hungWheelchair = Comment(
            id: 102, articleID: busLine.id, parentID: 101, replyTo: ReplyTarget(id: 101, author: "Trần Thị Mai"), author: "Nguyễn Văn Hùng",
            body: "Chị cho hỏi xe có chỗ cho xe lăn không ạ? Bố tôi đi lại khó khăn.", status: .published, likes: 3,
            createdAt: hoursAfterPublication(2.5))

        static let maiAnswer = Comment(
            id: 103, articleID: busLine.id, parentID: 101, replyTo: ReplyTarget(id: 102, author: "Nguyễn Văn Hùng"), author: "Trần Thị Mai",
            body: "Có anh ạ, cửa giữa có bệ nâng, tài xế còn xuống đỡ rất nhiệt tình.", status: .published, likes: 5,
            createdAt: hoursAfterPublication(3))

        /// A reader who tries markup: it must reach every page as text.
        static let baoScript = Comment(
            id: 104, articleID: busLine.id, author: "Lê Quốc Bảo",
            body: "Giá vé 9.000 đồng là hợp lý <script>alert(1)</script> lịch chạy xem ở https://vantai.example.vn/e10.",
            status: .published, likes: 0, reports: 2, createdAt: hoursAfterPublication(4))

        /// Held for a moderator: it contains a suspect phrase.
        static let heldScam = Comment(
            id: 105, articleID: busLine.id, parentID: 101, replyTo: ReplyTarget(id: 101, author: "Trần Thị Mai"), author: "Đỗ Minh Tuấn",
            body: "Ai cần vé tháng giá rẻ liên hệ tôi, không phải lừa đảo đâu nhé.", status: .pending,
            createdAt: hoursAfterPublication(5), heldReason: "Có từ cần xem xét: lừa đảo", heldWords: ["lừa đảo"])

        /// The threads of the bus line's page, newest first.
        static let busThreads = [
            CommentThread(comment: baoScript, replies: [], nextRepliesCursor: nil),
            CommentThread(comment: maiFirstRide, replies: [hungWheelchair, maiAnswer], nextRepliesCursor: nil),
        ]

        // MARK: Staff

        static let admin = StaffMember(id: 1, email: "hoang.lan@newsroom.vn", role: .admin, createdAt: hoursAfterPublication(-24 * 365))
        static let editor = StaffMember(id: 2, email: "minh.chau@newsroom.vn", role: .editor, createdAt: hoursAfterPublication(-24 * 200))
        static let queueCounts: [ModerationQueue: Int] = [.pending: 2, .reported: 1, .published: 128, .rejected: 7]
        static let csrf = "mock-csrf-token"
    }
#endif
