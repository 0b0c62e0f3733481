"""What an operator watches: GET /metrics in Prometheus' text format (parsed by prometheus-client), answered only to
--metrics-allow (loopback by default), whose counters move with the traffic; and --log-format json, one JSON object a
log line."""
import http.client
import json
import pathlib
import socket
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from faults_load import scrape, total  # noqa: E402
from faults_postgres import PostgresCluster  # noqa: E402
from faults_support import BANNER, SECRET, Server, checked, make_sqlite_site  # noqa: E402

# On every site; the database pool's own families are checked on PostgreSQL, whose pool they measure.
FAMILIES = {
    "newsroom_http_requests_total": "counter",
    "newsroom_http_request_duration_seconds": "histogram",
    "newsroom_comments_total": "counter",
    "newsroom_moderation_queue_size": "gauge",
    "newsroom_moderation_queue_oldest_seconds": "gauge",
    "newsroom_page_cache_hits_total": "counter",
    "newsroom_page_cache_misses_total": "counter",
    "newsroom_event_streams_open": "gauge",
    "newsroom_last_backup_timestamp_seconds": "gauge",
}
POOL_FAMILIES = {"newsroom_database_connections_in_use": "gauge", "newsroom_database_wait_seconds": "histogram"}
BANNED = "tukhoacamthunghiem"


def moved(before, after, name, **labels):
    return total(after, name, **labels) - total(before, name, **labels)


def declared(types, families):
    """The type each family is declared with (prometheus-client names a counter's family without `_total`)."""
    return {name: types.get(name[:-len("_total")] if kind == "counter" else name) for name, kind in families.items()}


def open_stream(server, article):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", f"/api/v1/articles/{article}/events", headers={"Accept": "text/event-stream"})
    response = connection.getresponse()
    assert response.status == 200
    return connection


def test_the_metrics_move_with_the_traffic(tmp_path):
    site = make_sqlite_site(tmp_path)
    checked("words", "add", "--banned", BANNED, "--database", site.url)
    limits = ["--trusted-proxies", "127.0.0.1", "--comment-limits", "1/60"]
    with Server(site.url, moderation="post", extra=limits) as server:
        start, _ = scrape(server)

        # The same page twice: the second comes from the cache.
        for _ in range(2):
            assert server.request("GET", site.article_path).status == 200
        pages, _ = scrape(server)
        assert moved(start, pages, "newsroom_page_cache_hits_total") >= 1
        assert moved(start, pages, "newsroom_page_cache_hits_total") + moved(start, pages, "newsroom_page_cache_misses_total") >= 2
        assert moved(start, pages, "newsroom_http_requests_total", method="GET", status="200") >= 2
        assert moved(start, pages, "newsroom_http_request_duration_seconds_count") >= 2
        routes = {labels.get("route") for labels, _ in pages.get("newsroom_http_requests_total", [])}
        assert routes and None not in routes and site.article_path not in routes, \
            f"the route label must name the route, not the path: {routes}"

        # One comment of each outcome, each reader from an address of its own.
        def post(address, body):
            return server.post_comment(site.article, body, headers={"X-Forwarded-For": address})

        published = post("203.0.113.1", "Một bình luận được đăng ngay.")
        assert published.status == 201 and published.json()["comment"]["status"] == "published"
        held = post("203.0.113.2", "Xem http://a.vn, http://b.vn và http://c.vn nhé.")
        assert held.status == 201 and held.json()["comment"]["status"] == "pending"
        assert post("203.0.113.3", f"Bình luận có chữ {BANNED} ở giữa.").status == 422
        assert post("203.0.113.1", "Gửi thêm một bình luận ngay sau đó.").status == 429
        comments, _ = scrape(server)
        for outcome in ["published", "held", "refused", "rate_limited"]:
            assert moved(pages, comments, "newsroom_comments_total", outcome=outcome) == 1, outcome
        assert moved(pages, comments, "newsroom_http_requests_total", method="POST", status="201") == 2
        assert total(comments, "newsroom_moderation_queue_size") >= 1
        assert total(comments, "newsroom_moderation_queue_oldest_seconds") >= 0

        stream = open_stream(server, site.article)
        try:
            streaming, types = scrape(server)
            assert total(streaming, "newsroom_event_streams_open") >= 1
        finally:
            try:
                stream.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            stream.close()

        assert declared(types, FAMILIES) == FAMILIES, "missing or mistyped metric families"


def test_the_database_pool_is_measured_on_postgres():
    with PostgresCluster() as cluster:
        url, article, _ = cluster.create_site("metrics")
        with Server(url, secret=SECRET, extra=["--pool-size", "2"]) as server:
            before, _ = scrape(server)
            for number in range(5):
                assert server.post_comment(article, f"Bình luận số {number} đo hàng đợi kết nối.").status == 201
            after, types = scrape(server)
            assert declared(types, POOL_FAMILIES) == POOL_FAMILIES, "missing or mistyped metric families"
            assert moved(before, after, "newsroom_database_wait_seconds_count") >= 1
            # At most the pool (2), and the connection that listens for other instances' events if it is counted.
            assert 0 <= total(after, "newsroom_database_connections_in_use") <= 3


def test_metrics_are_answered_only_to_the_allowed_addresses(tmp_path):
    site = make_sqlite_site(tmp_path)
    with Server(site.url, extra=["--metrics-allow", "10.0.0.0/8"]) as server:
        assert server.request("GET", "/metrics").status == 404
        # Without a trusted proxy, a header cannot make the peer someone else.
        assert server.request("GET", "/metrics", headers={"X-Forwarded-For": "10.1.2.3"}).status == 404
        assert server.request("GET", "/healthz").status == 200


def test_json_logs_are_one_object_a_line(tmp_path):
    # A brand-new site: its migrations are logged at info, so there are lines to read.
    with Server(f"sqlite://{tmp_path}/moi.sqlite", extra=["--log-format", "json"]) as server:
        assert server.request("GET", "/khong-co-trang-nay").status == 404
        assert server.request("POST", "/api/v1/articles/999999/comments", {"author": "A", "body": "B"}).status == 404
        assert server.terminate() is not None
        output = server.stdout().splitlines() + server.stderr().splitlines()
    lines = [line for line in output if line.strip() and not BANNER.search(line)]
    assert lines, "nothing was logged"
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            raise AssertionError(f"not a JSON log line: {line!r}") from None
        assert isinstance(entry, dict), line
