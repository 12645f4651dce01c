# Sourced by the bench scripts that sign in with a bearer token too (bench/peer.sh): a throw-away
# RSA key pair made with openssl, a token for the bench caller signed with it (RS256, role decide,
# valid for a day), and the service arguments that make the service trust that key. The key exists
# only for benchmarks on 127.0.0.1 and lives in BENCH_JWT_DIR (default: a fresh temporary folder).
BENCH_JWT_DIR=${BENCH_JWT_DIR:-$(mktemp -d /tmp/draagvlak-jwt-XXXXXX)}
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$BENCH_JWT_DIR/private.pem" 2>/dev/null
openssl pkey -in "$BENCH_JWT_DIR/private.pem" -pubout -out "$BENCH_JWT_DIR/public.pem"
bench_b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
bench_jwt_now=$(date +%s)
bench_jwt_signing_input="$(printf '%s' '{"alg":"RS256","typ":"JWT"}' | bench_b64url).$(printf \
  '{"sub":"bench-jwt","roles":["decide"],"iat":%s,"exp":%s}' "$bench_jwt_now" $(( bench_jwt_now + 86400 )) | bench_b64url)"
BENCH_JWT="$bench_jwt_signing_input.$(printf '%s' "$bench_jwt_signing_input" \
  | openssl dgst -sha256 -sign "$BENCH_JWT_DIR/private.pem" -binary | bench_b64url)"
BENCH_JWT_ARGS=(--spring.security.oauth2.resourceserver.jwt.public-key-location="file:$BENCH_JWT_DIR/public.pem")
BEARER_AUTHORIZATION="Bearer $BENCH_JWT"
