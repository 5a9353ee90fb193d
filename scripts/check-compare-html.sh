#!/usr/bin/env bash
# Browser test of the compare page: renders `scaffold compare --html` for vpc
# (defaults) and fanout (--queues a,b), then checks both pages in Debian's
# headless Chromium through playwright-core (scripts/check-compare-html.mjs).
#
#   scripts/check-compare-html.sh [OUT_DIR]     (default /tmp/scaffold-compare)
#
# OUT_DIR receives the pages (NAME.html), screenshots (NAME.png, the top of the
# page at 1366x768, and NAME-selected.png, a clicked component), and the
# print layout (NAME.pdf). Needs /usr/bin/chromium and playwright-core, both
# installed by scripts/install-tools.sh. Ends with "N passed, M failed" and
# exits 1 if any check failed.
#
# The pages come from the CLI when it has `compare --html`; until then from a
# throwaway program that calls the compare package directly, in a temporary
# Go workspace that uses the repository's module (nothing is written into the
# repository, and nothing is downloaded: a workspace module needs no require).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/tools-env.sh
source "$here/tools-env.sh"

out="${1:-/tmp/scaffold-compare}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

fail() { # message: a setup step failed; no browser check can run
  echo "check-compare-html: ERROR: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

# install-tools.sh owns the version; read it there rather than repeat it.
pw_version="$(sed -n 's/^PLAYWRIGHT_CORE_VERSION=//p' "$here/install-tools.sh")"
SCAFFOLD_PLAYWRIGHT="$SCAFFOLD_CACHE/playwright-core-$pw_version"
export SCAFFOLD_PLAYWRIGHT
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium not found: run scripts/install-tools.sh"
[ -f "$SCAFFOLD_PLAYWRIGHT/node_modules/playwright-core/package.json" ] ||
  fail "playwright-core $pw_version not found in $SCAFFOLD_PLAYWRIGHT: run scripts/install-tools.sh"
command -v node >/dev/null 2>&1 || fail "node not found"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cd "$SCAFFOLD_ROOT"
go build -o "$tmp/scaffold" ./cmd/scaffold || fail "go build ./cmd/scaffold failed"

# name, then the blueprint and its flags
cases=(
  "vpc vpc"
  "fanout fanout --queues a,b"
)

if "$tmp/scaffold" compare --help 2>/dev/null | grep -q -- '--html'; then
  echo "check-compare-html: rendering with scaffold compare --html"
  render() { # name blueprint [flags...]
    local name="$1"
    shift
    "$tmp/scaffold" compare "$@" --html "$out/$name.html" >/dev/null
  }
else
  echo "check-compare-html: scaffold has no compare --html yet; rendering with the compare package"
  mkdir -p "$tmp/render"
  cat >"$tmp/render/go.mod" <<'EOF'
module scaffoldcomparerender

go 1.26
EOF
  cat >"$tmp/render/main.go" <<'EOF'
// Command render writes the compare page of a blueprint's default graph:
// render vpc|fanout FILE (fanout with the queues a and b, as the CLI case).
package main

import (
	"fmt"
	"os"

	"github.com/scaffold-iac/scaffold/blueprints/fanout"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/compare"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

func main() {
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(blueprint, file string) error {
	var g *graph.Graph
	var err error
	switch blueprint {
	case "vpc":
		g, err = vpc.Build(vpc.Defaults())
	case "fanout":
		p := fanout.Defaults()
		p.Queues = []string{"a", "b"}
		g, err = fanout.Build(p)
	default:
		return fmt.Errorf("unknown blueprint %q", blueprint)
	}
	if err != nil {
		return err
	}
	c, err := compare.Build(g)
	if err != nil {
		return err
	}
	page, err := c.HTML()
	if err != nil {
		return err
	}
	return os.WriteFile(file, page, 0o644)
}
EOF
  printf 'go 1.26.8\n\nuse (\n\t%s\n\t%s\n)\n' "$SCAFFOLD_ROOT" "$tmp/render" >"$tmp/go.work"
  (cd "$tmp/render" && GOWORK="$tmp/go.work" go build -o "$tmp/render-page" .) ||
    fail "building the render program failed"
  render() { # name blueprint [flags...]: the flags are what the program hard-codes
    "$tmp/render-page" "$2" "$out/$1.html"
  }
fi

pages=()
for c in "${cases[@]}"; do
  read -r -a words <<<"$c"
  render "${words[@]}" || fail "rendering ${words[*]:1} failed"
  pages+=("${words[0]}=$out/${words[0]}.html")
done

echo "check-compare-html: checking ${#pages[@]} pages in $(/usr/bin/chromium --version 2>/dev/null) with playwright-core $pw_version; artifacts in $out"
node "$here/check-compare-html.mjs" "$out" "${pages[@]}"
