#!/usr/bin/env bash
# Screenshots for the README, taken with Debian's Chromium from a running `make run`.
# Usage: docs/take_screenshots.sh [http://127.0.0.1:8000]
set -euo pipefail
base=${1:-http://127.0.0.1:8000}
out=$(dirname "$0")/screenshots
shot() {  # language, path, file
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$(mktemp -d)" --lang="$1" --accept-lang="$1" \
    --window-size=1280,860 --screenshot="$out/$3" "$base$2" 2>/dev/null
}
shot en / home-en.png
shot ar / home-ar.png
shot en /consultations/development-aspects-internet/ consultation-en.png
shot ar /consultations/development-aspects-internet/ consultation-ar.png
