#!/usr/bin/env bash
# Browser test of the README diagrams: renders every ```mermaid block of
# EXAMPLES_DIR/*/README.md with the pinned mermaid package in Debian's headless
# Chromium through playwright-core (scripts/check-mermaid.mjs), offline.
#
#   scripts/check-mermaid.sh [OUT_DIR] [EXAMPLES_DIR]
#       OUT_DIR       default /tmp/scaffold-mermaid
#       EXAMPLES_DIR  default the repository's examples/
#
# A diagram passes when mermaid.render succeeds and the SVG has a node for
# every node ID the flowchart declares. OUT_DIR receives one screenshot per
# example (NAME.png). Needs /usr/bin/chromium, playwright-core and mermaid,
# all installed by scripts/install-tools.sh. Prints ok/FAIL per diagram, ends
# with "N passed, M failed" and exits 1 if any check failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/tools-env.sh
source "$here/tools-env.sh"

out="${1:-/tmp/scaffold-mermaid}"
examples="${2:-$SCAFFOLD_ROOT/examples}"

fail() { # message: a setup step failed; no diagram can be checked
  echo "check-mermaid: ERROR: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

mkdir -p "$out"
out="$(cd "$out" && pwd)"
[ -d "$examples" ] || fail "no examples folder at $examples"

# install-tools.sh owns the versions; read them there rather than repeat them.
pw_version="$(sed -n 's/^PLAYWRIGHT_CORE_VERSION=//p' "$here/install-tools.sh")"
mermaid_version="$(sed -n 's/^MERMAID_VERSION=//p' "$here/install-tools.sh")"
SCAFFOLD_PLAYWRIGHT="$SCAFFOLD_CACHE/playwright-core-$pw_version"
SCAFFOLD_MERMAID="$SCAFFOLD_CACHE/mermaid-$mermaid_version"
export SCAFFOLD_PLAYWRIGHT SCAFFOLD_MERMAID
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium not found: run scripts/install-tools.sh"
[ -f "$SCAFFOLD_PLAYWRIGHT/node_modules/playwright-core/package.json" ] ||
  fail "playwright-core $pw_version not found in $SCAFFOLD_PLAYWRIGHT: run scripts/install-tools.sh"
[ -f "$SCAFFOLD_MERMAID/node_modules/mermaid/dist/mermaid.min.js" ] ||
  fail "mermaid $mermaid_version not found in $SCAFFOLD_MERMAID: run scripts/install-tools.sh"
command -v node >/dev/null 2>&1 || fail "node not found"

readmes=()
for f in "$examples"/*/README.md; do
  [ -f "$f" ] || continue
  name="$(basename "$(dirname "$f")")"
  readmes+=("$name=$f")
done
[ "${#readmes[@]}" -gt 0 ] || fail "no README.md in $examples/*/"

echo "check-mermaid: rendering the diagrams of ${#readmes[@]} READMEs in $(/usr/bin/chromium --version 2>/dev/null) with mermaid $mermaid_version and playwright-core $pw_version; screenshots in $out"
node "$here/check-mermaid.mjs" "$out" "${readmes[@]}"
