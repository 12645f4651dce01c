#!/usr/bin/env bash
# CI smoke run of every benchmark (docs/benchmarks.md): each runs for a second or two so that none
# of them rots. It asserts nothing about time; it fails only when a benchmark or script breaks
# (a build error, the plain-Java floor disagreeing with the engine, a request failing, a script
# error). Takes about two minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
START=$(date +%s)
RESULTS=${RESULTS:-target/bench-results/smoke}
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
step() { echo "== smoke [$(( $(date +%s) - START )) s]: $*"; }

step "build the service jar and target/bench/benchmarks.jar"
./mvnw -q -Dmaven.test.skip=true package
./mvnw -q -Pbench -Dmaven.test.skip=true package

step "plain-Java floor against the engine: bench requests and every scenario under test-cases/"
java -cp target/bench/benchmarks.jar nl.draagvlak.engine.PlainJavaSelfTest 2>&1 | grep -v -E ' INFO org\.(drools|kie)\.'

step "JMH, every benchmark once, in-process (-f 0), one 300 ms iteration"
java -jar target/bench/benchmarks.jar EngineBenchmark -f 0 -wi 0 -i 1 -r 300ms -bm avgt -prof gc \
    -rf json -rff "$RESULTS/engine.json" >"$RESULTS/engine.txt" 2>&1 || { tail -n 40 "$RESULTS/engine.txt"; exit 1; }
java -jar target/bench/benchmarks.jar ScaleBenchmark -f 0 -wi 0 -i 1 -r 300ms \
    -rf json -rff "$RESULTS/scale.json" >"$RESULTS/scale.txt" 2>&1 || { tail -n 40 "$RESULTS/scale.txt"; exit 1; }
python3 bench/jmh-report.py "$RESULTS/engine.json" "$RESULTS/scale.json" >"$RESULTS/jmh.md"
expected=$(( 3 * 5 + 3 + 2 + 2 ))
got=$(python3 -c 'import json,sys; print(sum(len(json.load(open(f))) for f in sys.argv[1:]))' \
    "$RESULTS/engine.json" "$RESULTS/scale.json")
[ "$got" -eq "$expected" ] || { echo "JMH ran $got benchmarks, expected $expected"; exit 1; }

step "interleaved ratios: 1 s warm-up, 2 rounds of 50 ms blocks"
java -cp target/bench/benchmarks.jar nl.draagvlak.engine.InterleavedRatios 1 2 50 >"$RESULTS/interleaved.txt" 2>&1 \
    || { tail -n 40 "$RESULTS/interleaved.txt"; exit 1; }

step "from-cost: the catalogue as written, without from, and two-valued (they must agree), 1 s warm-up, 2 rounds"
java -cp target/bench/benchmarks.jar nl.draagvlak.engine.FromCost 1 2 50 >"$RESULTS/fromcost.txt" 2>&1 \
    || { tail -n 20 "$RESULTS/fromcost.txt"; exit 1; }

step "audit chain hashing on the writer, before and after the requester encodes: 1 s warm-up, 2 rounds"
java -cp target/bench/benchmarks.jar nl.draagvlak.audit.ChainHashCost 1 2 50 >"$RESULTS/chainhash.txt" 2>&1 \
    || { tail -n 20 "$RESULTS/chainhash.txt"; exit 1; }

step "load: every configuration, 1 s warm-up, 2 s phases, unpinned"
PIN=0 BUILD=0 DURATION=2 WARMUP=1 RESULTS="$RESULTS/load" bench/load.sh >"$RESULTS/load.txt" 2>&1 \
    || { tail -n 40 "$RESULTS/load.txt"; exit 1; }
tail -n 6 "$RESULTS/load.txt"
awk -F'\t' 'NR > 1 && ($2 == 0 || $5 != 0 || $9 != 0) { print "load: " $1 " failed requests or served none"; bad = 1 }
  END { exit bad }' "$RESULTS/load/summary.tsv"
[ "$(wc -l <"$RESULTS/load/summary.tsv")" -eq 5 ] || { echo "load: expected 4 configurations"; exit 1; }

step "peer: the service a team would write against Draagvlak (not stored, H2), Basic and JWT, one 2 s round"
ROUNDS=1 DURATION=2 WARMUP=1 PIN=0 BUILD=0 RESULTS="$RESULTS/peer" bench/peer.sh >"$RESULTS/peer.txt" 2>&1 \
    || { tail -n 40 "$RESULTS/peer.txt"; exit 1; }
[ "$(wc -l <"$RESULTS/peer/rounds.tsv")" -eq 7 ] || { echo "peer: expected 3 services x 2 sign-ins"; exit 1; }
awk -F'\t' 'NR > 1 && $4 == 0 { print "peer: " $2 " with " $3 " served nothing"; bad = 1 } END { exit bad }' \
    "$RESULTS/peer/rounds.tsv"
tail -n 10 "$RESULTS/peer.txt"

step "auth: signed in against not, one 2 s round each, unpinned"
ROUNDS=1 DURATION=2 WARMUP=1 PIN=0 BUILD=0 RESULTS="$RESULTS/auth" bench/auth.sh >"$RESULTS/auth.txt" 2>&1 \
    || { tail -n 40 "$RESULTS/auth.txt"; exit 1; }
tail -n 3 "$RESULTS/auth.txt"

step "start-up, one run each of the bare application, a first start and a first start with class-data sharing"
# The other variants (warm cache, lazy, extracted) take the same code paths; the full run has them.
RUNS=1 BUILD=0 VARIANTS="bare fresh cds-fresh" RESULTS="$RESULTS/startup" bench/startup.sh \
    >"$RESULTS/startup.txt" 2>&1 || { tail -n 40 "$RESULTS/startup.txt"; exit 1; }
tail -n 10 "$RESULTS/startup.txt"

step "warm-up to 90 % of steady state, one core and two, 1 s windows"
CORES="1 2" WARMUP=1 WARMUP_MAX=1 DURATION=1 BUILD=0 RESULTS="$RESULTS/warmup" bench/warmup.sh >"$RESULTS/warmup.txt" 2>&1 \
    || { tail -n 40 "$RESULTS/warmup.txt"; exit 1; }
tail -n 3 "$RESULTS/warmup.txt"

step "remedies and questions: one measured run of each request, 200 ms search limit"
BUILD=0 bench/advice.sh -Dwarm-up=0 -Dmeasured=1 -Dtime-limit=0.2 >"$RESULTS/advice.txt" 2>&1 \
    || { tail -n 40 "$RESULTS/advice.txt"; exit 1; }
tail -n 8 "$RESULTS/advice.txt"

step "plot"
bench/plot.sh "$RESULTS/load" >/dev/null

step "done: $RESULTS"
echo "bench smoke: every benchmark ran (times are not checked)"
