#!/usr/bin/env bash
# Builds a runnable OCI image of Draagvlak from Debian's packages alone, with no Docker engine and
# no registry: a Debian base made with debootstrap (JRE: openjdk-17-jre-headless), the service jar
# as a second layer, assembled with umoci; then copies it with skopeo into podman's storage, starts
# it with podman (when this machine allows containers) and sends it one decision with curl.
#
# Takes minutes (debootstrap downloads about 100 MB); it is not part of CI. Run as root:
#   deploy/build-image.sh            # everything
#   SKIP_RUN=1 deploy/build-image.sh # build the image only
#   START_ONLY=1 deploy/build-image.sh # start the image built before (steps 5 and 6)
# Output: target/image/oci (OCI layout, tag draagvlak:dev) and target/image/draagvlak-oci.tar.
# Every step prints "== step N: ..." so a failure names where it happened.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${WORK:-$ROOT/target/image}
SUITE=${SUITE:-bookworm}
# The Debian mirror this machine's apt uses, unless MIRROR names another.
MIRROR=${MIRROR:-$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)}
MIRROR=${MIRROR:-$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)}
[[ -n $MIRROR ]] || { echo "no Debian mirror found in apt's sources: set MIRROR" >&2; exit 1; }
TAG=draagvlak:dev
APP_UID=10001
OCI=$WORK/oci
PORT=${PORT:-18080}

step() { echo "== step $1: $2 ($(date -u +%H:%M:%S))"; }

step 1 "install the tools from Debian's packages"
need=()
for tool in debootstrap:debootstrap umoci:umoci skopeo:skopeo podman:podman buildah:buildah runc:runc; do
  command -v "${tool%%:*}" >/dev/null || need+=("${tool##*:}")
done
if ((${#need[@]})); then
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq "${need[@]}" uidmap slirp4netns fuse-overlayfs >/dev/null
fi
for t in debootstrap umoci skopeo podman buildah runc; do printf '%s: %s\n' "$t" "$("$t" --version 2>&1 | head -1)"; done

if [[ -z ${START_ONLY:-} ]]; then
step 2 "build the service jar"
[[ -f target/draagvlak.jar ]] || ./mvnw -q -DskipTests package
ls -l target/draagvlak.jar

step 3 "make the base with debootstrap ($SUITE, minbase, openjdk-17-jre-headless)"
rm -rf "$WORK"
mkdir -p "$WORK"
BASE=$WORK/base
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
  "$SUITE" "$BASE" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log"; exit 1; }
chroot "$BASE" groupadd --system --gid $APP_UID draagvlak
chroot "$BASE" useradd --system --uid $APP_UID --gid $APP_UID --home-dir /app --no-create-home draagvlak
chroot "$BASE" apt-get clean
rm -rf "$BASE"/var/lib/apt/lists/* "$BASE"/var/cache/* "$BASE"/usr/share/doc/* "$BASE"/usr/share/man/*
du -sh "$BASE"

step 4 "assemble the OCI image with umoci (layer 1: base, layer 2: the service)"
umoci init --layout "$OCI"
umoci new --image "$OCI:$TAG"
umoci unpack --image "$OCI:$TAG" "$WORK/bundle" >/dev/null
# Layer 1: the Debian base, as debootstrap made it.
cp -a "$BASE"/. "$WORK/bundle/rootfs/"
umoci repack --image "$OCI:$TAG" "$WORK/bundle"
rm -rf "$WORK/bundle"
# Layer 2: the jar, and empty mount points owned by the service's user. The rules and the
# scenarios are never in the image: they are mounted at /app/rules and /app/test-cases.
umoci unpack --image "$OCI:$TAG" "$WORK/bundle" >/dev/null
install -d -o $APP_UID -g $APP_UID "$WORK/bundle/rootfs/app" "$WORK/bundle/rootfs/app/data" \
  "$WORK/bundle/rootfs/app/rules" "$WORK/bundle/rootfs/app/test-cases"
install -m 0644 target/draagvlak.jar "$WORK/bundle/rootfs/app/draagvlak.jar"
umoci repack --image "$OCI:$TAG" "$WORK/bundle"
rm -rf "$WORK/bundle"
umoci config --image "$OCI:$TAG" \
  --config.user "$APP_UID:$APP_UID" \
  --config.workingdir /app \
  --config.exposedports 8080/tcp \
  --config.volume /app/rules --config.volume /app/test-cases --config.volume /app/data \
  --config.env JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75 \
  --config.entrypoint java --config.entrypoint -jar --config.entrypoint /app/draagvlak.jar \
  --author draagvlak --history.comment "draagvlak service"
umoci gc --layout "$OCI"
umoci stat --image "$OCI:$TAG" | sed -n '1,12p'
skopeo inspect --config "oci:$OCI:$TAG" | head -40
skopeo copy -q "oci:$OCI:$TAG" "oci-archive:$WORK/draagvlak-oci.tar:$TAG"
ls -l "$WORK/draagvlak-oci.tar"

fi
[[ -n ${SKIP_RUN:-} ]] && exit 0

step 5 "copy into podman's storage and start it"
skopeo copy -q "oci:$OCI:$TAG" "containers-storage:localhost/$TAG"
podman images localhost/draagvlak
RUN=$WORK/run
rm -rf "$RUN"
mkdir -p "$RUN/data"
cp -r rules "$RUN/rules"
cp -r test-cases "$RUN/test-cases"
chown -R $APP_UID:$APP_UID "$RUN"
podman rm -f draagvlak-try >/dev/null 2>&1 || true
# What this machine needs (each was an error here first):
# - --ulimit: podman's default limits (open files 1048576, processes 4194304) are above this
#   machine's hard limits, which a process without CAP_SYS_RESOURCE cannot raise
#   ("crun: setrlimit `RLIMIT_NOFILE`: Operation not permitted"); the host's own limits are used;
# - --runtime runc: cgroups here are v1 with a v2 hierarchy beside it ("hybrid"), which crun refuses
#   ("crun: cgroups in hybrid mode not supported, drop all controllers from cgroupv2");
# - --network host: there is no bridge networking for containers; the port is set instead.
podman run -d --name draagvlak-try --runtime runc --network host \
  --ulimit "nofile=$(ulimit -Sn):$(ulimit -Hn)" --ulimit "nproc=4096:4096" \
  -v "$RUN/rules:/app/rules:ro" -v "$RUN/test-cases:/app/test-cases:ro" -v "$RUN/data:/app/data" \
  "localhost/$TAG" --server.port=$PORT
trap 'podman logs draagvlak-try > "$WORK/container.log" 2>&1 || true; podman rm -f draagvlak-try >/dev/null 2>&1 || true' EXIT

step 6 "wait for readiness, then send a decision"
for _ in $(seq 1 120); do
  curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  curl -sf -o /dev/null "localhost:$PORT/openapi.yaml" 2>/dev/null && break
  sleep 1
done
podman exec draagvlak-try id
PASSWORD=$(sed -n 's/^decide=//p' "$RUN/data/credentials.properties")
curl -s -i -u "decide:$PASSWORD" -X POST "localhost:$PORT/api/v1/decisions" \
  -H 'Content-Type: application/json' \
  -d '{"initiative":{"kind":"MULTICHANNEL_MIGRATION","organisationType":"MUNICIPALITY","leadTimeMonths":18},
       "designStrategy":{"startingPoint":"FRONT_OFFICE"},"preconditions":{"backOfficeInOrder":false}}' \
  | tee "$WORK/decision.txt" | head -c 600
echo
grep -q '^HTTP/1.1 201' "$WORK/decision.txt"
step 7 "done: the image answered a decision"
