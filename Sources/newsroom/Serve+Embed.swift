import ArgumentParser
import NewsroomWeb

extension Serve {
    /// `--embed-origins` and `--embed-secret`, checked.
    func embedSettings() throws -> EmbedSettings {
        var settings = EmbedSettings()
        if let text = Settings.value(embedOrigins, variable: "NEWSROOM_EMBED_ORIGINS"), !text.isEmpty {
            guard let origins = EmbedSettings.origins(parsing: text) else {
                throw ValidationError(
                    "NEWSROOM_EMBED_ORIGINS: \"\(text)\" phải là các địa chỉ gốc như https://baochi.vn, cách nhau bởi dấu phẩy (không có đường dẫn)"
                )
            }
            settings.origins = origins
        }
        if let secret = Settings.value(embedSecret, variable: "NEWSROOM_EMBED_SECRET"), !secret.isEmpty {
            guard secret.utf8.count >= 32 else { throw ValidationError("NEWSROOM_EMBED_SECRET: cần ít nhất 32 ký tự") }
            settings.secret = secret
        }
        return settings
    }
}
