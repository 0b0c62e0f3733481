#!/usr/bin/env bash
# Fuzzes the JSON API with schemathesis (PyPI) against a live `newsroom serve` over a temporary SQLite file (demo
# content is created on first run), checking every response against the OpenAPI document
# (Sources/NewsroomWeb/Assets/openapi.json, served at /api/v1/openapi.json): no 5xx, every status, content type,
# header and body as documented. Bounded in time: SCHEMATHESIS_SECONDS (default 180) split over three runs —
#   1. the public endpoints (the SSE stream excluded: it never ends);
#   2. the moderation endpoints as a signed-in moderator (session cookie and CSRF token);
#   3. the moderation endpoints without a session, which must answer 401 as documented.
# Usage: NEWSROOM_BIN=.build/debug/newsroom Tests/API/run_schemathesis.sh, with optionally SCHEMATHESIS_SECONDS (the
# budget), SCHEMATHESIS_CHECKS (schemathesis' --checks), SCHEMATHESIS_KEEP=1 (keep the directory with the server's log
# and the reports), OPENAPI_FROM_FILE=1 (test the file even when the server serves a document).
# Exits non-zero on any failure; the server's log and schemathesis' reports are kept in the printed directory then.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${NEWSROOM_BIN:-$ROOT/.build/debug/newsroom}"
SPEC="$ROOT/Sources/NewsroomWeb/Assets/openapi.json"
BUDGET="${SCHEMATHESIS_SECONDS:-180}"
CHECKS="${SCHEMATHESIS_CHECKS:-not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance}"

[ -x "$BIN" ] || { echo "no newsroom binary at $BIN (set NEWSROOM_BIN, or run swift build)" >&2; exit 1; }
[ -f "$SPEC" ] || { echo "no OpenAPI document at $SPEC" >&2; exit 1; }
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
python3 -c "import schemathesis" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check schemathesis
SCHEMATHESIS=(python3 -m schemathesis.cli)
echo "schemathesis: $("${SCHEMATHESIS[@]}" --version)"

WORK="$(mktemp -d /tmp/newsroom-schemathesis.XXXXXX)"
SERVER_PID=""
KEEP="${SCHEMATHESIS_KEEP:-0}"
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "$KEEP" = 1 ]; then echo "kept for inspection: $WORK (server.log, reports/)"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# GET a URL; with a second argument, save the body there. Fails on anything but 2xx.
fetch() { python3 -c 'import sys, urllib.request
body = urllib.request.urlopen(sys.argv[1], timeout=5).read()
if len(sys.argv) > 2: open(sys.argv[2], "wb").write(body)' "$@" 2>/dev/null; }

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
export NEWSROOM_DATABASE_URL="sqlite://$WORK/site.sqlite"
export NEWSROOM_SECRET="schemathesis-secret-schemathesis-secret-0123"
# Comments are published at once so that lists, replies, likes and reports have something to act on; the rate limit
# is relaxed (not off): about as many generated comments are stored as meet the documented 429 and its Retry-After.
"$BIN" serve --host 127.0.0.1 --port "$PORT" --database "$NEWSROOM_DATABASE_URL" --moderation post \
  --comment-limits 10/10 --min-form-seconds 0 --media-dir "$WORK/media" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 300); do
  fetch "$BASE/healthz" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { KEEP=1; echo "newsroom serve exited:" >&2; cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.2
done
fetch "$BASE/healthz" || { KEEP=1; echo "newsroom serve did not answer /healthz" >&2; exit 1; }
echo "newsroom serve on $BASE (pid $SERVER_PID, $WORK)"

# The document: the served one when the route exists (it must then be the file's), else the file. OPENAPI_FROM_FILE=1
# takes the file whatever is served (to try a document against a binary built before it).
LOCATION="$SPEC"
if [ "${OPENAPI_FROM_FILE:-0}" = 1 ]; then
  echo "document: $SPEC (OPENAPI_FROM_FILE=1)"
elif fetch "$BASE/api/v1/openapi.json" "$WORK/served.json"; then
  python3 - "$SPEC" "$WORK/served.json" <<'EOF'
import json, sys
if json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])):
    sys.exit("/api/v1/openapi.json differs from " + sys.argv[1])
EOF
  LOCATION="$BASE/api/v1/openapi.json"
  echo "document: served at $LOCATION"
else
  echo "document: $SPEC (not served at /api/v1/openapi.json)"
fi

# A few comments and replies, so that the first generated ids (1, 2, ...) name published comments and threads.
python3 - "$BASE" <<'EOF'
import json, sys, urllib.request
base = sys.argv[1]
def post(article, body, parent=None):
    request = urllib.request.Request(
        f"{base}/api/v1/articles/{article}/comments", method="POST", headers={"Content-Type": "application/json"},
        data=json.dumps({"author": "Người thử", "body": body, "parentId": parent}).encode())
    with urllib.request.urlopen(request) as response:
        return json.load(response)["comment"]["id"]
first = post(1, "Bài viết rất bổ ích cho bạn đọc.")
for n in range(7):
    post(1, f"Trả lời số {n + 1}: tôi đồng ý.", first)
post(1, "Một ý kiến khác về bài viết này.")
post(2, "Bình luận ở bài thứ hai.")
EOF

