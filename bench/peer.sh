#!/usr/bin/env bash
# Issue 12, target 1 (docs/benchmarks.md): Draagvlak against the service a team would write
# instead, bench.peer.PeerApplication (src/bench: the same rules/ folder and fact model, Jackson
# binding, a new stateless KIE session per request, no trace, no audit), behind the same sign-in.
# Three processes run side by side, each on 127.0.0.1:
#   peer     the peer                                            port PORT
#   nostore  Draagvlak, trace on, draagvlak.audit.enabled=false  port PORT+1
#   h2       Draagvlak, trace on, the embedded H2 store (fresh)  port PORT+2
#   postgres Draagvlak, trace on, the local PostgreSQL (127.0.0.1:5432, db test, a fresh schema,
#            dropped afterwards); only when SERVICES names it (SERVICES="peer nostore h2 postgres")
# Each is warmed up until its throughput has converged (bench/warmup-lib.sh); then wrk saturates
# each service with each way of signing in (HTTP Basic with the credential cache, and a JWT), in
# turn, ROUNDS times, the order rotating every round, so that all see the same machine. The ratios
# are per round (Draagvlak / peer, same round, same sign-in); the median of the rounds is the figure.
# Then (LATENCY=1), while every service is still warm, each Draagvlak service gets a fixed arrival
# rate of half its median saturation (Basic) from the open-model generator (OpenLoad, corrected for
# coordinated omission) for DURATION seconds: its p99 against target 3's 10 ms. And from each
# service's warm-up windows, the time from its process start to 90 % of its median saturation
# (target 5; "two cores" when PIN=0).
# Services on core 0, wrk on core 1, unless PIN=0. Writes $RESULTS/rounds.tsv and summary.txt.
#
# Usage: bench/peer.sh                                 (about 10 minutes)
#        ROUNDS=1 DURATION=2 WARMUP=1 PIN=0 bench/peer.sh   (smoke)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}       # seconds of each measured wrk run
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-18100}
PIN=${PIN:-1}
BUILD=${BUILD:-1}
SERVICES=${SERVICES:-"peer nostore h2"}
AUTHS=${AUTHS:-"basic jwt"}
LATENCY=${LATENCY:-1}          # 1: after the rounds, each Draagvlak service's latency at half its saturation
RESULTS=${RESULTS:-target/bench-results/peer-$(date -u +%Y%m%dT%H%M%SZ)}
BODY_FILE=$PWD/src/bench/resources/bench-requests/typical.json
export BODY_FILE
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
TMP_DATA=$(mktemp -d /tmp/draagvlak-peer-XXXXXX)
BENCH_JWT_DIR=$TMP_DATA/jwt
mkdir -p "$BENCH_JWT_DIR"
source bench/bench-user.sh
source bench/bench-jwt.sh
source bench/warmup-lib.sh

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
  ./mvnw -q -Dmaven.test.skip=true package
fi
if [ "$BUILD" = 1 ] || [ ! -f target/bench/benchmarks.jar ]; then
  ./mvnw -q -Pbench -Dmaven.test.skip=true package
fi

declare -A PID PORT_OF T0
SCHEMA=""
cleanup() {
  for name in "${!PID[@]}"; do kill "${PID[$name]}" 2>/dev/null || true; done
  for name in "${!PID[@]}"; do wait "${PID[$name]}" 2>/dev/null || true; done
  if [ -n "$SCHEMA" ]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
  fi
  rm -rf "$TMP_DATA"
}
trap cleanup EXIT
if [[ " $SERVICES " == *" postgres "* ]]; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  SCHEMA="bench_peer_$$"
  psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $SCHEMA" >/dev/null
fi

load_now() { echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"; }
LOAD_BEFORE=$(load_now)

h2_url() { echo "jdbc:h2:file:$TMP_DATA/$1/draagvlak;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"; }

start() { # name port
  local name=$1 port=$2 command
  case $name in
    peer) command=(java -cp target/bench/benchmarks.jar bench.peer.PeerApplication);;
    nostore) command=(java -jar target/draagvlak.jar --draagvlak.audit.enabled=false
        --spring.datasource.url="$(h2_url nostore)" --draagvlak.rules.cache-dir="$TMP_DATA/nostore/cache");;
    h2) command=(java -jar target/draagvlak.jar
        --spring.datasource.url="$(h2_url h2)" --draagvlak.rules.cache-dir="$TMP_DATA/h2/cache");;
    postgres) command=(java -jar target/draagvlak.jar --spring.profiles.active=postgres
        --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA"
        --spring.datasource.username=postgres --draagvlak.rules.cache-dir="$TMP_DATA/postgres/cache");;
    *) echo "unknown service $name"; exit 1;;
  esac
  T0[$name]=$(date +%s%3N)
  "${SERVICE_CPU[@]}" "${command[@]}" --server.address=127.0.0.1 --server.port="$port" \
      "${BENCH_USER_ARGS[@]}" "${BENCH_JWT_ARGS[@]}" >"$RESULTS/$name.service.log" 2>&1 &
  PID[$name]=$!
  PORT_OF[$name]=$port
  for _ in $(seq 1 900); do
    if curl -fs -o "$RESULTS/$name.first.json" -H "Authorization: $AUTHORIZATION" -H 'Content-Type: application/json' \
        --data-binary "@$BODY_FILE" "http://127.0.0.1:$port/api/v1/decisions"; then
      echo "   $name answered $(( $(date +%s%3N) - T0[$name] )) ms after its start"
      return 0
    fi
    kill -0 "${PID[$name]}" 2>/dev/null || { echo "$name stopped:"; tail -n 40 "$RESULTS/$name.service.log"; exit 1; }
    sleep 0.2
  done
  echo "$name did not answer within 180 s"; exit 1
}

