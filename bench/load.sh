#!/usr/bin/env bash
# Load benchmark (docs/benchmarks.md): builds the service jar and the load generator, then for each
# configuration starts the service on 127.0.0.1, warms it up, finds its saturation throughput with
# wrk (closed model), measures latency percentiles at a fixed arrival rate of half that throughput
# with the open-model generator (corrected for coordinated omission), stops it, and writes
#   $RESULTS/summary.tsv    one line per configuration
#   $RESULTS/<config>.hgrm  latency percentile distribution at the fixed rate (for bench/plot.sh)
#   $RESULTS/<config>.*     wrk output, generator output, service log
#
# Configurations (CONFIGS, default all four):
#   noop      GET /bench/noop (Spring profile bench): the HTTP stack alone
#   nostore   POST /api/v1/decisions, trace on, draagvlak.audit.enabled=false (nothing stored)
#   h2        the same, stored in the embedded H2 store under a fresh temporary folder
#   postgres  the same, stored in the local PostgreSQL (127.0.0.1:5432, db test, user postgres) in a
#             fresh schema that is dropped afterwards
# The service runs on core 0 and the load generators on core 1 (taskset), unless PIN=0.
#
# Usage: bench/load.sh            (about 8 minutes)
#        DURATION=2 WARMUP=1 bench/load.sh   (the smoke run)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}        # seconds of each measured phase (saturation, fixed rate)
WARMUP=${WARMUP:-60}            # at least this many seconds of warm-up (WARMUP_MAX bounds it; bench/warmup-lib.sh)
CONNECTIONS=${CONNECTIONS:-16}  # wrk connections for the saturation run
CONFIGS=${CONFIGS:-"noop nostore h2 postgres"}
PORT=${PORT:-18080}
PIN=${PIN:-1}
BUILD=${BUILD:-1}               # 0: use the jars already built
PROFILE=${PROFILE:-0}           # 1: JFR recording of each saturation phase, summarised by JfrTop
RESULTS=${RESULTS:-target/bench-results/load-$(date -u +%Y%m%dT%H%M%SZ)}
BODY_FILE=$PWD/src/bench/resources/bench-requests/typical.json
export BODY_FILE
source bench/bench-user.sh   # every request signs in as the bench user (HTTP Basic, bcrypt, cached)
source bench/warmup-lib.sh   # warm-up until successive windows agree, bounded

mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)

# --- tools ---------------------------------------------------------------------------------------
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

if [ "$BUILD" = 1 ] || [ ! -f target/draagvlak.jar ]; then
  ./mvnw -q -DskipTests package
fi
if [ "$BUILD" = 1 ] || [ ! -f target/bench/benchmarks.jar ]; then
  ./mvnw -q -Pbench -DskipTests package
fi
SERVICE_JAR=target/draagvlak.jar
BENCH_JAR=target/bench/benchmarks.jar

# --- PostgreSQL ----------------------------------------------------------------------------------
SCHEMA=""
cleanup() {
  if [ -n "${SERVICE_PID:-}" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  if [ -n "$SCHEMA" ]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
  fi
  if [ -n "${TMP_DATA:-}" ]; then
    rm -rf "$TMP_DATA"
  fi
}
trap cleanup EXIT
TMP_DATA=$(mktemp -d /tmp/draagvlak-load-XXXXXX)

if [[ " $CONFIGS " == *" postgres "* ]]; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  SCHEMA="bench_load_$$"
  psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $SCHEMA" >/dev/null
fi

# --- one configuration ---------------------------------------------------------------------------
JFR_OPTS=()
if [ "$PROFILE" = 1 ]; then JFR_OPTS=(-XX:FlightRecorderOptions=stackdepth=256); fi

start_service() { # name, extra args...
  local name=$1; shift
  SERVICE_T0=$(date +%s%3N)
  "${SERVICE_CPU[@]}" java "${JFR_OPTS[@]}" -jar "$SERVICE_JAR" --server.address=127.0.0.1 --server.port="$PORT" \
      "${BENCH_USER_ARGS[@]}" "$@" >"$RESULTS/$name.service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 300); do
    if curl -fs -o /dev/null -u "$BENCH_CREDENTIALS" -X POST -H 'Content-Type: application/json' \
        --data-binary "@$BODY_FILE" "http://127.0.0.1:$PORT/api/v1/decisions"; then
      return 0
    fi
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
      echo "the service for $name did not start:"; tail -n 40 "$RESULTS/$name.service.log"; exit 1
    fi
    sleep 0.2
  done
  echo "the service for $name did not answer within 60 s"; exit 1
}

stop_service() {
  kill "$SERVICE_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
}

load_now() { # what else is keeping the machine busy (it is shared)
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg); busiest processes: $(top -b -n2 -d0.5 -o %CPU 2>/dev/null \
    | awk '/^top -/ { n++ } n == 2 && $1 ~ /^[0-9]+$/ { printf "%s %s%%, ", $12, $9; if (++k == 3) exit }')"
}
LOAD_BEFORE=$(load_now)

printf 'config\tsaturation_rps\twrk_p50_ms\twrk_p99_ms\twrk_non2xx\tfixed_rate_rps\tsent_rps\tcount\terrors\tp50_ms\tp90_ms\tp99_ms\tp999_ms\tmax_ms\twarmup_converged\twarmup_s\tto_90pct_s\n' \
  >"$RESULTS/summary.tsv"

