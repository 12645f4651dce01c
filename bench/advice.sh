#!/usr/bin/env bash
# Remedies and questions (docs/benchmarks.md, "Remedies and questions"): time and engine runs per
# request, printed as a Markdown table. Options: -Dwarm-up=5 -Dmeasured=9 -Dtime-limit=0.5 (seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-1}
if [ "$BUILD" = 1 ] || [ ! -f target/bench/benchmarks.jar ]; then
  ./mvnw -q -Pbench -DskipTests package
fi
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java "$@" -cp target/bench/benchmarks.jar nl.draagvlak.advice.AdviceBenchmark 2>&1 | grep -v -E ' INFO org\.(drools|kie)\.'
