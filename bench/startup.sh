#!/usr/bin/env bash
# Start-up benchmark (docs/benchmarks.md): process start to first decision served, RUNS times,
# each with a fresh embedded store (so the migration runs, as at a first start), broken down from
# the service's own log:
#   jvm        process start -> Boot logs "Starting DraagvlakApplication" (JVM, jar launcher, logging)
#   migration  bean flywayInitializer created -> Flyway reports the schema migrated (pool + Flyway)
#   compile    bean activeRuleset created -> "Ruleset ... active" (read and compile the rules)
#   context    the rest of "Starting" -> "Started DraagvlakApplication" (Spring, Tomcat, other beans)
#   first      "Started" -> the first POST /api/v1/decisions answered 201 (polled every 20 ms)
# Bean creation is timed by logging DefaultListableBeanFactory at DEBUG (one line per bean).
# Writes $RESULTS/startup.tsv. PIN=1 runs the service on core 0 only (as in bench/load.sh);
# the default gives it both cores.
#
# Usage: bench/startup.sh          RUNS=1 BUILD=0 bench/startup.sh   (smoke)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
PORT=${PORT:-18090}
PIN=${PIN:-0}
BUILD=${BUILD:-1}
RESULTS=${RESULTS:-target/bench-results/startup-$(date -u +%Y%m%dT%H%M%SZ)}
BODY_FILE=src/bench/resources/bench-requests/typical.json
source bench/bench-user.sh   # the first decision signs in as the bench user

mkdir -p "$RESULTS"
if [ "$BUILD" = 1 ] || [ ! -f target/draagvlak.jar ]; then
  ./mvnw -q -DskipTests package
fi
SERVICE_JAR=target/draagvlak.jar
CPU=()
if [ "$PIN" = 1 ] && command -v taskset >/dev/null 2>&1; then CPU=(taskset -c 0); fi

TMP_DATA=$(mktemp -d /tmp/draagvlak-startup-XXXXXX)
SERVICE_PID=""
cleanup() {
  if [ -n "$SERVICE_PID" ]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; fi
  rm -rf "$TMP_DATA"
}
trap cleanup EXIT

ms_of() { # the ISO timestamp that starts the first log line matching $2 in file $1, as epoch ms
  local stamp
  stamp=$(grep -m1 -E "$2" "$1" | cut -d' ' -f1)
  [ -n "$stamp" ] || { echo "no log line matches '$2' in $1" >&2; exit 1; }
  date -d "$stamp" +%s%3N
}

printf 'run\ttotal_ms\tjvm_ms\tcontext_ms\tmigration_ms\tcompile_ms\tfirst_decision_ms\n' >"$RESULTS/startup.tsv"
for run in $(seq 1 "$RUNS"); do
  log="$RESULTS/startup-$run.log"
  t0=$(date +%s%3N)
  "${CPU[@]}" java -jar "$SERVICE_JAR" --server.address=127.0.0.1 --server.port="$PORT" "${BENCH_USER_ARGS[@]}" \
      --spring.datasource.url="jdbc:h2:file:$TMP_DATA/run$run/draagvlak;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0" \
      --logging.level.org.springframework.beans.factory.support.DefaultListableBeanFactory=DEBUG \
      >"$log" 2>&1 &
  SERVICE_PID=$!
  t_first=""
  for _ in $(seq 1 3000); do
    if curl -fs -o /dev/null -u "$BENCH_CREDENTIALS" -X POST -H 'Content-Type: application/json' --data-binary "@$BODY_FILE" \
        "http://127.0.0.1:$PORT/api/v1/decisions"; then
      t_first=$(date +%s%3N)
      break
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "the service stopped:"; tail -n 30 "$log"; exit 1; }
    sleep 0.02
  done
  [ -n "$t_first" ] || { echo "no decision within 60 s"; exit 1; }
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""

  t_starting=$(ms_of "$log" 'Starting DraagvlakApplication')
  t_started=$(ms_of "$log" 'Started DraagvlakApplication')
  t_flyway=$(ms_of "$log" "Creating shared instance of singleton bean 'flywayInitializer'")
  t_migrated=$(ms_of "$log" 'Successfully applied|is up to date')
  t_rules=$(ms_of "$log" "Creating shared instance of singleton bean 'activeRuleset'")
  t_active=$(ms_of "$log" 'Ruleset sha256:[0-9a-f]+ active')
  jvm=$(( t_starting - t0 ))
  migration=$(( t_migrated - t_flyway ))
  compile=$(( t_active - t_rules ))
  context=$(( t_started - t_starting - migration - compile ))
  first=$(( t_first - t_started ))
  total=$(( t_first - t0 ))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$total" "$jvm" "$context" "$migration" "$compile" "$first" \
    >>"$RESULTS/startup.tsv"
  echo "run $run: ${total} ms to the first decision (jvm $jvm, context $context, migration $migration, compile $compile, first $first)"
done
awk -F'\t' 'NR > 1 { for (i = 2; i <= NF; i++) { s[i] += $i } n++ }
  END { printf "mean\t"; for (i = 2; i <= 7; i++) printf "%.0f%s", s[i] / n, (i < 7 ? "\t" : "\n") }' \
  "$RESULTS/startup.tsv" >>"$RESULTS/startup.tsv"
{
  echo "# start-up benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ), $RUNS runs, pinned: ${CPU[*]:-no}"
  echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n 1)"
} >"$RESULTS/about.txt"
column -t -s $'\t' "$RESULTS/startup.tsv" 2>/dev/null || cat "$RESULTS/startup.tsv"
echo "results: $RESULTS"