to_ms() { # wrk's "1.23ms" / "456.00us" / "1.02s" -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}

measure() { # name, method (GET|POST), path
  local name=$1 method=$2 path=$3
  local url="http://127.0.0.1:$PORT$path"
  local wrk_args=(-t1 -c"$CONNECTIONS" --latency -H "Authorization: $AUTHORIZATION")
  if [ "$method" = POST ]; then wrk_args+=(-s bench/post-decision.lua); fi
  echo "== $name: warm-up, at least ${WARMUP}s, until $WARMUP_STABLE windows of ${WARMUP_WINDOW}s agree within $WARMUP_TOLERANCE, at most ${WARMUP_MAX}s"
  warm_up "$name" "$url" "$SERVICE_T0" "${wrk_args[@]}"
  if [ "$PROFILE" = 1 ]; then
    jcmd "$SERVICE_PID" JFR.start name=bench settings="$PWD/bench/cpu-sampling.jfc" duration="${DURATION}s" \
        filename="$RESULTS/$name.jfr" >/dev/null
  fi
  echo "== $name: saturation, wrk ${DURATION}s, $CONNECTIONS connections"
  "${LOAD_CPU[@]}" wrk "${wrk_args[@]}" -d"${DURATION}s" "$url" >"$RESULTS/$name.wrk.txt"
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$RESULTS/$name.wrk.txt")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$RESULTS/$name.wrk.txt")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$RESULTS/$name.wrk.txt")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$RESULTS/$name.wrk.txt")
  non2xx=${non2xx:-0}
  local t90
  t90=$(time_to_fraction "$name" "$rps" 0.9)
  echo "   $rps req/s (wrk p50 $p50 ms, p99 $p99 ms, non-2xx $non2xx); 90 % of it reached ${t90} s after the process started"
  if [ "$PROFILE" = 1 ]; then
    for _ in $(seq 1 50); do [ -s "$RESULTS/$name.jfr" ] && break; sleep 0.2; done
    sleep 1
    java -cp "$BENCH_JAR" nl.draagvlak.bench.tools.JfrTop "$RESULTS/$name.jfr" 20 >"$RESULTS/$name.jfr.txt" || true
  fi
  local rate=$(( rps / 2 ))
  [ "$rate" -ge 1 ] || rate=1
  echo "== $name: fixed arrival rate $rate req/s for ${DURATION}s (open model)"
  local body_args=()
  if [ "$method" = POST ]; then body_args=(--body "$BODY_FILE"); fi
  "${LOAD_CPU[@]}" java -cp "$BENCH_JAR" nl.draagvlak.bench.tools.OpenLoad --url "$url" "${body_args[@]}" \
      --auth "$BENCH_CREDENTIALS" \
      --rate "$rate" --duration "$DURATION" --warmup "$(( DURATION < 10 ? 1 : 5 ))" --label "$name" \
      --hgrm "$RESULTS/$name.hgrm" --tsv "$RESULTS/$name.open.tsv" | tee "$RESULTS/$name.open.txt"
  local open
  open=$(tail -n 1 "$RESULTS/$name.open.tsv" | cut -f2-10)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$non2xx" "$open" \
    "$WARMUP_CONVERGED" "$WARMUP_SECONDS" "$t90" >>"$RESULTS/summary.tsv"
  echo "$name: $WARMUP_NOTE" >>"$RESULTS/warmup-notes.txt"
}

h2_url() { echo "jdbc:h2:file:$TMP_DATA/$1/draagvlak;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"; }

# noop and nostore share one service: the bench profile, nothing stored.
if [[ " $CONFIGS " == *" noop "* || " $CONFIGS " == *" nostore "* ]]; then
  start_service nostore --spring.profiles.active=bench --draagvlak.audit.enabled=false \
      --spring.datasource.url="$(h2_url nostore)"
  if [[ " $CONFIGS " == *" noop "* ]]; then measure noop GET /bench/noop; fi
  if [[ " $CONFIGS " == *" nostore "* ]]; then measure nostore POST /api/v1/decisions; fi
  stop_service
fi
if [[ " $CONFIGS " == *" h2 "* ]]; then
  start_service h2 --spring.profiles.active=bench --spring.datasource.url="$(h2_url h2)"
  measure h2 POST /api/v1/decisions
  stop_service
fi
if [[ " $CONFIGS " == *" postgres "* ]]; then
  start_service postgres --spring.profiles.active=postgres,bench \
      --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" \
      --spring.datasource.username=postgres
  measure postgres POST /api/v1/decisions
  stop_service
fi

{
  echo "# load benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n 1)"
  echo "# before: $LOAD_BEFORE"
  echo "# after:  $(load_now)"
  echo "# pinned: ${SERVICE_CPU[*]:-no} (service), ${LOAD_CPU[*]:-no} (load); warm-up ${WARMUP}-${WARMUP_MAX}s, phases ${DURATION}s, wrk -t1 -c$CONNECTIONS"
  sed 's/^/# /' "$RESULTS/warmup-notes.txt" 2>/dev/null || true
} >"$RESULTS/about.txt"
echo
cat "$RESULTS/about.txt"
column -t -s $'\t' "$RESULTS/summary.tsv" 2>/dev/null || cat "$RESULTS/summary.tsv"
echo "results: $RESULTS"
