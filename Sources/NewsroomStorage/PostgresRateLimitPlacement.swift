import NewsroomCore

/// On PostgreSQL the counts are kept in the database (`SQLRateLimiter`), so the instances sharing it share them: a
/// reader cannot get several times the limit by landing on several instances.
struct PostgresRateLimitPlacement: RateLimitPlacement {
    let database: any Database
    let locks: any WriteLocks

    func limiter(_ limits: [RateLimit]) -> any RateLimitStore { SQLRateLimiter(database: database, locks: locks, limits: limits) }
}