# A moderator, signed in through the login form: the session cookie and the CSRF token for the second run.
PASSWORD="schemathesis-mat-khau-2026"
printf '%s\n' "$PASSWORD" | "$BIN" user add kiemduyet@example.vn --role moderator >/dev/null
STAFF="$(python3 - "$BASE" "$PASSWORD" <<'EOF'
import http.cookiejar, re, sys, urllib.parse, urllib.request
base, password = sys.argv[1], sys.argv[2]
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
page = opener.open(base + "/admin/login").read().decode()
token = re.search(r'name="formToken"[^>]*value="([^"]+)"', page).group(1)
form = urllib.parse.urlencode({"email": "kiemduyet@example.vn", "password": password, "formToken": token}).encode()
try:
    opener.open(base + "/admin/login", data=form)
except urllib.error.HTTPError as error:
    if error.code != 303:
        raise
cookie = next(c.value for c in jar if c.name == "nr_staff")
desk = opener.open(base + "/admin/moderation").read().decode()
csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', desk).group(1)
print(cookie, csrf)
EOF
)" || { KEEP=1; echo "could not sign the moderator in" >&2; exit 1; }
read -r STAFF_COOKIE STAFF_CSRF <<<"$STAFF"
cat >"$WORK/staff.toml" <<EOF
[auth.openapi.staffSession]
api_key = "$STAFF_COOKIE"

[auth.openapi.csrfToken]
api_key = "$STAFF_CSRF"
EOF

cd "$WORK"
PUBLIC_SECONDS=$((BUDGET * 55 / 100))
STAFF_SECONDS=$((BUDGET * 30 / 100))
ANONYMOUS_SECONDS=$((BUDGET - PUBLIC_SECONDS - STAFF_SECONDS))
FAILED=0
run() {
  local name="$1" seconds="$2"
  shift 2
  echo "== schemathesis: $name (${seconds}s)"
  # One worker: with two, hypothesis (under CPython 3.11) now and then fails on its own, parsing source in two threads.
  local command=("${SCHEMATHESIS[@]}" "$@" run "$LOCATION" --checks "$CHECKS" --max-time "$seconds" --workers 1
    --request-timeout 10 --generation-database none --suppress-health-check all --no-color
    --report junit,har --report-dir "$WORK/reports/$name")
  [ "$LOCATION" = "$SPEC" ] && command+=(--url "$BASE")
  echo "${command[*]} ${RUN_FILTERS[*]}"
  if ! timeout --kill-after=10 $((seconds + 120)) "${command[@]}" "${RUN_FILTERS[@]}"; then
    FAILED=1
  fi
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "newsroom serve died during the $name run" >&2; FAILED=1; }
}

RUN_FILTERS=(--exclude-path-regex '^/api/v1/moderation/' --exclude-operation-id streamArticleEvents)
run public "$PUBLIC_SECONDS"
RUN_FILTERS=(--include-path-regex '^/api/v1/moderation/')
run moderator "$STAFF_SECONDS" --config-file "$WORK/staff.toml"
# Every answer is 401 here, which is the point: schemathesis' warning about it is left out.
RUN_FILTERS=(--include-path-regex '^/api/v1/moderation/' --warnings missing_test_data,validation_mismatch,unresolvable_reference)
run anonymous "$ANONYMOUS_SECONDS"

# The live event stream never ends, so schemathesis leaves it out: its documented answers are checked here.
echo "== the live event stream (GET /api/v1/articles/{id}/events)"
if ! python3 - "$BASE" <<'EOF'
import http.client, json, sys, urllib.parse
host, port = urllib.parse.urlsplit(sys.argv[1]).hostname, urllib.parse.urlsplit(sys.argv[1]).port
failures = []
def expect(path, status, kind, code=None, headers=None):
    connection = http.client.HTTPConnection(host, port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    media = (response.getheader("Content-Type") or "").split(";")[0].strip()
    if response.status != status or media != kind:
        failures.append(f"GET {path} {headers or ''}: {response.status} {media}, expected {status} {kind}")
    elif kind == "text/event-stream":
        first = response.read1(64).decode()
        if not first.startswith("retry: "):
            failures.append(f"GET {path}: the stream starts with {first!r}")
    else:
        error = json.loads(response.read()).get("error", {})
        if error.get("code") != code or not isinstance(error.get("message"), str):
            failures.append(f"GET {path} {headers or ''}: {error}, expected code {code}")
    connection.close()
expect("/api/v1/articles/1/events", 200, "text/event-stream")
expect("/api/v1/articles/1/events?lastEventId=0", 200, "text/event-stream")
expect("/api/v1/articles/1/events", 200, "text/event-stream", headers={"Last-Event-ID": "1"})
expect("/api/v1/articles/999999/events", 404, "application/json", "article_not_found")
expect("/api/v1/articles/abc/events", 404, "application/json", "article_not_found")
expect("/api/v1/articles/1/events?lastEventId=x", 400, "application/json", "invalid_field")
expect("/api/v1/articles/1/events", 400, "application/json", "invalid_field", headers={"Last-Event-ID": "-1"})
for failure in failures:
    print(failure, file=sys.stderr)
print(f"{7 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
EOF
then
  FAILED=1
fi

if grep -q "Lỗi không lường trước\|Lỗi HTTP 5" "$WORK/server.log"; then
  echo "the server logged unexpected errors:" >&2
  grep "Lỗi không lường trước\|Lỗi HTTP 5" "$WORK/server.log" | head -20 >&2
  FAILED=1
fi
if [ "$FAILED" != 0 ]; then
  KEEP=1
  echo "API fuzzing failed" >&2
  exit 1
fi
echo "API fuzzing: no failure"
