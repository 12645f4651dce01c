# Sourced by the bench scripts: the user the benchmarks sign in as (HTTP Basic), configured the way
# production configures one, with a bcrypt hash, so that a run pays what a real caller pays.
# The password is not a secret: it exists only for benchmarks on 127.0.0.1.
BENCH_CREDENTIALS="bench:bench-secret"
BENCH_USER_ARGS=(
  '--draagvlak.security.users.bench.password={bcrypt}$2a$10$xEiWaGSm.BEkjIaMpyau9eJHqMds1cdDHTEx3CTf.5VxmQ7VwDckS'
  --draagvlak.security.users.bench.roles=decide
)
AUTHORIZATION="Basic $(printf '%s' "$BENCH_CREDENTIALS" | base64 -w0)"
export AUTHORIZATION
