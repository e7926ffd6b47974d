#!/usr/bin/env bash
# trustscan's GitHub Action, step 1: installs @trustscan/cli globally with npm, at TRUSTSCAN_VERSION or else at the
# version of this action's own release, so `uses: trustscan/trustscan@v1` runs the CLI of that release.
set -euo pipefail

if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' 2>/dev/null; then
  echo "::error title=trustscan::trustscan needs Node.js 20 or newer on the runner; add actions/setup-node with node-version: 20 before this action."
  exit 2
fi

version="${TRUSTSCAN_VERSION:-}"
if [ -z "$version" ]; then
  version="$(node -p 'require(process.argv[1]).version' "$GITHUB_ACTION_PATH/packages/cli/package.json")"
fi

npm install --global --no-audit --no-fund "@trustscan/cli@$version"
echo "trustscan $(trustscan --version) installed."
