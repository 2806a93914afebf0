#!/bin/sh
# The seed plan's board report for its October 2023 status, and its screenshot for README.md:
#   docs/report-2023-10.html   (docs/report.md explains it)
#   docs/img/report-2023-10.png
# Usage: docs/make_report.sh   (from anywhere; needs planner on PATH, or PLANNER="python -m
# planner", and Debian's chromium for the screenshot)
set -eu
cd "$(dirname "$0")/.."
PLANNER=${PLANNER:-planner}
$PLANNER report plans/ssiks_it.yaml --status status/2023-10-31.yaml --baseline baseline \
    --estimates risk/ssiks_it_estimates.yaml -o docs/report-2023-10.html \
    --history status/2023-08-31.yaml status/2023-09-29.yaml status/2023-10-31.yaml
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
    echo "no chromium: docs/img/report-2023-10.png not made (apt-get install chromium)" >&2
    exit 0
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir="$profile" \
    --window-size=1280,1600 --screenshot="$PWD/docs/img/report-2023-10.png" \
    "file://$PWD/docs/report-2023-10.html" >/dev/null 2>&1
echo "wrote docs/report-2023-10.html, docs/img/report-2023-10.png" >&2
