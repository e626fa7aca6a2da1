#!/usr/bin/env bash
# Renders a fleetsim report.html in headless Chromium, as a person's browser would, and checks it:
#   - no console errors and no attempt to load anything from the network,
#   - the rendered DOM has the four chart SVGs and the bill table,
#   - a screenshot (1280 x 2000) for a human look.
#
# Usage: tools/check-report-html.sh OUT_DIR/report.html [SCREENSHOT.png]
#   (default screenshot: report.png beside the page)
#
# Needs Debian's chromium: apt-get update && apt-get install -y chromium
# Exit status: 0 when the page renders clean, 1 when a check fails, 2 on bad usage or no browser.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ ! -f "$1" ]; then
  echo "usage: $0 OUT_DIR/report.html [SCREENSHOT.png]" >&2
  exit 2
fi
page="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shot="${2:-$(dirname "$page")/report.png}"
case "$shot" in /*) ;; *) shot="$PWD/$shot" ;; esac

browser=""
for b in chromium chromium-browser; do
  if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
if [ -z "$browser" ]; then
  echo "$0: chromium is not installed; install it with: apt-get update && apt-get install -y chromium" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
  --disable-sync --no-first-run --hide-scrollbars --force-device-scale-factor=1)

# 1. The DOM after rendering, with the browser's log (console messages, failed loads) on stderr.
"$browser" "${flags[@]}" --user-data-dir="$work/profile-dom" --enable-logging=stderr --v=0 \
  --dump-dom "file://$page" >"$work/dom.html" 2>"$work/dom.log" || {
  echo "$0: chromium failed to render $page:" >&2; cat "$work/dom.log" >&2; exit 1; }

# 2. The screenshot.
"$browser" "${flags[@]}" --user-data-dir="$work/profile-shot" --window-size=1280,2000 \
  --screenshot="$shot" "file://$page" >"$work/shot.log" 2>&1 || {
  echo "$0: chromium failed to take the screenshot:" >&2; cat "$work/shot.log" >&2; exit 1; }

failed=0
fail() { echo "FAIL: $*" >&2; failed=1; }

# Console errors and blocked or failed loads; the browser's own start-up noise (dbus, GPU) is not the page's.
if grep -E 'CONSOLE|Uncaught|ERR_|Failed to load|net::' "$work/dom.log" | grep -v -E 'dbus|gpu|GPU' >"$work/errors"; then
  fail "console errors or failed loads:"; cat "$work/errors" >&2
fi
for id in cost capacity commitments demand; do
  grep -q "<section id=\"$id\"" "$work/dom.html" || fail "no '$id' section in the rendered page"
done
svgs=$(grep -o '<svg ' "$work/dom.html" | wc -l)
[ "$svgs" -ge 4 ] || fail "expected at least 4 chart SVGs, found $svgs"
grep -q '<table class="bill"' "$work/dom.html" || fail "no bill table in the rendered page"
if grep -o -E '(src|href)="[a-z]+://[^"]*"' "$work/dom.html" | grep -q .; then
  fail "the page references external resources"
fi
[ -s "$shot" ] || fail "no screenshot written"

if [ "$failed" -ne 0 ]; then
  exit 1
fi
echo "report.html OK: $svgs SVG charts, bill table present, no console errors; screenshot: $shot"
