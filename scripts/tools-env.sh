# shellcheck shell=bash
# Environment for the real-tool checks: where the tools live and how
# Terraform finds the offline hashicorp/aws provider. Source it, don't run it:
#
#   source scripts/tools-env.sh
#
# Sets (each can be overridden beforehand):
#   SCAFFOLD_ROOT         repository root (the folder above scripts/)
#   SCAFFOLD_SHARED       the shared folder, default $SCAFFOLD_ROOT/../shared
#   SCAFFOLD_CACHE        ${XDG_CACHE_HOME:-$HOME/.cache}/scaffold
#   SCAFFOLD_TF_MIRROR    $SCAFFOLD_CACHE/tfplugins: filesystem mirror holding
#                         the schema-only registry.terraform.io/hashicorp/aws
#   TF_CLI_CONFIG_FILE    $SCAFFOLD_CACHE/terraformrc (written by install-tools.sh)
#   CHECKPOINT_DISABLE=1  no Terraform version check over the network
#   GOBIN                 $(go env GOPATH)/bin, where tflint and tfsec are installed
# and puts Go, GOBIN and the pyenv shims (cfn-lint, moto_server, aws) on PATH
# when they exist and aren't there already.

_scaffold_path_add() { # prepend $1 to PATH if it is a folder (or $2 = any) not yet on PATH
  [ -d "$1" ] || [ "${2:-}" = any ] || return 0
  case ":$PATH:" in *":$1:"*) ;; *) PATH="$1:$PATH" ;; esac
}

# HOME can be missing in a bare CI environment; Go and the cache need it.
if [ -z "${HOME:-}" ]; then HOME="$(getent passwd "$(id -u)" | cut -d: -f6)" && export HOME; fi

SCAFFOLD_ROOT="${SCAFFOLD_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
SCAFFOLD_SHARED="${SCAFFOLD_SHARED:-$SCAFFOLD_ROOT/../shared}"
SCAFFOLD_CACHE="${SCAFFOLD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/scaffold}"
SCAFFOLD_TF_MIRROR="${SCAFFOLD_TF_MIRROR:-$SCAFFOLD_CACHE/tfplugins}"
TF_CLI_CONFIG_FILE="$SCAFFOLD_CACHE/terraformrc"
CHECKPOINT_DISABLE=1

if ! command -v go >/dev/null 2>&1; then _scaffold_path_add /usr/local/go/bin; fi
if command -v go >/dev/null 2>&1; then
  GOBIN="${GOBIN:-$(go env GOBIN)}"
  GOBIN="${GOBIN:-$(go env GOPATH)/bin}"
  export GOBIN
  _scaffold_path_add "$GOBIN" any # even before install-tools.sh creates it
fi
if ! command -v cfn-lint >/dev/null 2>&1 || ! command -v moto_server >/dev/null 2>&1; then
  _scaffold_path_add "${PYENV_ROOT:-$HOME/.pyenv}/shims"
fi

export PATH SCAFFOLD_ROOT SCAFFOLD_SHARED SCAFFOLD_CACHE SCAFFOLD_TF_MIRROR TF_CLI_CONFIG_FILE CHECKPOINT_DISABLE
unset -f _scaffold_path_add
