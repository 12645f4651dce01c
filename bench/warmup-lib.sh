# Sourced by the load scripts (bench/load.sh, bench/peer.sh, bench/warmup.sh): a warm-up that
# checks it has converged before anything is measured, instead of trusting a fixed duration.
#
#   warm_up NAME URL T0_MS WRK_ARGS...
#
# runs wrk (closed model, the caller's arguments) in windows of WARMUP_WINDOW seconds and stops
# once the last WARMUP_STABLE windows are within WARMUP_TOLERANCE of each other (max/min - 1), their
# mean is within WARMUP_TOLERANCE of the mean of the WARMUP_STABLE windows before them (no drift:
# on one core the JIT keeps a service climbing slowly for minutes, in steps small enough for three
# windows to look flat), and at least WARMUP seconds have passed; if that has not happened after WARMUP_MAX seconds it stops
# anyway and says so. T0_MS is when the service process was started (epoch ms), so that every
# window is also placed in time since the start. Writes $RESULTS/NAME.warmup.tsv
# (window, seconds since the process started at the window's end, req/s) and sets
#   WARMUP_CONVERGED  1 or 0
#   WARMUP_SECONDS    how long the warm-up ran
#   WARMUP_NOTE       one line for the output and the summary
# time_to_fraction NAME STEADY_RPS [FRACTION] then prints the seconds from the process start to the
# end of the first warm-up window whose throughput reached FRACTION (default 0.9) of STEADY_RPS,
# or "not-reached"; the resolution is one window.
#
# Needs LOAD_CPU (array, may be empty) and RESULTS. WARMUP=1 (the smoke runs) makes one 1-s window.

WARMUP=${WARMUP:-60}                    # minimum seconds of warm-up
WARMUP_WINDOW=${WARMUP_WINDOW:-5}       # seconds per window
if [ "$WARMUP" -lt "$WARMUP_WINDOW" ]; then WARMUP_WINDOW=$(( WARMUP > 0 ? WARMUP : 1 )); fi
WARMUP_MAX=${WARMUP_MAX:-$(( WARMUP >= 60 ? 3 * WARMUP : WARMUP ))}   # the bound on the warm-up
WARMUP_STABLE=${WARMUP_STABLE:-3}       # how many successive windows must agree
WARMUP_TOLERANCE=${WARMUP_TOLERANCE:-0.05}

warm_up() { # name url t0_ms wrk-args...
  local name=$1 url=$2 t0=$3; shift 3
  local tsv="$RESULTS/$name.warmup.tsv" window=0 started now rps spread drift
  printf 'window\tsince_start_s\trps\n' >"$tsv"
  started=$(date +%s)
  WARMUP_CONVERGED=0
  while :; do
    window=$(( window + 1 ))
    "${LOAD_CPU[@]}" wrk "$@" -d"${WARMUP_WINDOW}s" "$url" >"$RESULTS/$name.warmup-$window.txt"
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$RESULTS/$name.warmup-$window.txt")
    now=$(date +%s%3N)
    printf '%s\t%s\t%s\n' "$window" "$(awk -v a="$now" -v b="$t0" 'BEGIN { printf "%.1f", (a - b) / 1000 }')" \
      "${rps:-0}" >>"$tsv"
    WARMUP_SECONDS=$(( $(date +%s) - started ))
    spread=$(awk -F'\t' -v k="$WARMUP_STABLE" 'NR > 1 { r[++n] = $3 }
      END { if (n < k) { print "-"; exit } min = r[n]; max = r[n]
            for (i = n - k + 1; i <= n; i++) { if (r[i] < min) min = r[i]; if (r[i] > max) max = r[i] }
            if (min <= 0) { print "inf"; exit } printf "%.3f", max / min - 1 }' "$tsv")
    drift=$(window_drift "$tsv")
    if [ "$spread" != "-" ] && [ "$spread" != inf ] && [ "$WARMUP_SECONDS" -ge "$WARMUP" ] \
        && awk -v s="$spread" -v d="$drift" -v t="$WARMUP_TOLERANCE" \
            'BEGIN { exit !(s <= t && (d == "-" || (d + 0 <= t && d + 0 >= -t))) }'; then
      WARMUP_CONVERGED=1
      WARMUP_NOTE="warm-up converged after ${WARMUP_SECONDS}s: the last $WARMUP_STABLE windows of ${WARMUP_WINDOW}s within $(awk -v s="$spread" 'BEGIN { printf "%.1f", s * 100 }') %, their mean $(awk -v d="$drift" 'BEGIN { if (d == "-") print "(no earlier windows)"; else printf "%+.1f %%", d * 100 }') against the $WARMUP_STABLE before ($(last_windows "$tsv") req/s)"
      break
    fi
    if [ "$WARMUP_SECONDS" -ge "$WARMUP_MAX" ]; then
      WARMUP_NOTE="warm-up NOT converged within ${WARMUP_SECONDS}s (bound ${WARMUP_MAX}s): the last windows $(last_windows "$tsv") req/s spread ${spread}, drift ${drift} (tolerance $WARMUP_TOLERANCE); the figures below may be of a service still warming up"
      break
    fi
  done
  echo "   $name: $WARMUP_NOTE"
}

window_drift() { # tsv -> mean of the last WARMUP_STABLE windows / mean of the WARMUP_STABLE before - 1, or "-"
  # "-" only in the smoke runs, whose warm-up is too short to have earlier windows; a real warm-up
  # (WARMUP >= 6 windows) always has them before it may converge.
  awk -F'\t' -v k="$WARMUP_STABLE" 'NR > 1 { r[++n] = $3 }
    END { if (n < 2 * k) { print "-"; exit } a = 0; b = 0
          for (i = n - k + 1; i <= n; i++) a += r[i]
          for (i = n - 2 * k + 1; i <= n - k; i++) b += r[i]
          if (b <= 0) { print "inf"; exit } printf "%.3f", a / b - 1 }' "$1"
}

last_windows() { # tsv -> the throughputs of the last WARMUP_STABLE windows, space-separated
  awk -F'\t' 'NR > 1 { print $3 }' "$1" | tail -n "$WARMUP_STABLE" | paste -sd' '
}

time_to_fraction() { # name steady-rps [fraction]
  awk -F'\t' -v s="$2" -v f="${3:-0.9}" 'NR > 1 && $3 >= f * s { print $2; found = 1; exit }
    END { if (!found) print "not-reached" }' "$RESULTS/$1.warmup.tsv"
}
