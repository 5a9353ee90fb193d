#!/usr/bin/env bash
# Installs whatever the real-tool checks (scripts/check-examples.sh) need and
# is missing. Idempotent, and fast (a few seconds) when everything is there.
#
#   tflint v0.64.0, tfsec v1.26.0   go install into $GOBIN ($(go env GOPATH)/bin)
#   ShellCheck, yamllint, make,     apt-get install (Debian)
#   Graphviz (dot)
#   Chromium                        apt-get install chromium (Debian), at
#                                   /usr/bin/chromium, for the browser test of
#                                   the compare page (about a minute the first time)
#   playwright-core 1.64.1          npm install into $SCAFFOLD_PLAYWRIGHT (outside the
#                                   repository); it drives that Chromium and never
#                                   downloads a browser of its own
#   mermaid 11.17.2                 npm install into $SCAFFOLD_MERMAID (outside the
#                                   repository); scripts/check-mermaid.sh injects
#                                   its browser build (dist/mermaid.min.js) into
#                                   that Chromium to render the README diagrams
#                                   (11.17.2 is the newest release without
#                                   mermaid 12's engines: node >=22.12; Node 20 here)
#   hashicorp/aws 6.25.0            the schema-only provider from
#                                   $SCAFFOLD_SHARED/tools/tf-schema-provider, built
#                                   into $SCAFFOLD_TF_MIRROR (a filesystem mirror)
#   $TF_CLI_CONFIG_FILE             Terraform CLI config using that mirror
#
# and verifies what it cannot install here (PyPI and HashiCorp's releases are
# unreachable): terraform, python3 with cfn-lint and moto, moto_server, aws.
# Any missing tool is an error: nothing is skipped.
#
# Callers get the tools on PATH and the Terraform settings by sourcing
# scripts/tools-env.sh (check-examples.sh does that itself).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/tools-env.sh
source "$here/tools-env.sh"

TFLINT_VERSION=v0.64.0
TFSEC_VERSION=v1.26.0
TF_PROVIDER_VERSION=6.25.0
PLAYWRIGHT_CORE_VERSION=1.64.1
MERMAID_VERSION=11.17.2
# scripts/check-compare-html.sh and check-mermaid.sh load playwright-core from here.
SCAFFOLD_PLAYWRIGHT="$SCAFFOLD_CACHE/playwright-core-$PLAYWRIGHT_CORE_VERSION"
# scripts/check-mermaid.sh loads mermaid's browser build from here.
SCAFFOLD_MERMAID="$SCAFFOLD_CACHE/mermaid-$MERMAID_VERSION"

errors=0
err() { echo "install-tools: ERROR: $*" >&2; errors=$((errors + 1)); }
log() { echo "install-tools: $*"; }
now() { date +%s; }

# --- Go -----------------------------------------------------------------------
if ! command -v go >/dev/null 2>&1; then
  echo "install-tools: ERROR: go not found (expected at /usr/local/go/bin/go); it is needed to build tflint, tfsec and the provider" >&2
  exit 1
fi
mkdir -p "$GOBIN"

# Returns 0 when the binary $1 on PATH was built from module $2 at version $3.
have_go_tool() {
  local bin
  bin="$(command -v "$1" 2>/dev/null)" || return 1
  go version -m "$bin" 2>/dev/null | awk -v m="$2" -v v="$3" '$1 == "mod" && $2 == m && $3 == v { ok = 1 } END { exit !ok }'
}

go_install() { # name module package version
  local t0
  if have_go_tool "$1" "$2" "$4"; then
    log "$1 $4 present ($(command -v "$1"))"
    return 0
  fi
  log "installing $1 $4: go install $3@$4 (takes 2-3 minutes)"
  t0=$(now)
  # Outside any module or workspace, so the repository's go.mod plays no part.
  if (cd / && GOWORK=off GOFLAGS=-buildvcs=false go install "$3@$4"); then
    hash -r
    if have_go_tool "$1" "$2" "$4"; then
      log "installed $1 $4 into $GOBIN in $(($(now) - t0))s"
    else
      err "$1 was installed into $GOBIN but another $1 comes first on PATH: $(command -v "$1")"
    fi
  else
    err "go install $3@$4 failed"
  fi
}

go_install tflint github.com/terraform-linters/tflint github.com/terraform-linters/tflint "$TFLINT_VERSION"
go_install tfsec github.com/aquasecurity/tfsec github.com/aquasecurity/tfsec/cmd/tfsec "$TFSEC_VERSION"

