#!/usr/bin/env bash
# Enforces the one-way dependency flow of STYLE.md with allow-lists:
#   cmd -> blueprints -> generators/graph <- generators
# Each layer lists the project packages it may import (non-test imports);
# anything else is a failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

module=$(go list -m)
fail=0

# check PATTERN ALLOWED_REGEX: every project import of the packages matched
# by PATTERN must match ALLOWED_REGEX (relative to the module path).
check() {
  local pattern=$1 allowed=$2 pkg imp
  while read -r pkg imports; do
    for imp in $imports; do
      case "$imp" in
        "$module"/*) ;;
        *) continue ;;
      esac
      if ! [[ "${imp#"$module"/}" =~ ^($allowed)$ ]]; then
        echo "check-deps: ${pkg#"$module"/} must not import ${imp#"$module"/}"
        fail=1
      fi
    done
  done < <(go list -f '{{.ImportPath}} {{join .Imports " "}}' "$pattern")
}

check ./generators/graph 'NONE'
check ./blueprints/... 'generators/graph|blueprints(/[a-z]+)?|templates'
check ./generators/... 'generators(/[a-z]+)?|templates'
# Cost estimates read the model and nothing else, like the model's contract.
check ./generators/cost 'generators/graph'
check ./schemas/... 'NONE'
check ./validate/... 'schemas'
check ./compare/... 'generators(/[a-z]+)?|templates'
check ./templates/... 'NONE'

# The model is the contract: it may use the standard library only.
if go list -f '{{join .Imports "\n"}}' ./generators/graph | grep -q '\.'; then
  echo "check-deps: generators/graph imports a module outside the standard library"
  fail=1
fi
[ "$fail" -eq 0 ] && echo "dependency directions ok"
exit "$fail"
