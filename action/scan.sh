#!/usr/bin/env bash
# trustscan's GitHub Action, step 2: one scan that writes every requested report, the Markdown into the job summary,
# and the exit code, the reports and their directory as step outputs. It always exits 0: the SARIF upload comes
# next, and the last step fails the job by the recorded exit code.
set -uo pipefail

directory="${TRUSTSCAN_OUTPUT_DIRECTORY:-trustscan-reports}"
mkdir -p "$directory"
echo "reports-directory=$directory" >> "$GITHUB_OUTPUT"

# Whitespace-separated lists: no glob expansion, no quotes to interpret.
read -r -d '' -a targets <<< "${TRUSTSCAN_TARGETS:-}" || true
read -r -d '' -a formats <<< "${TRUSTSCAN_FORMATS:-}" || true
read -r -d '' -a extra <<< "${TRUSTSCAN_ARGS:-}" || true

# ${a[@]+"${a[@]}"}: an empty list expands to nothing, also under set -u in the bash 3 of macOS runners.
args=(scan ${targets[@]+"${targets[@]}"})
for format in ${formats[@]+"${formats[@]}"}; do
  case "$format" in
    sarif) file="$directory/trustscan.sarif"; echo "sarif-file=$file" >> "$GITHUB_OUTPUT" ;;
    markdown) file="$directory/trustscan.md"; echo "markdown-file=$file" >> "$GITHUB_OUTPUT" ;;
    json) file="$directory/trustscan.json" ;;
    html) file="$directory/trustscan.html" ;;
    junit) file="$directory/trustscan.junit.xml" ;;
    text) file="$directory/trustscan.txt" ;;
    *)
      echo "::error title=trustscan::unknown format \"$format\" in the formats input; use sarif, markdown, json, html, junit or text."
      echo "exit-code=2" >> "$GITHUB_OUTPUT"
      exit 0
      ;;
  esac
  args+=(--format "$format" --output "$file")
done
[ -n "${TRUSTSCAN_FAIL_ON:-}" ] && args+=(--fail-on "$TRUSTSCAN_FAIL_ON")
[ -n "${TRUSTSCAN_CONFIG:-}" ] && args+=(--config "$TRUSTSCAN_CONFIG")
[ -n "${TRUSTSCAN_EVIDENCE_STORE:-}" ] && args+=(--evidence "$TRUSTSCAN_EVIDENCE_STORE")
[ -n "${TRUSTSCAN_SARIF_CATEGORY:-}" ] && args+=(--sarif-category "$TRUSTSCAN_SARIF_CATEGORY")
# The findings also go to the log, as text.
args+=(${extra[@]+"${extra[@]}"} --format text)

echo "trustscan ${args[*]}"
trustscan "${args[@]}"
code=$?
echo "exit-code=$code" >> "$GITHUB_OUTPUT"

if [ -f "$directory/trustscan.md" ]; then
  cat "$directory/trustscan.md" >> "$GITHUB_STEP_SUMMARY"
fi
exit 0
