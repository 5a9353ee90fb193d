#!/usr/bin/env bash
# Renders the Graphviz diagram of every blueprint (`scaffold describe
# BLUEPRINT --diagram dot`, with defaults and with flags that add components)
# through Graphviz's own `dot`, and checks that it parses and draws one node
# per component of the model (the count comes from `describe --format json`).
#
#   scripts/check-dot.sh [OUT_DIR]     (default /tmp/scaffold-dot; SVGs land there)
#
# Ends with "N passed, M failed" and exits 1 if any check failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="${1:-/tmp/scaffold-dot}"
mkdir -p "$out"

if ! command -v dot >/dev/null 2>&1; then
  echo "check-dot: ERROR: Graphviz's dot is not installed (scripts/install-tools.sh installs it)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

bin="$out/scaffold"
(cd "$root" && go build -o "$bin" ./cmd/scaffold)

passed=0
failed=0
check() { # name, args...
  local name=$1 svg="$out/$1.svg" want got
  shift
  want=$("$bin" describe "$@" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["resources"])')
  if ! "$bin" describe "$@" --diagram dot | dot -Tsvg -o "$svg" 2>"$out/$name.err"; then
    echo "FAIL $name: dot rejected the diagram: $(head -1 "$out/$name.err")"
    failed=$((failed + 1))
    return
  fi
  got=$(grep -c 'class="node"' "$svg" || true)
  if [ "$got" = "$want" ]; then
    echo "ok   $name: $got nodes for $want components"
    passed=$((passed + 1))
  else
    echo "FAIL $name: $got nodes drawn for $want components"
    failed=$((failed + 1))
  fi
}

check vpc vpc
check vpc-3az-isolated vpc --azs 3 --isolated-subnets --nat single
check fanout fanout
check fanout-kms fanout --queues a,b,c --kms --alarm-email ops@example.com
check asg-spot asg-spot
check asg-spot-https asg-spot --azs 3 --certificate-arn arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab --schedule 'up=0 8 * * *:desired=4'

check pilot-light pilot-light
check pilot-light-dns pilot-light --hosted-zone-id Z0123456789ABCDEFGHIJ --domain app.example.com

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
