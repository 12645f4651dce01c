#!/usr/bin/env bash
# Issue 12 in one run (docs/benchmarks.md, "Issue 12: the rerun on the final code"): every target's
# benchmark, one after another, on the jars built once at the start, each writing its own folder
# under $RESULTS, and their summaries gathered in $RESULTS/summary.txt. Run it on a quiet machine:
# nothing else should use the cores while it runs (about 45 minutes on 2 cores).
#   target 1, 3 (ratios, p99), 5 (two cores): bench/peer.sh, peer / not stored / H2 / PostgreSQL, unpinned
#   target 5 (one core):                     bench/warmup.sh, CORES=1
#   target 4:                                bench/startup.sh, bare / fresh / warm / CDS variants
#   target 2:                                FromCost, InterleavedRatios, JMH EngineBenchmark (typical)
#   target 3 (the writer's hashing):         ChainHashCost
#   target 6 (linear in stakeholders, rules): JMH ScaleBenchmark, shortened iterations
# Audit queries at 10^6 records (target 6) take their own hour and 10-30 GB of disk:
# bench/audit-scale.sh postgres 1000000 and bench/audit-scale.sh h2 1000000, run apart from this.
#
# Usage: bench/issue12.sh        ONLY="peer startup" bench/issue12.sh   (a subset, same names as below)
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS=${RESULTS:-target/bench-results/issue12-$(date -u +%Y%m%dT%H%M%SZ)}
ONLY=${ONLY:-"peer warmup startup engine chainhash scale"}
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
SUMMARY=$RESULTS/summary.txt
wants() { [[ " $ONLY " == *" $1 "* ]]; }
stage() { echo; echo "===== $* ($(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$SUMMARY"; }

stage "build"
./mvnw -q -Dmaven.test.skip=true package
./mvnw -q -Pbench -Dmaven.test.skip=true package
JAR=target/bench/benchmarks.jar
{
  echo "# issue 12 rerun, commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)')"
  echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n 1)"
} >>"$SUMMARY"

if wants peer; then
  stage "targets 1, 3, 5 (two cores): bench/peer.sh"
  SERVICES="peer nostore h2 postgres" PIN=0 ROUNDS=${ROUNDS:-3} DURATION=${DURATION:-10} WARMUP=60 WARMUP_MAX=300 \
      BUILD=0 RESULTS="$RESULTS/peer" bench/peer.sh >"$RESULTS/peer.txt" 2>&1
  sed -n '/^# peer benchmark/,$p' "$RESULTS/peer/summary.txt" >>"$SUMMARY"
fi

if wants warmup; then
  stage "target 5 (one core): bench/warmup.sh"
  CORES=1 WARMUP=60 WARMUP_MAX=420 DURATION=10 BUILD=0 RESULTS="$RESULTS/warmup" bench/warmup.sh \
      >"$RESULTS/warmup.txt" 2>&1
  tail -n 4 "$RESULTS/warmup.txt" >>"$SUMMARY"
  column -t -s $'\t' "$RESULTS/warmup/warmup.tsv" >>"$SUMMARY"
fi

if wants startup; then
  stage "target 4: bench/startup.sh"
  RUNS=${STARTUP_RUNS:-3} BUILD=0 VARIANTS="bare fresh warm cds-fresh cds-warm cds-bare" \
      RESULTS="$RESULTS/startup" bench/startup.sh >"$RESULTS/startup.txt" 2>&1
  cat "$RESULTS/startup/summary.txt" >>"$SUMMARY"
fi

if wants engine; then
  stage "target 2: FromCost (what from and the three-valued checks cost)"
  java -cp "$JAR" nl.draagvlak.engine.FromCost 20 40 200 typical 2>&1 | grep -v -E ' INFO org\.(drools|kie)\.' \
      >"$RESULTS/fromcost.txt"
  sed -n '/^# from-cost/,$p' "$RESULTS/fromcost.txt" >>"$SUMMARY"
  stage "target 2: InterleavedRatios (engine against the bare session, same KieBase)"
  java -cp "$JAR" nl.draagvlak.engine.InterleavedRatios 30 40 200 2>&1 | grep -v -E ' INFO org\.(drools|kie)\.' \
      >"$RESULTS/interleaved.txt"
  sed -n '/^# interleaved/,$p' "$RESULTS/interleaved.txt" >>"$SUMMARY"
  stage "target 2: JMH EngineBenchmark, typical request, with allocation"
  BUILD=0 RESULTS="$RESULTS/jmh-engine" bench/jmh.sh EngineBenchmark -p request=typical >"$RESULTS/jmh-engine.txt" 2>&1
  cat "$RESULTS/jmh-engine/jmh.md" >>"$SUMMARY"
fi

if wants chainhash; then
  stage "target 3: ChainHashCost (the writer's hashing per record)"
  java -cp "$JAR" nl.draagvlak.audit.ChainHashCost 15 40 200 >"$RESULTS/chainhash.txt" 2>&1
  sed -n '/^# chain hash cost/,$p' "$RESULTS/chainhash.txt" >>"$SUMMARY"
fi

if wants scale; then
  stage "target 6: JMH ScaleBenchmark (stakeholders, rules), 3 warm-up and 3 measured iterations of 1 s"
  BUILD=0 RESULTS="$RESULTS/jmh-scale" bench/jmh.sh ScaleBenchmark -wi 3 -i 3 -w 1s -r 1s >"$RESULTS/jmh-scale.txt" 2>&1
  cat "$RESULTS/jmh-scale/jmh.md" >>"$SUMMARY"
fi

stage "done"
echo "results: $RESULTS"
