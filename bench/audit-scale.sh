#!/usr/bin/env bash
# The audit store's scale benchmark (docs/audit-scale.md). Not part of CI.
#
#   bench/audit-scale.sh h2|postgres [SIZES] [OPTIONS]
#
# SIZES is a comma-separated list (default 10000,100000,1000000; 1e6 style works too). Each size
# gets a fresh store: an H2 file under /tmp/draagvlak-auditbench, or a fresh schema in the
# PostgreSQL database `test` on 127.0.0.1:5432 (user postgres), dropped at the end. OPTIONS:
# --reps=N --verify-reps=N --h2-dir=DIR --pg-url=JDBC_URL --keep (see AuditScaleBenchmark).
# The build (Maven profile bench) is skipped when SKIP_BUILD=1; JVM options come from
# AUDITBENCH_JAVA_OPTS (default -Xmx2g). 10^6 records take about 15 GB of disk while they exist.
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:?usage: bench/audit-scale.sh h2|postgres [SIZES] [OPTIONS]}
shift
sizes=10000,100000,1000000
if [ $# -gt 0 ] && [[ $1 != --* ]]; then
  sizes=$1
  shift
fi
if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -B -Pbench -DskipTests package
fi
# shellcheck disable=SC2086
exec java ${AUDITBENCH_JAVA_OPTS:--Xmx2g} -cp target/bench/benchmarks.jar \
  nl.draagvlak.audit.AuditScaleBenchmark "$store" "$sizes" "$@"
