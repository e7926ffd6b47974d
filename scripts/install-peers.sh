#!/usr/bin/env bash
# Installs the peer scanners that `pnpm bench peers` compares trustscan with, into .peers/ (git-ignored):
#   - Checkov 3.3.30 from PyPI, in a Python virtual environment (.peers/venv)
#   - Trivy v0.74.0, built from source with `go install` (.peers/bin/trivy; about 10 minutes on 2 cores)
# Never run by the tests or CI: it downloads and builds several hundred megabytes.
set -euo pipefail

CHECKOV_VERSION=3.3.30
TRIVY_VERSION=v0.74.0

repo="$(cd "$(dirname "$0")/.." && pwd)"
peers="$repo/.peers"
mkdir -p "$peers/bin"

python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null; then
  echo "install-peers: $python not found; install Python 3.9 to 3.12 or set PYTHON" >&2
  exit 2
fi
if [ ! -x "$peers/venv/bin/checkov" ] || ! "$peers/venv/bin/checkov" --version 2>/dev/null | grep -qx "$CHECKOV_VERSION"; then
  echo "install-peers: installing Checkov $CHECKOV_VERSION into $peers/venv"
  "$python" -m venv "$peers/venv"
  "$peers/venv/bin/pip" install --quiet --upgrade pip
  "$peers/venv/bin/pip" install --quiet "checkov==$CHECKOV_VERSION"
fi
ln -sf "$peers/venv/bin/checkov" "$peers/bin/checkov"
echo "install-peers: checkov $("$peers/bin/checkov" --version)"

if ! command -v go >/dev/null; then
  echo "install-peers: go not found; install Go 1.24 or newer to build Trivy" >&2
  exit 2
fi
if [ ! -x "$peers/bin/trivy" ] || ! "$peers/bin/trivy" --version 2>/dev/null | grep -q "Version: ${TRIVY_VERSION#v}"; then
  echo "install-peers: building Trivy $TRIVY_VERSION into $peers/bin (about 10 minutes)"
  # Trivy v0.74 uses encoding/json/v2, which Go still keeps behind this experiment.
  GOEXPERIMENT=jsonv2 GOBIN="$peers/bin" go install \
    -ldflags "-X github.com/aquasecurity/trivy/pkg/version/app.ver=${TRIVY_VERSION#v}" \
    "github.com/aquasecurity/trivy/cmd/trivy@$TRIVY_VERSION"
fi
echo "install-peers: $("$peers/bin/trivy" --version | head -1)"
echo "install-peers: done; run pnpm bench peers"