url_of() { echo "http://127.0.0.1:${PORT_OF[$1]}/api/v1/decisions"; }
header_of() { if [ "$1" = jwt ]; then echo "$BEARER_AUTHORIZATION"; else echo "$AUTHORIZATION"; fi; }

run() { # label service auth seconds -> req/s; fails on any non-2xx answer
  local label=$1 service=$2 auth=$3 seconds=$4 out="$RESULTS/$1.txt"
  AUTHORIZATION=$(header_of "$auth") "${LOAD_CPU[@]}" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" \
      -s bench/post-decision.lua "$(url_of "$service")" >"$out"
  if grep -q "Non-2xx" "$out"; then echo "$label: $(grep Non-2xx "$out")" >&2; exit 1; fi
  awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out"
}

echo "== start: $SERVICES (services ${SERVICE_CPU[*]:-unpinned}, load ${LOAD_CPU[*]:-unpinned})"
port=$PORT
for name in $SERVICES; do start "$name" "$port"; port=$(( port + 1 )); done

# The peer decides what the service decides (same verdict, same findings), or the comparison is void.
if [[ " $SERVICES " == *" peer "* && " $SERVICES " == *" nostore "* ]]; then
  python3 - "$RESULTS/peer.first.json" "$RESULTS/nostore.first.json" <<'PY'
import json, sys
peer, service = (json.load(open(f)) for f in sys.argv[1:3])
def findings(d): return sorted((f["ruleId"], f.get("stakeholderIndex") if f.get("stakeholderIndex") is not None else -1) for f in d["findings"])
def gaps(d): return sorted((g["ruleId"], g.get("stakeholderIndex") if g.get("stakeholderIndex") is not None else -1) for g in d["notAssessed"])
if peer["verdict"] != service["verdict"] or findings(peer) != findings(service) or gaps(peer) != gaps(service):
    sys.exit("the peer and the service disagree on the typical request: %s %s" % (peer["verdict"], service["verdict"]))
print("   the peer agrees with the service: verdict %s, %d findings, %d not assessed"
      % (peer["verdict"], len(peer["findings"]), len(peer["notAssessed"])))
PY
fi

echo "== warm-up of each service, at least ${WARMUP}s, at most ${WARMUP_MAX}s"
for name in $SERVICES; do
  warm_up "$name" "$(url_of "$name")" "${T0[$name]}" -t1 -c"$CONNECTIONS" -H "Authorization: $AUTHORIZATION" \
      -s bench/post-decision.lua
  echo "$name: $WARMUP_NOTE" >>"$RESULTS/warmup-notes.txt"
  if [[ " $AUTHS " == *" jwt "* ]]; then run "$name-warmup-jwt" "$name" jwt "$WARMUP_WINDOW" >/dev/null; fi
done

