import ArgumentParser

/// The `newsroom` command: a thin shell over the libraries; each subcommand only reads settings and calls them.
@main
struct Newsroom: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsroom",
        abstract: "Nền tảng báo điện tử tự vận hành: bài viết, bình luận bạn đọc, API JSON.",
        subcommands: [
            Serve.self, Migrate.self, Import.self, Reindex.self, Comments.self, User.self, Words.self, Backup.self, Restore.self,
            Export.self,
        ],
        defaultSubcommand: Serve.self
    )
}