# --- Debian packages -------------------------------------------------------------
apt_missing=()
command -v shellcheck >/dev/null 2>&1 || apt_missing+=(shellcheck)
command -v yamllint >/dev/null 2>&1 || apt_missing+=(yamllint)
command -v make >/dev/null 2>&1 || apt_missing+=(make)
# Graphviz renders the DOT diagrams of `scaffold describe --diagram dot`.
command -v dot >/dev/null 2>&1 || apt_missing+=(graphviz)
# Debian's Chromium is the only browser that can be had here: test tools'
# own browser downloads are refused by the closed network.
[ -x /usr/bin/chromium ] || apt_missing+=(chromium)
if [ "${#apt_missing[@]}" -gt 0 ]; then
  log "installing ${apt_missing[*]} with apt-get"
  t0=$(now)
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else err "not root and no sudo: cannot apt-get install ${apt_missing[*]}"; fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    err "apt-get not found: install ${apt_missing[*]} by hand"
  elif [ "${#sudo[@]}" -gt 0 ] || [ "$(id -u)" -eq 0 ]; then
    if "${sudo[@]}" apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null; then
      log "installed ${apt_missing[*]} in $(($(now) - t0))s"
    else
      err "apt-get install ${apt_missing[*]} failed"
    fi
  fi
fi
for t in shellcheck yamllint make; do
  command -v "$t" >/dev/null 2>&1 || err "$t is still missing"
done
[ -x /usr/bin/chromium ] || err "/usr/bin/chromium is still missing"

# --- playwright-core (npm) ---------------------------------------------------------
# Only the driver library: playwright-core has no install script, so npm fetches
# no browser; the check launches /usr/bin/chromium through executablePath.
pw_installed() {
  [ "$(node -p 'require(process.argv[1]).version' "$SCAFFOLD_PLAYWRIGHT/node_modules/playwright-core/package.json" 2>/dev/null)" = "$PLAYWRIGHT_CORE_VERSION" ]
}
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  err "node and npm not found: they come with the machine and are needed for playwright-core"
elif pw_installed; then
  log "playwright-core $PLAYWRIGHT_CORE_VERSION present in $SCAFFOLD_PLAYWRIGHT"
else
  log "installing playwright-core $PLAYWRIGHT_CORE_VERSION into $SCAFFOLD_PLAYWRIGHT with npm"
  t0=$(now)
  mkdir -p "$SCAFFOLD_PLAYWRIGHT"
  if npm install --prefix "$SCAFFOLD_PLAYWRIGHT" --save-exact --no-audit --no-fund --loglevel=error \
    "playwright-core@$PLAYWRIGHT_CORE_VERSION" >/dev/null && pw_installed; then
    log "installed playwright-core $PLAYWRIGHT_CORE_VERSION in $(($(now) - t0))s"
  else
    err "npm install playwright-core@$PLAYWRIGHT_CORE_VERSION into $SCAFFOLD_PLAYWRIGHT failed"
  fi
fi

# --- mermaid (npm) ------------------------------------------------------------------
# Only its prebuilt browser bundle is used (injected into the page by
# scripts/check-mermaid.mjs); --ignore-scripts, as nothing needs building.
mermaid_installed() {
  [ "$(node -p 'require(process.argv[1]).version' "$SCAFFOLD_MERMAID/node_modules/mermaid/package.json" 2>/dev/null)" = "$MERMAID_VERSION" ] &&
    [ -f "$SCAFFOLD_MERMAID/node_modules/mermaid/dist/mermaid.min.js" ]
}
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  err "node and npm not found: they come with the machine and are needed for mermaid"
elif mermaid_installed; then
  log "mermaid $MERMAID_VERSION present in $SCAFFOLD_MERMAID"
else
  log "installing mermaid $MERMAID_VERSION into $SCAFFOLD_MERMAID with npm"
  t0=$(now)
  mkdir -p "$SCAFFOLD_MERMAID"
  if npm install --prefix "$SCAFFOLD_MERMAID" --save-exact --no-audit --no-fund --ignore-scripts --loglevel=error \
    "mermaid@$MERMAID_VERSION" >/dev/null && mermaid_installed; then
    log "installed mermaid $MERMAID_VERSION in $(($(now) - t0))s"
  else
    err "npm install mermaid@$MERMAID_VERSION into $SCAFFOLD_MERMAID failed"
  fi
fi

# --- the schema-only hashicorp/aws provider ---------------------------------------
provider_src="$SCAFFOLD_SHARED/tools/tf-schema-provider"
schema="$SCAFFOLD_SHARED/schemas/terraform/aws-provider-schema.json.gz"
platform="$(go env GOOS)_$(go env GOARCH)"
provider_dir="$SCAFFOLD_TF_MIRROR/registry.terraform.io/hashicorp/aws/$TF_PROVIDER_VERSION/$platform"
provider_bin="$provider_dir/terraform-provider-aws_v$TF_PROVIDER_VERSION"
stamp_file="$SCAFFOLD_TF_MIRROR/.scaffold-stamp"

if [ ! -f "$provider_src/install.sh" ]; then
  err "tf-schema-provider not found at $provider_src (set SCAFFOLD_SHARED to the shared folder)"
elif [ ! -f "$schema" ]; then
  err "provider schema not found: $schema"