pairs=()
for name in $SERVICES; do for auth in $AUTHS; do pairs+=("$name:$auth"); done; done
printf 'round\tservice\tauth\trps\tload1\n' >"$RESULTS/rounds.tsv"
echo "== $ROUNDS rounds of ${DURATION}s per service and sign-in, order rotating"
for round in $(seq 1 "$ROUNDS"); do
  n=${#pairs[@]}
  for i in $(seq 0 $(( n - 1 ))); do
    pair=${pairs[$(( (i + round - 1) % n ))]}
    service=${pair%%:*} auth=${pair##*:}
    rps=$(run "$service-$auth-$round" "$service" "$auth" "$DURATION")
    printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$service" "$auth" "$rps" "$(cut -d' ' -f1 /proc/loadavg)" \
      | tee -a "$RESULTS/rounds.tsv"
  done
done

median_rps() { # service auth -> the median of its rounds' req/s
  awk -F'\t' -v s="$1" -v a="$2" 'NR > 1 && $2 == s && $3 == a { print $4 }' "$RESULTS/rounds.tsv" | sort -n \
    | awk '{ v[++n] = $1 } END { if (n == 0) print 0; else if (n % 2) print v[(n + 1) / 2]; else printf "%.0f", (v[n / 2] + v[n / 2 + 1]) / 2 }'
}
printf 'service\tsaturation_rps\tfixed_rate_rps\tsent_rps\tcount\terrors\tp50_ms\tp90_ms\tp99_ms\tp999_ms\tmax_ms\tto_90pct_s\n' \
  >"$RESULTS/latency.tsv"
for name in $SERVICES; do
  saturation=$(median_rps "$name" basic)
  t90=$(time_to_fraction "$name" "$saturation" 0.9)
  if [ "$LATENCY" = 1 ] && [ "$name" != peer ] && [ "$saturation" -gt 1 ]; then
    rate=$(( saturation / 2 ))
    echo "== $name: fixed arrival rate $rate req/s (half of $saturation) for ${DURATION}s, open model, Basic"
    "${LOAD_CPU[@]}" java -cp target/bench/benchmarks.jar nl.draagvlak.bench.tools.OpenLoad --url "$(url_of "$name")" \
        --body "$BODY_FILE" --auth "$BENCH_CREDENTIALS" --rate "$rate" --duration "$DURATION" \
        --warmup "$(( DURATION < 10 ? 1 : 5 ))" --label "$name" --hgrm "$RESULTS/$name.hgrm" \
        --tsv "$RESULTS/$name.open.tsv" >"$RESULTS/$name.open.txt"
    printf '%s\t%s\t%s\t%s\n' "$name" "$saturation" "$(tail -n 1 "$RESULTS/$name.open.tsv" | cut -f2-10)" "$t90" \
      >>"$RESULTS/latency.tsv"
  else
    printf '%s\t%s\t-\t-\t-\t-\t-\t-\t-\t-\t-\t%s\n' "$name" "$saturation" "$t90" >>"$RESULTS/latency.tsv"
  fi
done

summary=$(python3 - "$RESULTS/rounds.tsv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
rps = {(r["round"], r["service"], r["auth"]): float(r["rps"]) for r in rows}
targets = {"nostore": 1.5, "h2": 1.0}
stored_targets = {"h2": 0.8, "postgres": 0.7}
def ratios_of(service, base, auth):
    return [rps[(rd, service, auth)] / rps[(rd, base, auth)] for (rd, s, a) in rps
            if s == base and a == auth and (rd, service, auth) in rps and rps[(rd, base, auth)] > 0]
for auth in sorted({r["auth"] for r in rows}):
    for service in ("peer", "nostore", "h2", "postgres"):
        values = [v for (rd, s, a), v in rps.items() if s == service and a == auth]
        if values:
            print(f"{auth:5} {service:8} mean {statistics.mean(values):8.0f} req/s over {len(values)} rounds")
    for service, target in targets.items():
        ratios = [rps[(rd, service, auth)] / rps[(rd, "peer", auth)] for (rd, s, a) in rps
                  if s == "peer" and a == auth and (rd, service, auth) in rps and rps[(rd, "peer", auth)] > 0]
        if ratios:
            median = statistics.median(ratios)
            print(f"{auth:5} {service} / peer: median {median:.2f}x (rounds {min(ratios):.2f}-{max(ratios):.2f}),"
                  f" target >= {target}x: {'met' if median >= target else 'not met'}")
    for service, target in stored_targets.items():
        ratios = ratios_of(service, "nostore", auth)
        if ratios:
            median = statistics.median(ratios)
            print(f"{auth:5} {service} / nostore: median {median:.2f}x (rounds {min(ratios):.2f}-{max(ratios):.2f}),"
                  f" target >= {target}x: {'met' if median >= target else 'not met'}")
PY
)
{
  echo "# peer benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ): $ROUNDS rounds x ${DURATION}s, wrk -t1 -c$CONNECTIONS, typical request"
  echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n 1)"
  echo "# pinned: ${SERVICE_CPU[*]:-no} (services), ${LOAD_CPU[*]:-no} (wrk)"
  echo "# before: $LOAD_BEFORE; after: $(load_now)"
  sed 's/^/# /' "$RESULTS/warmup-notes.txt"
  echo "$summary"
  awk -F'\t' -v cores="${SERVICE_CPU[*]:+one core (pinned)}" 'NR > 1 {
      printf "%-8s warm-up: 90 %% of its saturation (%s req/s) %s (%s)\n", $1, $2,
             $12 == "not-reached" ? "not reached within its warm-up" : "reached " $12 " s after its process start",
             cores == "" ? "two cores, unpinned" : cores
      if ($9 != "-") printf "%-8s at half saturation (%s req/s sent): p50 %s ms, p99 %s ms, p99.9 %s ms, %s errors; target p99 <= 10 ms: %s\n",
             $1, $4, $7, $9, $10, $6, ($9 + 0 <= 10 && $6 == 0) ? "met" : "not met" }' "$RESULTS/latency.tsv"
} | tee "$RESULTS/summary.txt"
echo "results: $RESULTS"
