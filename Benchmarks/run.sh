#!/usr/bin/env bash
# Measures Newsroom against nginx on this machine, in one run:
#   the article page (an article with 50 comments), its comment-list JSON, comment POST (post moderation),
#   and nginx serving the same page bytes as a static file.
# Prints requests/s, p50 and p99 latency, and each figure's ratio to nginx.
# Needs wrk and nginx (apt-get install wrk nginx). Usage: Benchmarks/run.sh [seconds per run, default 10]
# On SQLite by default; with BENCH_POSTGRES_URL=postgres://user@host:port/db (a server this user may create databases
# on; psql installed), the same runs go to a new database on that server, dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-10}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install wrk nginx curl" >&2; exit 1; }
done

echo "== building release" >&2
swift build -c release --product newsroom >&2
BIN="$(swift build -c release --show-bin-path)/newsroom"

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
  if [ -n "${BENCH_DB:-}" ]; then psql "${BENCH_POSTGRES_URL%%\?*}" -qc "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null; fi
}
trap cleanup EXIT

MIGRATE=()
if [ -n "${BENCH_POSTGRES_URL:-}" ]; then
  BENCH_DB="newsroom_bench_$$"
  psql "${BENCH_POSTGRES_URL%%\?*}" -qc "CREATE DATABASE $BENCH_DB" >/dev/null
  SERVER_URL="${BENCH_POSTGRES_URL%%\?*}"
  QUERY=""
  [[ "$BENCH_POSTGRES_URL" == *\?* ]] && QUERY="?${BENCH_POSTGRES_URL#*\?}"
  export NEWSROOM_DATABASE_URL="${SERVER_URL%/*}/$BENCH_DB$QUERY"
  "$BIN" migrate > /dev/null
  MIGRATE=(--migrate)
else
  export NEWSROOM_DATABASE_URL="sqlite://$WORK/bench.sqlite"
fi
echo "== database: $NEWSROOM_DATABASE_URL" >&2
export NEWSROOM_SECRET="benchmark-secret-benchmark-secret-benchmark"
SEED="${NEWSROOM_SEED:-../shared/seed/000_380a24cf614cbcf5.txt}"
IFS=$'\t' read -r ARTICLE_ID ARTICLE_PATH _ < <("$BIN" import "$SEED")

# Post moderation, the default word rules and per-client limits on; comments arrive through a trusted proxy (this
# machine) from varied reader addresses, so the limits do not hide the server's speed.
"$BIN" serve --port 0 --no-demo --moderation post --trusted-proxies 127.0.0.1,::1 "${MIGRATE[@]}" > "$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  PORT="$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/serve.log" | head -1 | sed 's/.*://' || true)"
  [ -n "$PORT" ] && break
  sleep 0.1
done
[ -n "$PORT" ] || { echo "server did not start" >&2; cat "$WORK/serve.log" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"

echo "== loading 50 comments" >&2
for n in $(seq 1 50); do
  parent="null"
  [ $((n % 5)) -eq 0 ] && parent=$((n - 1))  # every fifth comment answers the one before it
  curl -sf -o /dev/null -H 'Content-Type: application/json' -H "X-Forwarded-For: 192.0.2.$n" \
    -d "{\"author\":\"Độc giả $n\",\"body\":\"Ý kiến số $n về bài viết: thông tin đầy đủ, mong tòa soạn tiếp tục theo dõi.\",\"parentId\":$parent}" \
    "$BASE/api/v1/articles/$ARTICLE_ID/comments"
done

mkdir -p "$WORK/www"
curl -sf "$BASE$ARTICLE_PATH" -o "$WORK/www/article.html"
# nginx's workers run as an unprivileged user: let them read the page (mktemp -d makes a private folder).
chmod 755 "$WORK" "$WORK/www"
chmod 644 "$WORK/www/article.html"
NGINX_PORT=$((PORT + 1))
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  types { text/html html; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK"
sleep 0.3

# run NAME URL [SCRIPT SCRIPT_ARG]: prints "NAME req/s p50 p99 non-2xx"; HEADER, when set, is sent with every request.
run() {
  local name="$1" url="$2" script="${3:-}" script_arg="${4:-}"
  local out
  local header=()
  [ -n "${HEADER:-}" ] && header=(-H "$HEADER")
  if [ -n "$script" ]; then
    out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${header[@]}" -s "$script" "$url" -- "$script_arg")"
  else
    out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${header[@]}" "$url")"
  fi
  local rps p50 p99 errors
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx or 3xx/ {print $5}' <<<"$out")"
  echo "$name $rps $p50 $p99 ${errors:-0}"
}

echo "== measuring, ${DURATION}s each, $CONNECTIONS connections, $THREADS wrk threads" >&2
RESULTS=()
RESULTS+=("$(run nginx-static "http://127.0.0.1:$NGINX_PORT/article.html")")
RESULTS+=("$(run article-page "$BASE$ARTICLE_PATH")")
# The same page for a browser's User-Agent: every request is a reader's view, counted for "Đọc nhiều" (wrk sends no
# User-Agent of its own, which is not counted).
RESULTS+=("$(HEADER="User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36" \
  run article-views "$BASE$ARTICLE_PATH")")
RESULTS+=("$(run comments-json "$BASE/api/v1/articles/$ARTICLE_ID/comments")")
RESULTS+=("$(run comment-post "$BASE/api/v1/articles/$ARTICLE_ID/comments" Benchmarks/post-comment.lua "/api/v1/articles/$ARTICLE_ID/comments")")

NGINX_RPS="$(awk '{print $2}' <<<"${RESULTS[0]}")"
printf '\n%-15s %12s %10s %10s %8s %10s\n' "what" "req/s" "p50" "p99" "non-2xx" "× nginx"
for row in "${RESULTS[@]}"; do
  read -r name rps p50 p99 errors <<<"$row"
  ratio="$(awk -v a="$rps" -v b="$NGINX_RPS" 'BEGIN { printf "%.2f", a / b }')"
  printf '%-15s %12s %10s %10s %8s %10s\n' "$name" "$rps" "$p50" "$p99" "$errors" "$ratio"
done
echo
echo "page bytes: $(wc -c < "$WORK/www/article.html"); comments stored: $(curl -sf "$BASE/api/v1/articles/$ARTICLE_ID" | grep -o '"commentCount":[0-9]*')"
PAGE_RPS="$(awk '{print $2}' <<<"${RESULTS[1]}")"
VIEWS_RPS="$(awk '{print $2}' <<<"${RESULTS[2]}")"
echo "counting views costs $(awk -v a="$VIEWS_RPS" -v b="$PAGE_RPS" 'BEGIN { printf "%.1f", (1 - a / b) * 100 }')% of the page's speed (target: at most 5%)"
echo "targets: article page >= 0.5 x nginx; comment POST >= 1000 req/s"
