/// Articles and reader comments loaded on the first `serve` over an empty database, so a new
/// installation shows a working site. Written for Newsroom; each article is in the plain-text import
/// format (line 1 title, line 2 sapo, then one paragraph per line; a short line without final
/// punctuation is a subheading).
enum DemoContent {
    struct Article {
        /// The article in the plain-text import format.
        let text: String
        /// Minutes before "now" at which the article was published (so the home page has an order).
        let publishedMinutesAgo: Int
        /// Category, tags and author, as an editor would set them.
        var category = ""
        var tags: [String] = []
        var author = ""
        var featured = false
        /// Reader comments shown under the article, oldest first.
        let comments: [Comment]
    }

    struct Comment {
        let author: String
        let body: String
        /// Index into this article's `comments` of the comment it answers, or nil for a top-level comment.
        let replyTo: Int?
        let likes: Int
    }

    static let articles: [Article] = [
        Article(
            text: """
                Đà Nẵng khai trương tuyến buýt điện nối sân bay với biển Mỹ Khê
                Sau 3 tháng chạy thử, tuyến buýt điện số 12 chính thức đón khách từ sáng nay với giá vé 8.000 đồng mỗi lượt, tần suất 10 phút một chuyến vào giờ cao điểm.
                Ngay từ 5 giờ 30 sáng, nhiều người dân và du khách đã có mặt tại điểm đầu tuyến trước nhà ga quốc nội để trải nghiệm chuyến xe đầu tiên. Toàn tuyến dài gần 14 km, đi qua 21 điểm dừng, trong đó có chợ Hàn, cầu Rồng và khu vực bãi biển Mỹ Khê.
                Đội xe gồm 18 chiếc buýt điện sàn thấp, mỗi xe chở được tối đa 60 hành khách, có chỗ dành riêng cho xe lăn và cổng sạc điện thoại. Theo đơn vị vận hành, một lần sạc đầy cho phép xe chạy khoảng 250 km, đủ cho cả ngày hoạt động.
                Giá vé rẻ, thanh toán bằng thẻ và mã QR
                Hành khách có thể trả tiền mặt, quẹt thẻ ngân hàng hoặc quét mã QR ngay trên xe. Học sinh, sinh viên và người từ 60 tuổi trở lên được giảm 50% khi mua vé tháng, còn trẻ em dưới 6 tuổi được miễn phí.
                Chị Nguyễn Thị Hồng Nhung, nhân viên văn phòng ở quận Sơn Trà, cho biết trước đây chị thường mất gần 40 phút đi xe máy mỗi sáng. “Xe êm, có điều hòa và không phải lo chỗ gửi xe. Nếu chuyến nào cũng đúng giờ như hôm nay thì tôi sẽ để xe máy ở nhà”, chị nói.
                Những thách thức phía trước
                Dù được đánh giá cao về chất lượng phương tiện, tuyến buýt mới vẫn đối mặt với không ít khó khăn. Một số điểm dừng chưa có mái che, vỉa hè xung quanh còn bị lấn chiếm để buôn bán, khiến người đi bộ khó tiếp cận.
                Đại diện Trung tâm Quản lý giao thông công cộng thành phố cho biết sẽ lắp thêm 15 nhà chờ trong quý tới và nghiên cứu bố trí làn ưu tiên cho xe buýt trên một số đoạn đường thường xuyên ùn tắc.
                Thành phố đặt mục tiêu đến năm 2030 có ít nhất 10 tuyến buýt điện, góp phần giảm khí thải và từng bước hình thành thói quen sử dụng phương tiện công cộng trong người dân.
                """,
            publishedMinutesAgo: 30,
            category: "Đô thị", tags: ["Giao thông", "Đà Nẵng", "Xe điện"], author: "Lê Minh Quân", featured: true,
            comments: [
                Comment(
                    author: "Minh Khoa",
                    body: "Sáng nay mình đi thử từ sân bay về Mỹ Khê, mất khoảng 35 phút. Xe sạch, tài xế lịch sự, rất đáng khen!",
                    replyTo: nil,
                    likes: 24
                ),
                Comment(
                    author: "Lan Anh",
                    body: "Giá 8.000 đồng là quá hợp lý. Mong thành phố sớm mở thêm tuyến lên phía Liên Chiểu.",
                    replyTo: nil,
                    likes: 17
                ),
                Comment(
                    author: "Trần Đức Hậu",
                    body: "Đồng ý với bạn, dân ở Hòa Khánh vào trung tâm đi làm rất cần một tuyến như vậy.",
                    replyTo: 1,
                    likes: 9
                ),
                Comment(
                    author: "Bác Tư Sơn Trà",
                    body:
                        "Người già như tôi không rành quét mã QR, may mà vẫn trả tiền mặt được.\nChỉ có chữ trên bảng điện tử trong xe hơi nhỏ, mong đơn vị vận hành chỉnh lại giúp.",
                    replyTo: nil,
                    likes: 31
                ),
                Comment(
                    author: "Hoàng Yến",
                    body: "Bạn đi lúc mấy giờ vậy? Mình định đưa bố mẹ đi thử vào cuối tuần 😊",
                    replyTo: 0,
                    likes: 3
                ),
                Comment(
                    author: "Minh Khoa",
                    body: "Mình đi chuyến 6 giờ 15, lúc đó vắng lắm. Cuối tuần chắc đông hơn, bạn nên đi sớm nhé.",
                    replyTo: 4,
                    likes: 6
                ),
                Comment(
                    author: "Quốc Bảo",
                    body: "Điểm dừng gần chợ Hàn chưa có mái che, trưa nắng đứng chờ khá mệt. Hy vọng nhà chờ được lắp sớm như đã hứa.",
                    replyTo: nil,
                    likes: 12
                ),
            ]
        ),
        Article(
            text: """
                Nông dân Tây Nguyên vào vụ thu hoạch cà phê, giá tốt nhưng thiếu người hái
                Những ngày cuối tháng 11, nhiều vườn cà phê ở Đắk Lắk và Gia Lai đã bước vào cao điểm thu hoạch, khi giá thu mua khả quan nhưng không ít chủ vườn lại loay hoay tìm nhân công.
                Tại một buôn ven Buôn Ma Thuột, vườn cà phê rộng 2 ha của gia đình ông Y Bhin Niê đang vào độ chín rộ. Những chùm quả đỏ mọng trĩu cành, nhưng cả nhà chỉ có 4 lao động chính nên phải hái cuốn chiếu từng hàng.
                “Năm nay giá tốt, nhà nào cũng muốn hái nhanh để bán, nên thuê người rất khó. Tiền công đã lên 300.000 đồng mỗi ngày, bao cơm trưa mà vẫn phải hẹn trước cả tuần”, ông chia sẻ.
                Cơ giới hóa từng bước
                Để bù đắp sự thiếu hụt lao động, nhiều hộ đã đầu tư máy rung cành cầm tay và máy xát vỏ cỡ nhỏ. Một chiếc máy rung giá khoảng 7 triệu đồng có thể giúp một người hái được gấp đôi so với làm bằng tay.
                Tuy vậy, kỹ sư nông nghiệp Lê Văn Thuận, người nhiều năm hướng dẫn kỹ thuật cho các hợp tác xã, lưu ý máy rung dễ làm rụng cả quả xanh nếu dùng không đúng cách. Theo ông, tỷ lệ quả chín trên 90% mới là yếu tố quyết định chất lượng hạt và giá bán.
                Xu hướng cà phê chất lượng cao
                Bên cạnh vụ mùa đại trà, ngày càng nhiều nông hộ trẻ chuyển sang hái chọn lọc, chỉ lấy quả chín đỏ để làm cà phê đặc sản. Sản lượng thấp hơn nhưng giá bán có thể cao gấp 2 đến 3 lần cà phê thông thường.
                Chị H’Nhung Êban, 29 tuổi, cho biết đã bán được gần 800 kg cà phê sơ chế mật ong cho một xưởng rang xay ở Hà Nội ngay từ đầu vụ. “Làm kỹ thì vất vả hơn, nhưng người mua biết cà phê đến từ vườn nào, của ai, nên mình cũng thấy tự hào”, chị nói.
                Ngành nông nghiệp địa phương dự báo sản lượng niên vụ này tương đương năm trước, đồng thời khuyến cáo người dân không ồ ạt chặt bỏ cây trồng khác để mở rộng diện tích khi giá đang lên.
                """,
            publishedMinutesAgo: 180,
            category: "Kinh tế", tags: ["Cà phê", "Tây Nguyên", "Nông nghiệp"], author: "Hoàng Thu Trang", featured: false,
            comments: [
                Comment(
                    author: "Thu Hà Đắk Nông",
                    body: "Nhà mình cũng đang hái, thuê người khó thật sự. Đọc bài thấy đúng y như ngoài vườn.",
                    replyTo: nil,
                    likes: 14
                ),
                Comment(
                    author: "Phạm Nhật",
                    body: "Ủng hộ cà phê đặc sản của bà con. Có cách nào mua trực tiếp từ các vườn không ạ?",
                    replyTo: nil,
                    likes: 8
                ),
                Comment(
                    author: "Ngọc Diệp",
                    body: "Bạn thử tìm các hợp tác xã cà phê ở Krông Năng, nhiều nơi bán online và gửi hàng tận nhà.",
                    replyTo: 1,
                    likes: 5
                ),
            ]
        ),
        Article(
            text: """
                Căn bếp nhỏ giữ hồn cao lầu Hội An suốt 45 năm
                Trong một con hẻm gần chùa Cầu, bà Trương Thị Mến vẫn dậy từ 3 giờ sáng để tự tay làm sợi cao lầu theo cách mẹ chồng truyền lại, dù mì làm sẵn giờ có thể mua ở khắp nơi.
                Căn bếp rộng chưa đầy 15 mét vuông lúc nào cũng thơm mùi tro củi. Bà Mến kể, để có mẻ sợi ngon, gạo phải ngâm qua đêm trong nước tro lọc kỹ, xay thành bột rồi nhồi, hấp và cắt tay từng lát.
                “Nước phải lấy từ giếng cổ, tro phải đốt từ củi tràm. Thiếu một thứ là sợi không còn độ dai, màu cũng không vàng óng như xưa”, bà vừa nói vừa đảo đều thau bột còn bốc khói.
                Món ăn của ký ức
                Mỗi ngày, quán nhỏ của bà bán khoảng 120 tô, giá 35.000 đồng. Ngoài sợi mì, tô cao lầu còn có thịt xá xíu thái mỏng, rau sống Trà Quế, giá trụng và những miếng tóp mỡ chiên giòn rắc lên trên.
                Nhiều khách quen đã ăn ở đây từ thời còn đi học. Anh Đặng Minh Tuấn, hướng dẫn viên du lịch, nói anh thường đưa du khách nước ngoài đến quán vì muốn họ thấy một món ăn được làm chậm rãi, đúng kiểu người Hội An.
                Nỗi lo người kế nghiệp
                Điều khiến bà Mến trăn trở nhất là chuyện truyền nghề. Hai người con trai đều làm việc ở Đà Nẵng, chỉ có cô cháu gái 19 tuổi là chịu khó theo bà học từ khâu ngâm gạo đến cắt sợi.
                “Con bé nói muốn quay video lại cách làm để sau này ai muốn học cũng được. Tôi nghe mà mừng, vì nghề này không thể giữ bằng trí nhớ của một người”, bà chia sẻ.
                Giữa phố cổ, những căn bếp như của bà Mến vẫn lặng lẽ đỏ lửa mỗi ngày trước khi du khách thức giấc, giữ cho hương vị quen thuộc không bị lãng quên giữa nhịp sống đổi thay.
                """,
            publishedMinutesAgo: 600,
            category: "Văn hóa", tags: ["Ẩm thực", "Hội An"], author: "Trần Bảo Ngọc", featured: false,
            comments: [
                Comment(
                    author: "Khánh Linh",
                    body: "Đọc mà thèm cao lầu quá. Tháng sau về Hội An nhất định phải ghé quán bà.",
                    replyTo: nil,
                    likes: 19
                ),
                Comment(
                    author: "Út Hội An",
                    body: "Quán này ngon thật, nhưng sáng cuối tuần hơi đông, mọi người nên đến trước 8 giờ.",
                    replyTo: 0,
                    likes: 11
                ),
                Comment(
                    author: "Vĩnh Phúc",
                    body: "Ý tưởng quay video của cô cháu rất hay. Mong có thêm nhiều bạn trẻ giữ nghề như vậy.",
                    replyTo: nil,
                    likes: 7
                ),
            ]
        ),
        Article(
            text: """
                Sinh viên Huế chế tạo trạm cảnh báo lũ giá dưới 2 triệu đồng
                Thiết bị do 5 sinh viên ngành kỹ thuật điện tử phát triển có thể đo mực nước, lượng mưa và gửi tin nhắn cảnh báo đến điện thoại người dân khi nước lên nhanh.
                Ý tưởng xuất phát từ trận lũ năm ngoái, khi nhà của trưởng nhóm Hồ Văn Phước ở vùng trũng ven sông Bồ bị ngập sâu gần 1,5 mét chỉ sau một đêm. “Cả xóm biết nước lên thì đã quá muộn để kê đồ đạc”, Phước kể.
                Sau 8 tháng mày mò, nhóm hoàn thiện một trạm đo nhỏ gọn gồm cảm biến siêu âm đo mực nước, ống đo mưa tự chế và bảng mạch xử lý chạy bằng pin năng lượng mặt trời. Tổng chi phí linh kiện cho mỗi trạm khoảng 1,8 triệu đồng.
                Cảnh báo qua tin nhắn và loa phát thanh
                Cứ 5 phút, trạm đo lại gửi dữ liệu về máy chủ một lần. Khi mực nước tăng quá 20 cm trong một giờ hoặc vượt ngưỡng do địa phương cài đặt, hệ thống tự động gửi tin nhắn đến các số điện thoại đã đăng ký và kích hoạt loa của thôn.
                Trong mùa mưa vừa qua, nhóm đã lắp thử 6 trạm tại các thôn ven sông. Theo người dân, tin nhắn cảnh báo đến sớm hơn từ 2 đến 3 giờ so với khi họ tự quan sát mực nước, đủ thời gian để đưa gia súc và đồ đạc lên chỗ cao.
                Hướng tới nhân rộng mô hình
                Giảng viên hướng dẫn của nhóm, tiến sĩ Nguyễn Thị Thu Thủy, đánh giá điểm mạnh của thiết bị là dễ lắp đặt và dễ sửa chữa bằng linh kiện phổ thông. Tuy vậy, nhóm vẫn cần thêm thời gian để kiểm chứng độ bền khi thiết bị phải hoạt động liên tục trong điều kiện mưa bão kéo dài.
                Hiện dự án đã lọt vào vòng chung kết một cuộc thi khởi nghiệp dành cho sinh viên khu vực miền Trung. Nhóm mong muốn tìm được nguồn tài trợ để lắp đặt thêm 30 trạm trước mùa mưa bão năm sau.
                “Chúng em không mong thiết bị thay thế được hệ thống quan trắc chính thức, chỉ hy vọng mỗi xóm nhỏ có thêm một đôi mắt canh nước lũ”, Phước nói.
                """,
            publishedMinutesAgo: 1500,
            category: "Giáo dục", tags: ["Khởi nghiệp", "Huế", "Thiên tai"], author: "Phạm Đức Anh", featured: false,
            comments: []
        ),
    ]
}
