#!/usr/bin/env bash
# Engine and scale benchmarks (JMH, docs/benchmarks.md): builds target/bench/benchmarks.jar, runs the
# benchmarks with the GC profiler (bytes allocated per decision) and writes
#   $RESULTS/jmh.json  JMH's results      $RESULTS/jmh.txt  its log
#   $RESULTS/jmh.md    the tables of docs/benchmarks.md (bench/jmh-report.py)
# The benchmarks' own annotations set 1 fork, 5 warm-up and 5 measured iterations of 2 s
# (about 13 minutes for everything on 2 cores). Arguments replace the default selection and
# options, e.g. bench/jmh.sh EngineBenchmark -p request=typical
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-1}
RESULTS=${RESULTS:-target/bench-results/jmh-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$RESULTS"
if [ "$BUILD" = 1 ] || [ ! -f target/bench/benchmarks.jar ]; then
  ./mvnw -q -Pbench -DskipTests package
fi
if [ $# -eq 0 ]; then set -- EngineBenchmark ScaleBenchmark; fi
{
  echo "# JMH run $(date -u +%Y-%m-%dT%H:%M:%SZ): $*"
  echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n 1)"
  echo "# before: load average $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$RESULTS/about.txt"
java -jar target/bench/benchmarks.jar "$@" -prof gc -rf json -rff "$RESULTS/jmh.json" 2>&1 \
  | grep --line-buffered -v -E ' INFO org\.(drools|kie)\.' | tee "$RESULTS/jmh.txt"
echo "# after: load average $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS/about.txt"
python3 bench/jmh-report.py "$RESULTS/jmh.json" >"$RESULTS/jmh.md"
cat "$RESULTS/jmh.md"
echo "results: $RESULTS"
