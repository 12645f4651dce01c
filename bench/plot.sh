#!/usr/bin/env bash
# Plots the latency percentiles of a bench/load.sh run, one line per configuration, from the
# open-model generator's .hgrm files (latency at a fixed arrival rate of half each
# configuration's saturation throughput). Installs gnuplot from Debian's packages if missing.
#
# Usage: bench/plot.sh RESULTS_DIR [OUTPUT.png]     (default RESULTS_DIR/latency-percentiles.png)
set -euo pipefail
cd "$(dirname "$0")/.."

RESULTS=${1:?usage: bench/plot.sh RESULTS_DIR [OUTPUT.png]}
OUT=${2:-$RESULTS/latency-percentiles.png}
if ! command -v gnuplot >/dev/null 2>&1; then
  echo "installing gnuplot from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnuplot-nox >/dev/null
fi

DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
plots=()
for config in noop nostore h2 postgres; do
  hgrm="$RESULTS/$config.hgrm"
  [ -f "$hgrm" ] || continue
  # rows of "value(ms) percentile count 1/(1-percentile)"; the last row (100 %) has no 4th column
  awk 'NF == 4 && $1 ~ /^[0-9.]+$/ && $4 ~ /^[0-9.]+$/ { print $4, $1 }' "$hgrm" >"$DATA/$config.dat"
  rate=$(awk -F'\t' -v c="$config" '$1 == c { print $6 }' "$RESULTS/summary.tsv" 2>/dev/null)
  case $config in
    noop) title="no-op endpoint";;
    nostore) title="decision, not stored";;
    h2) title="decision, embedded H2 store";;
    postgres) title="decision, PostgreSQL store";;
  esac
  plots+=("'$DATA/$config.dat' using 1:2 with lines linewidth 2 title '$title (${rate:-?} req/s)'")
done
[ ${#plots[@]} -gt 0 ] || { echo "no .hgrm files in $RESULTS"; exit 1; }

about=$(sed -n 1p "$RESULTS/about.txt" 2>/dev/null | sed 's/^# //')
{
  echo "set terminal pngcairo size 1000,600 font 'sans,11'"
  echo "set output '$OUT'"
  echo "set title \"Latency by percentile at half of each configuration's saturation rate (open model)\\n{/*0.8 $about}\""
  echo "set logscale x"
  echo "set logscale y"
  echo "set xrange [1:100000]"
  echo "set xtics ('0%%' 1, '50%%' 2, '90%%' 10, '99%%' 100, '99.9%%' 1000, '99.99%%' 10000, '99.999%%' 100000)"
  echo "set xlabel 'percentile'"
  echo "set ylabel 'latency from due time (ms)'"
  echo "set grid xtics ytics mytics"
  echo "set key top left"
  printf 'plot %s\n' "$(IFS=,; echo "${plots[*]}")"
} >"$DATA/plot.gp"
gnuplot "$DATA/plot.gp"
echo "plot: $OUT"
