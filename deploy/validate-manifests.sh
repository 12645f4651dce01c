#!/usr/bin/env bash
# Validates the Kubernetes manifests of deploy/k8s (rendered with the ConfigMaps of rules/ and
# test-cases/) against the Kubernetes API schemas of npm's kubernetes-models. Installs what it
# needs into target/k8s-validator (node and npm from Debian's packages when missing); exits non-zero
# on any invalid object.
#   deploy/validate-manifests.sh            # the manifests as rendered by deploy/k8s/render.mjs
#   deploy/validate-manifests.sh FILE.yaml  # any YAML stream instead
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=target/k8s-validator
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "installing node and npm from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -qq update >/dev/null && apt-get -qq install -y --no-install-recommends nodejs npm >/dev/null
fi
if [[ ! -d $TOOLS/node_modules/kubernetes-models || ! -d $TOOLS/node_modules/yaml ]]; then
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent kubernetes-models@5.1.0 yaml@2.9.1
fi
cp deploy/validate-manifests.mjs deploy/k8s/render.mjs "$TOOLS/"
if (($#)); then
  node "$TOOLS/validate-manifests.mjs" < "$1"
else
  node "$TOOLS/render.mjs" --manifests deploy/k8s --rules rules --cases test-cases > "$TOOLS/rendered.yaml"
  node "$TOOLS/validate-manifests.mjs" < "$TOOLS/rendered.yaml"
fi
