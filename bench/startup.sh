#!/usr/bin/env bash
# Start-up benchmark (docs/benchmarks.md, issue 12 target 4): process start to first answer, for the
# service and for a bare Spring Boot web application with one endpoint (bench.bare.BareApplication),
# in the same run on the same JVM, the variants alternating run by run so that all see the same
# machine. Every service start has a fresh data folder (the embedded store is created and migrated,
# as at a first start) and, unless the variant says otherwise, an empty compiled-ruleset cache.
# Variants (VARIANTS, default "bare fresh warm"):
#   bare        the bare application: a jar of its own and only the web starter's jars, POST /bare
#   fresh       java -jar target/draagvlak.jar, no compiled-ruleset cache: a first start
#   warm        the same with a warm compiled-ruleset cache (copied in from a seed run)
#   extracted   the jar extracted (java -Djarmode=tools -jar draagvlak.jar extract), fresh
#   cds-fresh   extracted, with a class-data-sharing archive of a training run (-XX:SharedArchiveFile)
#   cds-warm    the same with a warm cache
#   cds-bare    the bare application with a CDS archive of its own
#   lazy        fresh, with spring.main.lazy-initialization=true
# Broken down from the log: jvm = process start -> "Starting"; context = "Starting" -> "Started";
# first = "Started" -> the first 2xx (polled every 20 ms); migration = Hikari starting -> Flyway's
# "Successfully applied"; rules = process start -> "Ruleset ... active" (the compile runs in the
# background from the moment the configuration is known). Writes $RESULTS/startup.tsv and
# $RESULTS/summary.txt (medians, and the median of each run's ratio to bare).
#
# Usage: bench/startup.sh                 VARIANTS="bare fresh warm extracted cds-fresh cds-warm cds-bare lazy" bench/startup.sh
#        RUNS=1 BUILD=0 bench/startup.sh  (smoke)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
PORT=${PORT:-18090}
PIN=${PIN:-0}
BUILD=${BUILD:-1}
VARIANTS=${VARIANTS:-"bare fresh warm"}
RESULTS=${RESULTS:-target/bench-results/startup-$(date -u +%Y%m%dT%H%M%SZ)}
BODY_FILE=src/bench/resources/bench-requests/typical.json
source bench/bench-user.sh   # the first decision signs in as the bench user

mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
if [ "$BUILD" = 1 ] || [ ! -f target/draagvlak.jar ]; then
  ./mvnw -q -Dmaven.test.skip=true package
fi
if [[ " $VARIANTS " == *bare* ]] && { [ "$BUILD" = 1 ] || [ ! -f target/bench/classes/bench/bare/BareApplication.class ]; }; then
  ./mvnw -q -Pbench -Dmaven.test.skip=true package
fi
SERVICE_JAR=$PWD/target/draagvlak.jar
CPU=()
if [ "$PIN" = 1 ] && command -v taskset >/dev/null 2>&1; then CPU=(taskset -c 0); fi

TMP_DATA=$(mktemp -d /tmp/draagvlak-startup-XXXXXX)
SERVICE_PID=""
cleanup() {
  if [ -n "$SERVICE_PID" ]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; fi
  rm -rf "$TMP_DATA"
}
trap cleanup EXIT

# --- the bare application's classpath: its own jar and the jars of spring-boot-starter-webmvc only
bare_classpath() { # exactly what a project with the one starter resolves (a throw-away pom, same parent)
  mkdir -p "$TMP_DATA/bare"
  cat >"$TMP_DATA/bare/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
    <version>$(sed -n '/<parent>/,/<\/parent>/s/.*<version>\(.*\)<\/version>.*/\1/p' pom.xml)</version><relativePath/></parent>
  <groupId>bench</groupId><artifactId>bare</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-webmvc</artifactId></dependency></dependencies>
</project>
POM
  ./mvnw -q -o -f "$TMP_DATA/bare/pom.xml" dependency:build-classpath -Dmdep.outputFile="$TMP_DATA/bare/classpath.txt" >/dev/null 2>&1 \
    || ./mvnw -q -f "$TMP_DATA/bare/pom.xml" dependency:build-classpath -Dmdep.outputFile="$TMP_DATA/bare/classpath.txt" >/dev/null
  (cd target/bench/classes && jar cf "$TMP_DATA/bare/bare.jar" bench/bare bare.properties)
  echo "$TMP_DATA/bare/bare.jar:$(cat "$TMP_DATA/bare/classpath.txt")"
}
if [[ " $VARIANTS " == *bare* ]]; then BARE_CP=$(bare_classpath); fi

