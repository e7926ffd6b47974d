#!/usr/bin/env bash
# trustscan's GitHub Action, last step: fails the job with trustscan's exit code, after the upload and the summary.
set -euo pipefail
case "${TRUSTSCAN_EXIT_CODE:-}" in
  1) echo "::error title=trustscan::findings at or above fail-on; see the job summary and the code scanning alerts." ;;
  *) echo "::error title=trustscan::trustscan exited with ${TRUSTSCAN_EXIT_CODE:-no exit code}: an input or usage error, named in the scan step's log." ;;
esac
exit "${TRUSTSCAN_EXIT_CODE:-2}"
