import NewsroomCore

/// The article form's photos and related articles: uploading a photo for the body (its Markdown line goes in at the
/// cursor, or is shown to copy without the script), the photos whose description is missing, and the pinned choice
/// of "Tin liên quan".
extension ArticleFormPage {
    func photoUpload() -> Node {
        el("fieldset", .class("field photo-upload"), .id(DeskHooks.photoUpload)) {
            el("legend") { "Chèn ảnh vào bài" }
            el("label", .for("truong-photo")) { "Tệp ảnh" }
            void(
                "input", .id("truong-photo"), .name("photo"), .type("file"),
                Attribute("accept", "image/jpeg,image/png,image/webp,image/gif"), invalid("photo"))
            el("label", .for("truong-photo_alt")) { "Mô tả ảnh (cho người không xem được ảnh)" }
            void("input", .id("truong-photo_alt"), .name("photo_alt"), .type("text"), invalid("photo_alt"))
            el("label", .for("truong-photo_caption")) { "Chú thích" }
            void("input", .id("truong-photo_caption"), .name("photo_caption"), .type("text"), .placeholder("Ảnh: Tên tác giả"))
            el("p", .class("hint")) { "JPEG, PNG, WebP hoặc GIF, tối đa 5 MB. Hai ảnh liền nhau (không cách dòng trống) thành bộ ảnh." }
            if let error = model.error, ["photo", "photo_alt"].contains(error.field) {
                el("p", .class("field-error")) { error.message }
            }
            el("button", .type("submit"), .name("action"), .value("upload_photo"), .class("button-small")) { "Tải ảnh lên" }
            if let line = model.form.uploadedPhoto {
                el("p", .class("notice"), Attribute("role", "status")) {
                    el("label", .for("dong-anh")) { "Đã tải ảnh lên. Chép dòng này vào nội dung, chỗ muốn đặt ảnh:" }
                    void("input", .id("dong-anh"), .type("text"), .value(line), Attribute(boolean: "readonly", true), .class("photo-line"))
                }
            }
        }
    }

    /// The photos of the body that have no description: a reader who cannot see them learns nothing of them.
    func missingAlt() -> Node {
        let missing = ArticleMarkdown.imagesWithoutAlt(model.form.markdown)
        guard !missing.isEmpty else { return .fragment([]) }
        return el("div", .class("form-warning"), Attribute("role", "status")) {
            el("p") { "Ảnh chưa có mô tả (alt): người dùng trình đọc màn hình sẽ không biết ảnh có gì. Viết mô tả trong ![…]:" }
            el("ul") { for source in missing { el("li") { el("code") { source } } } }
        }
    }

    func relatedField() -> Node {
        field(
            "related", "Tin liên quan (ghim)",
            hint:
                "Mỗi dòng một bài: địa chỉ (/ten-bai-12) hoặc số bài. Các bài ghim đứng đầu; chỗ còn lại máy tự chọn theo chủ đề, chuyên mục và từ ngữ."
        ) {
            el("textarea", .id("truong-related"), .name("related"), Attribute("rows", "3")) { model.form.related }
            if !model.related.isEmpty {
                el("p", .class("hint")) { "Bạn đọc đang thấy:" }
                el("ol", .class("related-now")) {
                    for link in model.related {
                        el("li") {
                            el("a", .href(link.path)) { link.title }
                            if link.pinned { " (ghim)" }
                        }
                    }
                }
            }
        }
    }
}

/// A photo sent with the article form or to the upload route: stored with its narrower copies, and its Markdown line.
struct PhotoUpload {
    var photo: MediaStore.Photo
    var markdown: String

    init(_ form: MultipartForm, media: MediaStore) async throws {
        guard let file = form.file("photo"), file.body.readableBytes > 0 else {
            throw NewsroomError(.invalidField, message: "Xin chọn một tệp ảnh.", field: "photo")
        }
        let path: String
        do {
            path = try media.store(file.body)
        } catch let error as NewsroomError where error.code == .mediaInvalid {
            throw NewsroomError(.mediaInvalid, field: "photo")
        }
        await media.makeVariants(of: path)
        guard let photo = media.photo(at: path) else { throw NewsroomError(.mediaInvalid, field: "photo") }
        self.photo = photo
        let alt = VietnameseText.cleanedLine(try form.text("photo_alt") ?? "")
        let caption = VietnameseText.cleanedLine(try form.text("photo_caption") ?? "")
        let escapedAlt = alt.replacingOccurrences(of: "]", with: "\\]")
        let title = caption.isEmpty ? "" : " \"\(caption.replacingOccurrences(of: "\"", with: "\\\""))\""
        markdown = "![\(escapedAlt)](\(path)\(title))"
    }
}