# --- one start: prints "total_ms jvm context first migration rules" -------------------------------
h2_url() { echo "jdbc:h2:file:$1/draagvlak;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"; }
ms_of() { # the ISO timestamp that starts the first log line matching $2 in file $1, as epoch ms, or empty
  local stamp
  stamp=$(grep -m1 -E "$2" "$1" | cut -d' ' -f1)
  if [ -n "$stamp" ]; then date -d "$stamp" +%s%3N; fi
}
start_once() { # label variant data-dir [extra java options...] ; training runs pass TRAIN=1
  local label=$1 variant=$2 data=$3; shift 3
  local log="$RESULTS/$label.log" command url auth=() t0 t_first=""
  mkdir -p "$data"
  case $variant in
    bare|cds-bare)
      command=(java "$@" -cp "$BARE_CP" bench.bare.BareApplication --server.address=127.0.0.1 --server.port="$PORT")
      url="http://127.0.0.1:$PORT/bare";;
    *)
      local jar=$SERVICE_JAR
      if [[ $variant == extracted || $variant == cds-* ]]; then jar=$TMP_DATA/extracted/draagvlak.jar; fi
      local extra=()
      if [ "$variant" = lazy ]; then extra=(--spring.main.lazy-initialization=true); fi
      command=(java "$@" -jar "$jar" --server.address=127.0.0.1 --server.port="$PORT" "${BENCH_USER_ARGS[@]}"
          --spring.datasource.url="$(h2_url "$data")" --draagvlak.rules.cache-dir="$data/ruleset-cache"
          --draagvlak.security.credentials-file="$data/credentials.properties" "${extra[@]}")
      url="http://127.0.0.1:$PORT/api/v1/decisions"
      auth=(-u "$BENCH_CREDENTIALS");;
  esac
  t0=$(date +%s%3N)
  "${CPU[@]}" "${command[@]:0:1}" -XX:ErrorFile="$RESULTS/hs_err_%p.log" "${command[@]:1}" >"$log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 15000); do
    if curl -fs -o /dev/null "${auth[@]}" -X POST -H 'Content-Type: application/json' --data-binary "@$BODY_FILE" "$url"; then
      t_first=$(date +%s%3N)
      break
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "$label stopped:" >&2; tail -n 30 "$log" >&2; exit 1; }
    sleep 0.02
  done
  [ -n "$t_first" ] || { echo "$label: no answer within 300 s" >&2; exit 1; }
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""
  local app=DraagvlakApplication
  if [[ $variant == *bare ]]; then app=BareApplication; fi
  local starting started migrate_from migrated active
  starting=$(ms_of "$log" "Starting $app")
  started=$(ms_of "$log" "Started $app")
  migrate_from=$(ms_of "$log" 'HikariPool-1 - Starting')
  migrated=$(ms_of "$log" 'Successfully applied|is up to date')
  active=$(ms_of "$log" 'Ruleset sha256:[0-9a-f]+ active')
  awk -v t0="$t0" -v f="$t_first" -v s="$starting" -v d="$started" -v m0="$migrate_from" -v m1="$migrated" -v a="$active" \
    'function dif(x, y) { return (x == "" || y == "") ? "-" : x - y }
     BEGIN { print f - t0, dif(s, t0), dif(d, s), dif(f, d), dif(m1, m0), dif(a, t0) }'
}

# --- preparation: a warm cache, the extracted jar, the CDS archives (training runs) ---------------
if [[ " $VARIANTS " == *" warm "* || " $VARIANTS " == *" cds-warm "* ]]; then
  echo "== seed run: fills a compiled-ruleset cache for the warm variants"
  start_once seed fresh "$TMP_DATA/seed" >/dev/null
fi
if [[ " $VARIANTS " == *" extracted "* || " $VARIANTS " == *" cds-fresh "* || " $VARIANTS " == *" cds-warm "* ]]; then
  java -Djarmode=tools -jar "$SERVICE_JAR" extract --destination "$TMP_DATA/extracted" >/dev/null
