#!/usr/bin/env bash
# Issue 12, target 5 (docs/benchmarks.md): how long the service takes from its process start until
# its throughput reaches 90 % of its steady state, on one core and on two. For each: start the
# service (decisions not stored, signed in with HTTP Basic), saturate it with wrk in windows of
# WARMUP_WINDOW seconds from its first answer until the windows converge (bench/warmup-lib.sh),
# then measure the steady state for DURATION seconds; the time to 90 % is the end of the first
# window at or above 90 % of that, counted from the process start. One core: the service on core
# 0, wrk on core 1. Two cores: both unpinned (wrk shares the cores with the service).
# Writes $RESULTS/warmup.tsv.
#
# Usage: bench/warmup.sh           CORES="1" bench/warmup.sh
#        CORES="1 2" WARMUP=1 DURATION=2 BUILD=0 bench/warmup.sh   (smoke)
set -euo pipefail
cd "$(dirname "$0")/.."

CORES=${CORES:-"1 2"}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-30}
WARMUP_WINDOW=${WARMUP_WINDOW:-2}
WARMUP_MAX=${WARMUP_MAX:-240}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-18110}
BUILD=${BUILD:-1}
RESULTS=${RESULTS:-target/bench-results/warmup-$(date -u +%Y%m%dT%H%M%SZ)}
BODY_FILE=$PWD/src/bench/resources/bench-requests/typical.json
export BODY_FILE
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
source bench/bench-user.sh
source bench/warmup-lib.sh

if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if [ "$BUILD" = 1 ] || [ ! -f target/draagvlak.jar ]; then
  ./mvnw -q -Dmaven.test.skip=true package
fi
TMP_DATA=$(mktemp -d /tmp/draagvlak-warmup-XXXXXX)
SERVICE_PID=""
cleanup() {
  if [ -n "$SERVICE_PID" ]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; fi
  rm -rf "$TMP_DATA"
}
trap cleanup EXIT
URL="http://127.0.0.1:$PORT/api/v1/decisions"

printf 'cores\tready_s\tconverged\twarmup_s\tsteady_rps\tto_90pct_s\tload_before\tload_after\n' >"$RESULTS/warmup.tsv"
for cores in $CORES; do
  SERVICE_CPU=()
  LOAD_CPU=()
  if [ "$cores" = 1 ] && command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then
    SERVICE_CPU=(taskset -c 0)
    LOAD_CPU=(taskset -c 1)
  fi
  name="cores$cores"
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  echo "== $cores core(s): service ${SERVICE_CPU[*]:-unpinned}, wrk ${LOAD_CPU[*]:-unpinned}"
  t0=$(date +%s%3N)
  "${SERVICE_CPU[@]}" java -jar target/draagvlak.jar --server.address=127.0.0.1 --server.port="$PORT" \
      --draagvlak.audit.enabled=false --draagvlak.rules.cache-dir="$TMP_DATA/$name/cache" \
      --spring.datasource.url="jdbc:h2:file:$TMP_DATA/$name/draagvlak;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
      "${BENCH_USER_ARGS[@]}" >"$RESULTS/$name.service.log" 2>&1 &
  SERVICE_PID=$!
  ready=""
  for _ in $(seq 1 900); do
    if curl -fs -o /dev/null -u "$BENCH_CREDENTIALS" -X POST -H 'Content-Type: application/json' \
        --data-binary "@$BODY_FILE" "$URL"; then
      ready=$(awk -v a="$(date +%s%3N)" -v b="$t0" 'BEGIN { printf "%.1f", (a - b) / 1000 }')
      break
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "the service stopped:"; tail -n 30 "$RESULTS/$name.service.log"; exit 1; }
    sleep 0.1
  done
  [ -n "$ready" ] || { echo "no answer within 90 s"; exit 1; }
  echo "   first decision ${ready}s after the process started"
  warm_up "$name" "$URL" "$t0" -t1 -c"$CONNECTIONS" -H "Authorization: $AUTHORIZATION" -s bench/post-decision.lua
  "${LOAD_CPU[@]}" wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -H "Authorization: $AUTHORIZATION" \
      -s bench/post-decision.lua "$URL" >"$RESULTS/$name.steady.txt"
  steady=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$RESULTS/$name.steady.txt")
  t90=$(time_to_fraction "$name" "$steady" 0.9)
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""
  echo "   steady ${steady} req/s; 90 % of it first reached at ${t90} (s after the process started)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$cores" "$ready" "$WARMUP_CONVERGED" "$WARMUP_SECONDS" "$steady" "$t90" \
    "$load_before" "$(cut -d' ' -f1 /proc/loadavg)" >>"$RESULTS/warmup.tsv"
done
{
  echo "# warm-up benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ): windows of ${WARMUP_WINDOW}s, converged = $WARMUP_STABLE windows within $WARMUP_TOLERANCE, at least ${WARMUP}s, at most ${WARMUP_MAX}s; steady ${DURATION}s"
  echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n 1)"
} >"$RESULTS/about.txt"
cat "$RESULTS/about.txt"
column -t -s $'\t' "$RESULTS/warmup.tsv" 2>/dev/null || cat "$RESULTS/warmup.tsv"
echo "results: $RESULTS"
