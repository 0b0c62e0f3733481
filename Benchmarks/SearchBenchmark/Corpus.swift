import Foundation
import NewsroomCore

/// A deterministic generator (SplitMix64), so every run builds the same corpus.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Synthetic Vietnamese news articles: original sentences assembled from pools of places, subjects, actions and
/// details by topic, with the everyday words in between, so word frequencies look like a newspaper's (a few words
/// everywhere, topical words in some articles, names in few).
struct Corpus {
    static let topics: [(category: String, subjects: [String], actions: [String], details: [String])] = [
        (
            "Thời sự",
            [
                "Bộ Ngoại giao", "Ủy ban nhân dân thành phố", "Quốc hội", "Chính phủ", "Bộ Giao thông Vận tải", "lực lượng cứu hộ",
                "người phát ngôn",
            ],
            ["họp báo về", "đề nghị làm rõ", "thông qua nghị quyết về", "kiểm tra tiến độ", "yêu cầu xử lý", "công bố kế hoạch về"],
            [
                "dự án đường vành đai", "tàu cá bị giữ", "quy hoạch đô thị", "chính sách nhà ở xã hội", "an toàn giao thông",
                "cải cách thủ tục",
            ]
        ),
        (
            "Kinh tế",
            [
                "Ngân hàng Nhà nước", "các doanh nghiệp xuất khẩu", "nông dân", "thị trường chứng khoán", "giá vàng", "giá xăng",
                "thương lái",
            ],
            ["tăng mạnh trong", "giảm nhẹ vào", "bán ra trong", "mua vào suốt", "ghi nhận mức kỷ lục trong", "điều chỉnh theo"],
            [
                "phiên giao dịch cuối tuần", "quý bốn", "vụ thu hoạch lúa", "xuất khẩu gạo sang châu Âu", "tỷ giá đô la",
                "bàn ghế gỗ xuất khẩu",
            ]
        ),
        (
            "Thể thao",
            [
                "đội tuyển Việt Nam", "câu lạc bộ Hà Nội", "huấn luyện viên trưởng", "các cầu thủ trẻ", "vận động viên điền kinh",
                "cổ động viên",
            ],
            ["giành chiến thắng trong", "chuẩn bị cho", "thất bại đáng tiếc ở", "tập luyện kín trước", "ăn mừng sau"],
            ["trận bán kết", "giải vô địch Đông Nam Á", "vòng loại World Cup", "trận chung kết lượt về", "mùa giải mới"]
        ),
        (
            "Du lịch",
            ["du khách quốc tế", "các khách sạn ven biển", "ngành du lịch", "người dân địa phương", "hướng dẫn viên"],
            ["đổ về", "giới thiệu", "kín phòng ở", "khám phá", "quảng bá"],
            ["mùa hoa dã quỳ", "những cung đường đèo", "món ăn đường phố", "lễ hội đèn lồng", "các bãi biển hoang sơ", "phố cổ về đêm"]
        ),
        (
            "Giáo dục",
            ["Bộ Giáo dục", "học sinh lớp mười hai", "các trường đại học", "giáo viên vùng cao", "sinh viên năm nhất"],
            ["chuẩn bị cho", "đăng ký", "than phiền về", "hưởng ứng", "được hỗ trợ trong"],
            ["kỳ thi tốt nghiệp", "học bổng toàn phần", "chương trình sách giáo khoa mới", "bữa ăn bán trú", "tuyển sinh đại học"]
        ),
        (
            "Đời sống",
            ["người lao động", "các gia đình trẻ", "người cao tuổi", "tình nguyện viên", "cư dân chung cư"],
            ["lo lắng về", "chung tay trong", "đón nhận", "chia sẻ kinh nghiệm về", "chật vật với"],
            ["giá thuê nhà", "mùa lũ miền Trung", "Tết Nguyên đán", "nước sạch sinh hoạt", "ô nhiễm không khí", "bữa cơm gia đình"]
        ),
    ]
    static let places = [
        "Hà Nội", "Thành phố Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế", "Đà Lạt", "Quảng Ninh", "Nghệ An", "Thanh Hóa",
        "Gia Lai", "Đắk Lắk", "Lâm Đồng", "Khánh Hòa", "Bình Định", "Quảng Nam", "Quảng Ngãi", "Phú Yên", "Ninh Thuận", "Bình Thuận",
        "Kon Tum", "Đắk Nông", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Bà Rịa - Vũng Tàu", "Long An", "Tiền Giang",
        "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
        "Lào Cai", "Yên Bái", "Hà Giang", "Cao Bằng", "Lạng Sơn", "Điện Biên", "Sơn La", "Hòa Bình", "Thái Nguyên", "Bắc Ninh",
        "Nam Định", "Ninh Bình", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Sa Pa", "Hội An", "Phú Quốc", "Côn Đảo", "Mộc Châu",
    ]
    static let families = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
    ]
    static let middles = ["Văn", "Thị", "Hữu", "Đức", "Thanh", "Minh", "Quốc", "Ngọc", "Thu", "Hoài", "Xuân", "Bảo"]
    static let givens = [
        "An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Khoa", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc",
        "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến", "Khánh", "Nhung", "Tú", "Đạt", "Hiếu",
    ]
    static let times = [
        "sáng nay", "chiều qua", "trong tuần tới", "từ đầu năm", "vào cuối tháng", "suốt mùa mưa", "trong dịp lễ", "từ tháng trước",
    ]
    static let units = ["hộ dân", "tỷ đồng", "học sinh", "lượt khách", "tấn hàng", "héc-ta", "công nhân", "căn hộ", "ca mắc", "suất quà"]
    static let fillers = [
        "Theo ghi nhận của phóng viên,", "Trao đổi với báo chí,", "Cũng trong ngày,", "Trước đó,", "Bên cạnh đó,", "Đáng chú ý,",
        "Tuy nhiên,", "Ngoài ra,",
    ]
    static let endings = [
        "và cho biết sẽ tiếp tục theo dõi tình hình.", "để người dân yên tâm hơn.", "với nhiều ý kiến trái chiều.",
        "nhằm bảo đảm quyền lợi của người dân.", "trước sự chứng kiến của đông đảo người dân.", "khiến nhiều người bất ngờ.",
        "và được đánh giá là một bước tiến quan trọng.", "trong bối cảnh còn nhiều khó khăn.",
    ]

    var random: SeededGenerator

    init(seed: UInt64 = 2026) { random = SeededGenerator(state: seed) }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

    /// Roughly Zipf: early items much more often than late ones.
    mutating func skewed<T>(_ items: [T]) -> T {
        let u = Double(random.next() % 1_000_000) / 1_000_000
        return items[min(items.count - 1, Int(pow(u, 2.2) * Double(items.count)))]
    }

    mutating func sentence(_ topic: (category: String, subjects: [String], actions: [String], details: [String]), place: String) -> String {
        var parts: [String] = []
        if random.next() % 3 == 0 { parts.append(pick(Self.fillers)) }
        let subject = pick(topic.subjects)
        parts.append(parts.isEmpty ? subject.prefix(1).uppercased() + subject.dropFirst() : subject)
        if random.next() % 2 == 0 { parts.append("tại \(random.next() % 4 == 0 ? skewed(Self.places) : place)") }
        parts.append(pick(topic.actions))
        parts.append(pick(topic.details))
        parts.append(pick(Self.times))
        if random.next() % 4 == 0 {
            parts.append(", \(random.next() % 2 == 0 ? "ông" : "bà") \(pick(Self.families)) \(pick(Self.middles)) \(pick(Self.givens)) nói")
        }
        if random.next() % 3 == 0 { parts.append("với tổng số \(1 + random.next() % 900).\(random.next() % 10)00 \(pick(Self.units))") }
        parts.append(pick(Self.endings))
        return parts.joined(separator: " ").replacingOccurrences(of: " ,", with: ",")
    }

    /// The article numbered `index`: a title, a sapo, a body of 6 to 12 sentences in 2 to 4 paragraphs, a category.
    mutating func article(_ index: Int) -> (title: String, sapo: String, paragraphs: [String], category: String) {
        let topic = skewed(Self.topics)
        let place = skewed(Self.places)
        let title = "\(place): \(pick(topic.subjects)) \(pick(topic.actions)) \(pick(topic.details))"
        let sapo = sentence(topic, place: place)
        var paragraphs: [String] = []
        for _ in 0..<(2 + Int(random.next() % 3)) {
            paragraphs.append((0..<(2 + Int(random.next() % 3))).map { _ in sentence(topic, place: place) }.joined(separator: " "))
        }
        return (title.prefix(1).uppercased() + title.dropFirst(), sapo, paragraphs, topic.category)
    }
}