fi
# Class data sharing: a static archive of the classes a first start and a first decision load
# (-XX:DumpLoadedClassList in a training run, then -Xshare:dump). JDK 17's dynamic archive
# (-XX:ArchiveClassesAtExit) crashed here while dumping (SIGSEGV in
# SystemDictionaryShared::adjust_lambda_proxy_class_dictionary), and so did the static dump of a
# class list with its lambda proxies, so the archive holds the classes without them.
cds_archive() { # name variant classpath
  local name=$1 variant=$2 cp=$3
  echo "== training run: the class list of $name (first start, one answer, stop), then the CDS archive"
  start_once "train-$name" "$variant" "$TMP_DATA/train-$name" -XX:DumpLoadedClassList="$TMP_DATA/$name.classlist" >/dev/null
  # Without the lambda proxies: dumping them crashes JDK 17.0.15 here as well (the same SIGSEGV).
  grep -v '^@' "$TMP_DATA/$name.classlist" >"$TMP_DATA/$name.classes"
  java -XX:ErrorFile="$RESULTS/hs_err_%p.log" -Xshare:dump -XX:SharedClassListFile="$TMP_DATA/$name.classes" \
      -XX:SharedArchiveFile="$TMP_DATA/$name.jsa" \
      -cp "$cp" >"$RESULTS/dump-$name.log" 2>&1 || { tail -n 20 "$RESULTS/dump-$name.log"; exit 1; }
  [ -s "$TMP_DATA/$name.jsa" ] || { echo "no CDS archive was written for $name"; exit 1; }
}
if [[ " $VARIANTS " == *" cds-fresh "* || " $VARIANTS " == *" cds-warm "* ]]; then
  cds_archive draagvlak extracted "$TMP_DATA/extracted/draagvlak.jar"
fi
if [[ " $VARIANTS " == *" cds-bare "* ]]; then
  cds_archive bare bare "$BARE_CP"
fi

printf 'run\tvariant\ttotal_ms\tjvm_ms\tcontext_ms\tfirst_ms\tmigration_ms\trules_ready_ms\tload1\n' >"$RESULTS/startup.tsv"
for run in $(seq 1 "$RUNS"); do
  for variant in $VARIANTS; do
    data="$TMP_DATA/run$run-$variant"
    mkdir -p "$data"
    options=()
    case $variant in
      warm|cds-warm) cp -r "$TMP_DATA/seed/ruleset-cache" "$data/ruleset-cache";;
    esac
    case $variant in
      cds-fresh|cds-warm) options=(-XX:SharedArchiveFile="$TMP_DATA/draagvlak.jsa");;
      cds-bare) options=(-XX:SharedArchiveFile="$TMP_DATA/bare.jsa");;
    esac
    start_once "run$run-$variant" "$variant" "$data" "${options[@]}" >"$TMP_DATA/times"
    read -r total jvm context first migration rules <"$TMP_DATA/times"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$variant" "$total" "$jvm" "$context" "$first" "$migration" \
      "$rules" "$(cut -d' ' -f1 /proc/loadavg)" >>"$RESULTS/startup.tsv"
    echo "run $run $variant: ${total} ms to the first answer (jvm $jvm, context $context, first $first, migration $migration, rules ready $rules; load $(cut -d' ' -f1 /proc/loadavg))"
  done
done

summary=$(python3 - "$RESULTS/startup.tsv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
variants = list(dict.fromkeys(r["variant"] for r in rows))
total = {(r["run"], r["variant"]): float(r["total_ms"]) for r in rows}
def median(col, v):
    values = [float(r[col]) for r in rows if r["variant"] == v and r[col] not in ("-", "")]
    return f"{statistics.median(values):.0f}" if values else "-"
print("variant      runs  median ms  jvm  context  first  migration  rules-ready  | median of the runs' ratios")
for v in variants:
    n = sum(1 for r in rows if r["variant"] == v)
    line = f"{v:12} {n:4}  {median('total_ms', v):>9}  {median('jvm_ms', v):>4}  {median('context_ms', v):>7}  {median('first_ms', v):>5}  {median('migration_ms', v):>9}  {median('rules_ready_ms', v):>11}"
    ratios = []
    for base in ("bare", "fresh"):
        if base != v and any(k[1] == base for k in total):
            per_run = [total[(run, v)] / total[(run, base)] for (run, var) in total if var == v and (run, base) in total]
            if per_run:
                ratios.append(f"{statistics.median(per_run):.2f}x {base} ({min(per_run):.2f}-{max(per_run):.2f})")
    print(line + "  | " + ", ".join(ratios))
if any(k[1] == "bare" for k in total):
    for v in ("fresh", "warm"):
        per_run = [total[(run, v)] / total[(run, "bare")] for (run, var) in total if var == v and (run, "bare") in total]
        if per_run:
            m = statistics.median(per_run)
            print(f"target 4, {v}: {m:.2f}x the bare application (target <= 1.5x): {'met' if m <= 1.5 else 'not met'}")
PY
)
{
  echo "# start-up benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ), $RUNS runs of: $VARIANTS; pinned: ${CPU[*]:-no}"
  echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n 1)"
  echo "# load average at the end $(cut -d' ' -f1-3 /proc/loadavg) (each run's is in startup.tsv)"
  echo "$summary"
} | tee "$RESULTS/summary.txt"
echo "results: $RESULTS"
