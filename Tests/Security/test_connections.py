"""Connections an attacker opens and never finishes: refused past the cap, closed after the time-outs, and the
server keeps answering throughout. The server runs under a lowered descriptor limit (`prlimit`)."""
import os
import shutil
import socket
import time
import urllib.request

import pytest

from newsroom_server import start_server  # noqa: F401 (the fixture)

TIMEOUT = 2


@pytest.fixture
def server(start_server):
    if shutil.which("prlimit") is None:
        pytest.skip("prlimit (util-linux) is missing")
    started = start_server(
        ["--header-timeout", str(TIMEOUT), "--idle-timeout", str(TIMEOUT), "--body-timeout", str(TIMEOUT),
         "--streams-per-address", "5"],
        prefix=["prlimit", "--nofile=256:256"])
    return started.process, started.port


def healthz(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
        return response.status


def closed_by_server(sock, within):
    """Whether the server closes `sock` within `within` seconds (reading whatever it sends first)."""
    sock.settimeout(within)
    try:
        while True:
            data = sock.recv(4096)
            if not data:
                return True
    except (socket.timeout, TimeoutError):
        return False
    except ConnectionResetError:
        return True


def test_more_idle_connections_than_descriptors_are_refused_and_the_server_keeps_answering(server):
    process, port = server
    sockets = []
    refused = 0
    for _ in range(400):
        try:
            sockets.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        except OSError:
            refused += 1
    time.sleep(0.5)
    assert process.poll() is None, "the server died"
    # Past the cap, a connection is answered 503 (JSON, Retry-After) and closed at once.
    answered = 0
    for sock in sockets[-50:]:
        sock.settimeout(0.2)
        try:
            data = sock.recv(4096)
        except (socket.timeout, TimeoutError):
            continue
        except ConnectionResetError:
            refused += 1
            continue
        if data.startswith(b"HTTP/1.1 503"):
            assert b"overloaded" in data and b"Retry-After" in data
            answered += 1
    assert answered > 0, f"no connection past the cap was answered 503 ({refused} reset)"
    # The idle ones are closed after the time-out, and the server answers again.
    time.sleep(TIMEOUT + 1.5)
    assert healthz(port) == 200
    assert process.poll() is None
    for sock in sockets:
        sock.close()


@pytest.mark.parametrize("sent", [
    b"",                                                       # an idle socket
    b"GET /heal",                                              # a partial request line
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: a",          # a header never finished
    b"POST /api/v1/articles/1/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    b"Content-Length: 100\r\n\r\n{\"author\"",                 # a body never sent in full
])
def test_half_sent_requests_are_closed_after_the_time_out(server, sent):
    process, port = server
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(sent)
    start = time.monotonic()
    assert closed_by_server(sock, TIMEOUT + 3)
    assert time.monotonic() - start < TIMEOUT + 3
    sock.close()
    assert healthz(port) == 200


def test_a_header_dripped_byte_by_byte_is_closed_after_the_time_out(server):
    process, port = server
    sock = socket.create_connection(("127.0.0.1", port))
    start = time.monotonic()
    request = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Drip: " + b"a" * 100
    closed = False
    for byte in request:
        try:
            sock.sendall(bytes([byte]))
        except (BrokenPipeError, ConnectionResetError):
            closed = True
            break
        time.sleep(0.25)
        if time.monotonic() - start > TIMEOUT + 3:
            break
    closed = closed or closed_by_server(sock, 1)
    assert closed and time.monotonic() - start < TIMEOUT + 4
    sock.close()


def test_a_malformed_request_gets_a_json_400(server):
    process, port = server
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n")
    sock.settimeout(5)
    data = b""
    while True:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    assert data.startswith(b"HTTP/1.1 400")
    assert b"application/json" in data and b"malformed_request" in data
    sock.close()
    # A chunked body with a broken chunk size is the client's fault too.
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"POST /api/v1/articles/1/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 b"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
    sock.settimeout(5)
    data = sock.recv(4096)
    assert data.startswith(b"HTTP/1.1 400"), data[:200]
    sock.close()
    assert process.poll() is None


def descriptors(process):
    return len(os.listdir(f"/proc/{process.pid}/fd"))


def test_a_client_that_never_reads_its_responses_is_closed_after_the_time_out(server):
    process, port = server
    assert healthz(port) == 200
    time.sleep(0.5)
    before = descriptors(process)
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", port))
    # Pipelined requests for a 40 KB document, none of whose answers is read: the server's buffers fill up and its
    # writes stall. Whole requests only, so no request is left half-sent (that time-out is tested above).
    request = b"GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n"
    sock.setblocking(False)
    sent = 0
    for _ in range(400):
        try:
            sock.send(request)
            sent += 1
        except BlockingIOError:
            break
    time.sleep(0.5)
    assert descriptors(process) == before + 1, "the connection should be open while the server writes"
    # The client reads nothing: after the time-out, the server lets the connection go.
    deadline = time.monotonic() + TIMEOUT + 4
    while descriptors(process) > before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert descriptors(process) == before, f"the server kept a connection whose client read nothing ({sent} requests)"
    sock.close()
    assert healthz(port) == 200


def test_a_body_finished_after_its_answer_does_not_keep_the_connection_forever(server):
    """A route may answer before reading the body (404, 415): the connection must still time out afterwards."""
    process, port = server
    assert healthz(port) == 200
    time.sleep(0.5)
    before = descriptors(process)
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"POST /khong-co HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\na")
    sock.settimeout(5)
    assert sock.recv(4096).startswith(b"HTTP/1.1 404")
    sock.sendall(b"b")
    time.sleep(0.5)
    deadline = time.monotonic() + TIMEOUT + 4
    while descriptors(process) > before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert descriptors(process) == before, "the connection stayed open after its body was finished"
    sock.close()


def test_event_streams_dropped_before_they_start_give_their_place_back(server):
    """A client that hangs up while its stream is being opened must not keep one of its address's places for good."""
    import struct
    process, port = server
    # Article 1 is the first of the demo articles.
    request = b"GET /api/v1/articles/1/events HTTP/1.1\r\nHost: x\r\n\r\n"
    status = urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz").status
    assert status == 200
    for index in range(300):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.sendall(request)
        time.sleep((index % 10) * 0.0003)
        sock.close()  # a reset, mid-request
    # A stream whose reader has gone is noticed at its next write at the latest: the keep-alive line every 20 s.
    time.sleep(23)
    opened = []
    for _ in range(5):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(request)
        sock.settimeout(5)
        head = sock.recv(4096)
        opened.append(sock)
        assert head.startswith(b"HTTP/1.1 200"), f"a dropped stream kept its place: {head[:100]!r}"
    for sock in opened:
        sock.close()
