#!/usr/bin/env bash
# What the one hash chain's head lock costs two nodes (docs/scaling.md): two service processes on
# one PostgreSQL schema, node 1 pinned to core 0 and node 2 to core 1 (taskset), decisions stored
# (audit on, every commit locks audit_chain_head). After a warm-up of both, it alternates rounds
# of wrk against node 1 alone and against both nodes at once (one wrk each), so that both figures
# come from the same run, and samples how many of PostgreSQL's sessions wait for a lock meanwhile.
# wrk and PostgreSQL are not pinned: on this 2-core machine they share the nodes' cores.
#   $RESULTS/summary.tsv   round, nodes, req/s, lock-wait samples
# Usage: bench/two-nodes.sh      (about 5 minutes; BUILD=0 uses target/draagvlak.jar as built)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15}     # seconds of each measured round
WARMUP=${WARMUP:-60}         # seconds of warm-up of both nodes (one core each: the JIT needs ~50 s)
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-8}
BUILD=${BUILD:-1}
RESULTS=${RESULTS:-target/bench-results/two-nodes-$(date -u +%Y%m%dT%H%M%SZ)}
BODY_FILE=$PWD/src/bench/resources/bench-requests/typical.json
export BODY_FILE
source bench/bench-user.sh
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
[ "$BUILD" = 1 ] && ./mvnw -q -DskipTests package

SCHEMA=${REUSE_SCHEMA:-draagvlak_two_nodes_$$}   # REUSE_SCHEMA: nodes already running on it (ports 18181, 18182)
PIDS=()
TMP=$(mktemp -d /tmp/draagvlak-two-nodes-XXXXXX)
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT
[ -n "${REUSE_SCHEMA:-}" ] || psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $SCHEMA"
URL="jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=$SCHEMA"

start_node() { # core port
  mkdir -p "$TMP/node$1"
  (cd "$TMP/node$1" && exec taskset -c "$1" java -Xmx512m -jar "$OLDPWD/target/draagvlak.jar" \
    --spring.profiles.active=postgres --spring.datasource.url="$URL" --server.port="$2" \
    --draagvlak.rules.dir="$OLDPWD/rules" --draagvlak.rules.cases-dir="$OLDPWD/test-cases" \
    "${BENCH_USER_ARGS[@]}" >"$RESULTS/node$1.log" 2>&1) &
  PIDS+=($!)
}
await_node() { # port
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/actuator/health/readiness")" = 200 ] && return 0
    sleep 1
  done
  echo "node on port $1 did not start" >&2; exit 1
}
if [ -z "${REUSE_SCHEMA:-}" ]; then
  start_node 0 18181
  await_node 18181            # the first node migrates the schema and activates the rules
  start_node 1 18182
  await_node 18182
fi

wrk_on() { # port seconds out
  wrk -t1 -c"$CONNECTIONS" -d"$2"s -s bench/post-decision.lua "http://127.0.0.1:$1/api/v1/decisions" >"$3"
}
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
lock_waits() { # seconds out: samples every 0.2 s of sessions waiting on a lock
  end=$((SECONDS + $1)); : >"$2"
  while [ $SECONDS -lt $end ]; do
    psql -At -h 127.0.0.1 -U postgres -d test -c "SELECT count(*) FILTER (WHERE wait_event_type = 'Lock'),
      count(*) FILTER (WHERE state = 'active') FROM pg_stat_activity WHERE query NOT LIKE '%pg_stat_activity%'" >>"$2"
    sleep 0.2
  done
}
echo "warm-up: ${WARMUP} s on both nodes"
wrk_on 18181 "$WARMUP" /dev/null & w1=$!; wrk_on 18182 "$WARMUP" /dev/null; wait $w1

printf 'round\tnodes\treq_per_s\tnode1\tnode2\tlock_wait_fraction\n' >"$RESULTS/summary.tsv"
for round in $(seq 1 "$ROUNDS"); do
  wrk_on 18181 "$DURATION" "$RESULTS/r$round-one.txt" & w1=$!
  lock_waits "$DURATION" "$RESULTS/r$round-one.locks"; wait $w1
  one=$(rps "$RESULTS/r$round-one.txt")
  wrk_on 18181 "$DURATION" "$RESULTS/r$round-two-1.txt" & w1=$!
  wrk_on 18182 "$DURATION" "$RESULTS/r$round-two-2.txt" & w2=$!
  lock_waits "$DURATION" "$RESULTS/r$round-two.locks"; wait $w1 $w2
  a=$(rps "$RESULTS/r$round-two-1.txt"); b=$(rps "$RESULTS/r$round-two-2.txt")
  waits1=$(awk -F'|' '{n++; if ($1 > 0) w++} END {printf "%.2f", w / n}' "$RESULTS/r$round-one.locks")
  waits2=$(awk -F'|' '{n++; if ($1 > 0) w++} END {printf "%.2f", w / n}' "$RESULTS/r$round-two.locks")
  printf '%s\t1\t%s\t%s\t-\t%s\n' "$round" "$one" "$one" "$waits1" >>"$RESULTS/summary.tsv"
  printf '%s\t2\t%s\t%s\t%s\t%s\n' "$round" "$(echo "$a + $b" | bc)" "$a" "$b" "$waits2" >>"$RESULTS/summary.tsv"
done
column -t "$RESULTS/summary.tsv"
echo "records in the one chain: $(psql -At -h 127.0.0.1 -U postgres -d test -c "SELECT count(*), max(seq) FROM $SCHEMA.audit_record")"
echo "results in $RESULTS"
