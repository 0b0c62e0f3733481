import Hummingbird
import Logging
import NIOHTTP1
import NewsroomCore
import NewsroomStorage

/// Turns every error, ours or Hummingbird's, into the error table's answer: JSON under `/api/`, a Vietnamese
/// HTML page elsewhere. Nothing a client sent ends as a bare 500; unexpected failures are logged and answered
/// with the generic message.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = NewsroomRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let newsroomError = Self.newsroomError(for: error, logger: context.logger)
            return Self.response(for: newsroomError, path: request.uri.path)
        }
    }

    static func newsroomError(for error: any Error, logger: Logger) -> NewsroomError {
        switch error {
        case let error as NewsroomError:
            return error
        case is HTTPParserError:
            // A body whose framing is broken (a bad chunk size, say): the client's fault, not the server's.
            return NewsroomError(.malformedRequest)
        case let error as HTTPError:
            switch error.status.code {
            case 404, 405: return NewsroomError(.notFound)
            case 413: return NewsroomError(.bodyTooLarge)
            case 400..<500: return NewsroomError(.invalidField)
            default:
                logger.error("Lỗi HTTP \(error.status.code): \(String(describing: error))")
                return NewsroomError(.internalError)
            }
        default:
            if let failure = StorageFailure.classify(error) {
                // The database's trouble, not the request's: nothing was changed, and trying again later may work.
                logger.warning("Cơ sở dữ liệu không phục vụ được yêu cầu: \(failure)")
                return failure.kind == .full
                    ? NewsroomError(.storageFull, retryAfter: 60) : NewsroomError(.databaseUnavailable, retryAfter: 5)
            }
            logger.error("Lỗi không lường trước: \(String(reflecting: error))")
            return NewsroomError(.internalError)
        }
    }

    static func response(for error: NewsroomError, path: String) -> Response {
        if path.hasPrefix(SiteRoute.apiPrefix) { return Responses.jsonError(error) }
        var response = Responses.html(ErrorPage(model: .from(error)).render(), status: .init(code: error.status))
        if let retryAfter = error.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }
}
