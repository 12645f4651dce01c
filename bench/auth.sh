#!/usr/bin/env bash
# Authentication benchmark (SECURITY.md, docs/benchmarks.md): what signing in costs a decision.
# One service answers POST /api/v1/decisions both without credentials (let through only by the
# bench-only profile bench-anonymous, src/bench/java/nl/draagvlak/security) and with HTTP Basic as
# a bcrypt user (bench/bench-user.sh); wrk saturates it with each in turn, ROUNDS times, so that
# both see the same machine load. Then a second service with the credential cache off
# (ttl=0, bcrypt on every request) shows what the cache saves. Writes $RESULTS/auth.tsv.
#
# Usage: bench/auth.sh                          (about 5 minutes)
#        CONFIG=h2 bench/auth.sh                (decisions stored in the embedded H2 store)
#        ROUNDS=1 DURATION=2 WARMUP=1 bench/auth.sh   (smoke)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}       # seconds of each measured wrk run
WARMUP=${WARMUP:-90}           # seconds of warm-up, both kinds of request: the JIT needs about a minute
ROUNDS=${ROUNDS:-6}
CONNECTIONS=${CONNECTIONS:-16}
CONFIG=${CONFIG:-nostore}      # nostore (draagvlak.audit.enabled=false) or h2
PORT=${PORT:-18090}
PIN=${PIN:-1}
BUILD=${BUILD:-1}
RESULTS=${RESULTS:-target/bench-results/auth-$(date -u +%Y%m%dT%H%M%SZ)}
BODY_FILE=$PWD/src/bench/resources/bench-requests/typical.json
export BODY_FILE
source bench/bench-user.sh
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
SERVICE_CPU=()
LOAD_CPU=()
if [ "$PIN" = 1 ] && command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then
  SERVICE_CPU=(taskset -c 0)
  LOAD_CPU=(taskset -c 1)
fi
if [ "$BUILD" = 1 ] || [ ! -f target/bench/benchmarks.jar ]; then
  ./mvnw -q -Pbench -Dmaven.test.skip=true package
fi

TMP_DATA=$(mktemp -d /tmp/draagvlak-auth-XXXXXX)
cleanup() {
  if [ -n "${SERVICE_PID:-}" ]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; fi
  rm -rf "$TMP_DATA"
}
trap cleanup EXIT

start_service() { # name, extra args...
  local name=$1; shift
  local store=(--draagvlak.audit.enabled=false)
  if [ "$CONFIG" = h2 ]; then store=(); fi
  "${SERVICE_CPU[@]}" java -cp target/bench/benchmarks.jar nl.draagvlak.DraagvlakApplication \
      --server.address=127.0.0.1 --server.port="$PORT" --spring.profiles.active=bench-anonymous \
      --spring.datasource.url="jdbc:h2:file:$TMP_DATA/$name/draagvlak;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0" \
      --draagvlak.rules.cache-dir="$TMP_DATA/cache" "${store[@]}" "${BENCH_USER_ARGS[@]}" "$@" \
      >"$RESULTS/$name.service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null -u "$BENCH_CREDENTIALS" -X POST -H 'Content-Type: application/json' \
        --data-binary "@$BODY_FILE" "http://127.0.0.1:$PORT/api/v1/decisions"; then
      return 0
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "the service stopped:"; tail -n 30 "$RESULTS/$name.service.log"; exit 1; }
    sleep 0.2
  done
  echo "the service did not answer within 120 s"; exit 1
}
stop_service() { kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""; }

URL="http://127.0.0.1:$PORT/api/v1/decisions"
run() { # label, seconds, signed-in (1|0) -> prints req/s; fails on any non-2xx answer
  local label=$1 seconds=$2 signed=$3 out="$RESULTS/$1.txt"
  local auth=""
  if [ "$signed" = 1 ]; then auth=$AUTHORIZATION; fi
  AUTHORIZATION=$auth "${LOAD_CPU[@]}" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" -s bench/post-decision.lua "$URL" >"$out"
  if grep -q "Non-2xx" "$out"; then echo "$label: $(grep Non-2xx "$out")" >&2; exit 1; fi
  awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out"
}

printf 'config\tround\tanonymous_rps\tbasic_cached_rps\tratio\n' >"$RESULTS/auth.tsv"
echo "== $CONFIG: warm-up ${WARMUP}s"
start_service cached
half=$(( (WARMUP + 1) / 2 ))
run warmup-anonymous "$half" 0 >/dev/null
run warmup-basic "$half" 1 >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  if [ $(( round % 2 )) = 1 ]; then # alternate which goes first, so a service still warming up favours neither
    anonymous=$(run "anonymous-$round" "$DURATION" 0)
    basic=$(run "basic-$round" "$DURATION" 1)
  else
    basic=$(run "basic-$round" "$DURATION" 1)
    anonymous=$(run "anonymous-$round" "$DURATION" 0)
  fi
  ratio=$(awk -v a="$anonymous" -v b="$basic" 'BEGIN { printf "%.3f", b / a }')
  printf '%s\t%s\t%s\t%s\t%s\n' "$CONFIG" "$round" "$anonymous" "$basic" "$ratio" | tee -a "$RESULTS/auth.tsv"
done
stop_service

echo "== $CONFIG: credential cache off (bcrypt on every request)"
start_service uncached --draagvlak.security.credential-cache.ttl=0s
run uncached-warmup "$half" 1 >/dev/null
uncached=$(run uncached "$DURATION" 1)
stop_service

summary=$(awk -F'\t' 'NR > 1 { a[NR] = $3; b[NR] = $4; r[NR] = $5; n++ }
  END { asort(r); m = (n % 2) ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2;
        sa = 0; sb = 0; for (i in a) { sa += a[i]; sb += b[i] }
        printf "median ratio %.3f over %d rounds; mean anonymous %.0f req/s, mean basic (cached) %.0f req/s", m, n, sa / n, sb / n }' \
  "$RESULTS/auth.tsv")
{
  echo "# auth benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ), config $CONFIG, $(nproc) cores, pinned: ${SERVICE_CPU[*]:-no}"
  echo "# $summary"
  echo "# basic with the credential cache off: $uncached req/s"
} | tee "$RESULTS/about.txt"
echo "results: $RESULTS"
