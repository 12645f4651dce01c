#!/usr/bin/env bash
# Profiles (docs/benchmarks.md, "What dominates"): CPU samples recorded with JDK Flight Recorder
# (bench/cpu-sampling.jfc: execution samples every 2 ms, stacks 256 deep) and summarised by
# nl.draagvlak.bench.tools.JfrTop (top frames, their packages, and the share of samples inside
# each stage of a decision: the same counts as `jfr print --events jdk.ExecutionSample`).
#   1. the engine: JMH's JFR profiler on the typical request, for the engine with the trace
#      and the bare stateless session (measurement iterations only)
#   2. the service: bench/load.sh with PROFILE=1, a recording of each saturation phase
# Writes $RESULTS/engine-*.txt and $RESULTS/load/<config>.jfr.txt. About 8 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-1}
RESULTS=${RESULTS:-target/bench-results/profile-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
if [ "$BUILD" = 1 ] || [ ! -f target/bench/benchmarks.jar ]; then
  ./mvnw -q -Pbench -DskipTests package
fi

for benchmark in engineTraceOn droolsStatelessWithVerdict; do
  java -jar target/bench/benchmarks.jar "EngineBenchmark.$benchmark\$" -p request=typical -bm avgt \
      -prof "jfr:dir=$RESULTS/jfr;configName=$PWD/bench/cpu-sampling.jfc;stackDepth=256" \
      >"$RESULTS/engine-$benchmark.jmh.txt" 2>&1
  java -cp target/bench/benchmarks.jar nl.draagvlak.bench.tools.JfrTop \
      "$(find "$RESULTS/jfr" -path "*$benchmark-AverageTime*" -name '*.jfr' | head -n 1)" 25 \
      | tee "$RESULTS/engine-$benchmark.txt"
done

BUILD=0 PROFILE=1 WARMUP=${WARMUP:-40} DURATION=${DURATION:-15} RESULTS="$RESULTS/load" bench/load.sh
for config in noop nostore h2 postgres; do
  [ -f "$RESULTS/load/$config.jfr.txt" ] && cat "$RESULTS/load/$config.jfr.txt"
done
echo "results: $RESULTS"
