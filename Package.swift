// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "newsroom",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "newsroom", targets: ["newsroom"]),
        .library(name: "NewsroomCore", targets: ["NewsroomCore"]),
        .library(name: "NewsroomStorage", targets: ["NewsroomStorage"]),
        .library(name: "NewsroomWeb", targets: ["NewsroomWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
    ],
    targets: [
        .target(name: "NewsroomCore"),
        .target(
            name: "NewsroomStorage",
            dependencies: [
                "NewsroomCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "NewsroomWeb",
            dependencies: [
                "NewsroomCore",
                "NewsroomStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Ink", package: "Ink"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // In the binary itself, not a bundle beside it: a newspaper installs one file.
            resources: [
                .embedInCode("Assets/openapi.json"), .embedInCode("Assets/newsroom.css"), .embedInCode("Assets/newsroom.js"),
                .embedInCode("Assets/desk.js"), .embedInCode("Assets/embed.js"),
                .embedInCode("Assets/embed-frame.js"),
            ]
        ),
        .executableTarget(
            name: "newsroom",
            dependencies: [
                "NewsroomCore",
                "NewsroomStorage",
                "NewsroomWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Ink", package: "Ink"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "SearchBenchmark",
            dependencies: [
                "NewsroomCore", "NewsroomStorage", .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/SearchBenchmark"
        ),
        .target(
            name: "NewsroomTestSupport",
            dependencies: ["NewsroomCore", "NewsroomStorage"],
            path: "Tests/NewsroomTestSupport"
        ),
        .testTarget(name: "NewsroomCoreTests", dependencies: ["NewsroomCore", "NewsroomTestSupport"]),
        .testTarget(
            name: "NewsroomStorageTests",
            dependencies: ["NewsroomStorage", "NewsroomTestSupport", .product(name: "NIOSSL", package: "swift-nio-ssl")]
        ),
        .testTarget(
            name: "NewsroomWebTests",
            dependencies: [
                "NewsroomWeb",
                "NewsroomTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