else
  # Rebuild when the provider's source, the schema or the Go version change.
  stamp="$(
    cd "$provider_src"
    {
      go version
      sha256sum install.sh go.mod go.sum ./*.go "$schema" | sed "s|$SCAFFOLD_SHARED|SHARED|"
    } | sha256sum | cut -d' ' -f1
  )"
  if [ -x "$provider_bin" ] && [ -f "$provider_dir/aws-provider-schema.json.gz" ] &&
    [ "$(cat "$stamp_file" 2>/dev/null)" = "$stamp" ]; then
    log "terraform-provider-aws $TF_PROVIDER_VERSION (schema-only) present in $SCAFFOLD_TF_MIRROR"
  else
    log "building the schema-only terraform-provider-aws $TF_PROVIDER_VERSION into $SCAFFOLD_TF_MIRROR (about 1-2 minutes the first time)"
    t0=$(now)
    rm -rf "$SCAFFOLD_TF_MIRROR/registry.terraform.io/hashicorp/aws"
    mkdir -p "$SCAFFOLD_TF_MIRROR"
    # The shared folder is read-only: build with -mod=readonly (never touch its
    # go.sum), no workspace, and a writable Go build cache.
    gocache="$(go env GOCACHE)"
    if ! mkdir -p "$gocache" 2>/dev/null || [ ! -w "$gocache" ]; then gocache="$SCAFFOLD_CACHE/go-build"; fi
    if DEST="$SCAFFOLD_TF_MIRROR" SCHEMA="$schema" VERSION="$TF_PROVIDER_VERSION" \
      GOWORK=off GOFLAGS="-mod=readonly -buildvcs=false" GOCACHE="$gocache" \
      bash "$provider_src/install.sh"; then
      echo "$stamp" >"$stamp_file"
      log "built the provider in $(($(now) - t0))s"
    else
      err "building the schema-only provider failed ($provider_src/install.sh)"
    fi
  fi
fi

# --- Terraform CLI configuration -------------------------------------------------
mkdir -p "$(dirname "$TF_CLI_CONFIG_FILE")"
tfrc="$(
  cat <<EOF
# Written by scripts/install-tools.sh: hashicorp/aws comes from the offline
# schema-only provider; nothing is downloaded.
provider_installation {
  filesystem_mirror {
    path    = "$SCAFFOLD_TF_MIRROR"
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
disable_checkpoint = true
EOF
)"
if [ "$(cat "$TF_CLI_CONFIG_FILE" 2>/dev/null)" != "$tfrc" ]; then
  printf '%s\n' "$tfrc" >"$TF_CLI_CONFIG_FILE"
  log "wrote $TF_CLI_CONFIG_FILE"
fi

# --- tools that can only be verified here -------------------------------------
need() { # command, what to do when missing
  if command -v "$1" >/dev/null 2>&1; then return 0; fi
  err "$1 not found on PATH: $2"
  return 1
}
if need terraform "install Terraform 1.11.x (HashiCorp's downloads are unreachable from here; it comes with the machine)"; then
  tf_version="$(terraform version 2>/dev/null | sed -n 1p)"
  case "$tf_version" in
    "Terraform v1."*) ;;
    *) err "unexpected terraform version: $tf_version" ;;
  esac
fi
py_hint="it is a Python package (PyPI is unreachable from here, so it must come with the machine: pip install cfn-lint 'moto[server]' awscli)"
need python3 "$py_hint" || true
need cfn-lint "$py_hint" || true
need moto_server "$py_hint" || true
need aws "$py_hint" || true
py_versions=""
if command -v python3 >/dev/null 2>&1; then
  py_versions="$(python3 -c 'import cfnlint.version, moto, yaml; print(cfnlint.version.__version__, moto.__version__)' 2>/dev/null)" ||
    err "python3 ($(command -v python3)) cannot import cfnlint and moto: scripts/cicheck.py needs the python that has cfn-lint and moto ($py_hint)"
fi

if [ "$errors" -gt 0 ]; then
  echo "install-tools: $errors problem(s); see the errors above" >&2
  exit 1
fi

log "tools ready:"
{
  echo "  terraform   $(terraform version | sed -n 1p)"
  echo "  provider    hashicorp/aws $TF_PROVIDER_VERSION (schema-only) in $SCAFFOLD_TF_MIRROR"
  echo "  tflint      $(tflint --version | sed -n 1p) ($(command -v tflint))"
  echo "  tfsec       $TFSEC_VERSION ($(command -v tfsec))"
  echo "  cfn-lint    ${py_versions% *} ($(command -v cfn-lint))"
  echo "  moto        ${py_versions#* } ($(command -v moto_server))"
  echo "  aws         $(aws --version 2>&1)"
  echo "  shellcheck  $(shellcheck --version | awk '/^version:/ {print $2}')"
  echo "  yamllint    $(yamllint --version 2>&1)"
  echo "  chromium    $(/usr/bin/chromium --version 2>/dev/null) (/usr/bin/chromium)"
  echo "  playwright  playwright-core $PLAYWRIGHT_CORE_VERSION in $SCAFFOLD_PLAYWRIGHT"
  echo "  mermaid     mermaid $MERMAID_VERSION in $SCAFFOLD_MERMAID"
}
