#!/usr/bin/env bash
# Checks generated examples with the real tools, offline:
#
#   scripts/check-examples.sh [EXAMPLES_DIR]        (default: examples)
#
# An example is a folder EXAMPLES_DIR/NAME (or EXAMPLES_DIR/GROUP/NAME) that has
# a terraform/ and/or a cloudformation/ folder, and a README.md. Other files in
# EXAMPLES_DIR (Go tests) and the folders testdata, _* and .* are ignored; any
# other folder without an example in it is a failure. Zero examples is a failure.
#
#   NAME/README.md                     must exist and not be empty
#   NAME/terraform/                    a root module (*.tf; local modules in modules/)
#       terraform fmt -check -recursive; in a temporary copy (never in the tree,
#       so no .terraform/ or lock file is left behind): tflint (bundled terraform
#       ruleset, scripts/.tflint.hcl), tfsec (no HIGH or CRITICAL finding; inline
#       ignores count), terraform init -backend=false, validate, plan -refresh=false
#       with the schema-only hashicorp/aws 6.25; the plan must only create, and
#       the resources it creates are counted by type
#       A multi-stack root module (modules/ beside it, as pilot-light writes)
#       also gets tf-plan-regions: each module.<stack>'s resources must be
#       planned in the region of its provider alias (variable <stack>_region).
#   NAME/cloudformation/*.yaml|*.yml|*.json   one template per stack
#       cfn-lint with no error and no warning; then, in lexical order (or the
#       order of the names in cloudformation/deploy-order.txt, if present), each
#       is deployed to moto as stack NAME-TEMPLATE in us-east-1 (from a
#       converted copy in the temp folder when moto can't take it as written,
#       e.g. tagged AWS::KMS::Key in moto 5.2.1; reported as a gap):
#       CREATE_COMPLETE, the resources per type equal the template's (types
#       that moto does not implement are reported as gaps), and in a VPC the
#       stack created, the subnets, NAT gateways and route tables that EC2
#       reports match the template; and per SNS topic with SQS subscriptions:
#       a message without attributes arrives in every unfiltered queue (raw or
#       in the SNS envelope, as the template says) and in no filtered one, a
#       message matching each filter arrives in that queue, and in every queue
#       the message is received maxReceiveCount times, then moves to the DLQ.
#       A multi-stack example (cloudformation/deploy.sh beside the templates)
#       is instead deployed by its own deploy.sh with AWS_ENDPOINT_URL set,
#       from a copy whose templates moto can take (a dns.yaml gets a hosted
#       zone created in moto, passed as DNS_HOSTED_ZONE_ID): every stack must
#       end CREATE_COMPLETE in its own region. Then NAME/failover.sh, the
#       runbook's scripted steps, runs against the same moto: afterwards the
#       recovery database must be stoppable (RDS refuses to stop a read
#       replica), deletion-protected and hold its password in its own
#       region's Secrets Manager, and the recovery Auto Scaling group's
#       desired capacity must have moved from 0 to the runbook's DESIRED.
#       Parameters need defaults, or values in
#       cloudformation/TEMPLATE.parameters.json (aws CLI format). moto is reset
#       between examples, so examples never see each other's resources.
#       A root module with a backend "s3" block (--ci) is planned in the copy
#       with a local backend_override.tf, and checked against moto's S3: the
#       init command of NAME/pipeline/buildspec-terraform-plan.yml, as written,
#       with moto's endpoint added, then a plan that must write and release the
#       use_lockfile lock object.
#   NAME/pipeline/                     (--ci) the pipeline's own terraform/ and
#       cloudformation/ get the checks above; the commands of each
#       buildspec-*.yml, joined into one script under set -euo pipefail, are
#       checked with bash -n and ShellCheck. Buckets a stack creates are compared
#       with their template through the S3 API (settings moto's CloudFormation
#       ignores are gaps).
#   every *.yaml / *.yml               yamllint -s with scripts/.yamllint
#   every *.sh and executable #!...sh  shellcheck
#
# Prints each check's output, a summary table, and as its last line
# "N passed, M failed". Exits 1 if any check failed (a missing tool is a
# failure, never a skip). Tools: scripts/install-tools.sh installs them.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/tools-env.sh
source "$here/tools-env.sh"

EXAMPLES_DIR="${1:-examples}"
REGION=us-east-1
CICHECK=("python3" "$here/cicheck.py")

t_start=$EPOCHREALTIME
work="$(mktemp -d "${TMPDIR:-/tmp}/scaffold-check.XXXXXX")"
export CICHECK_CACHE="$work" # cicheck.py caches moto's resource types there
moto_pid=""
moto_port=""

cleanup() {
  if [ -n "$moto_pid" ]; then
    kill "$moto_pid" 2>/dev/null
    wait "$moto_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Dummy credentials for moto; never a real profile or config file.
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
export AWS_DEFAULT_REGION="$REGION" AWS_REGION="$REGION"
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_MAX_ATTEMPTS=2 # moto is local: retrying its errors only slows the failure down
unset AWS_PROFILE AWS_ENDPOINT_URL

# ------------------------------------------------------------------ bookkeeping

results=() # "example<TAB>check<TAB>PASS|FAIL|n/a<TAB>seconds<TAB>note"
gaps=()
passed=0
failed=0

elapsed() { # seconds since $1 (an $EPOCHREALTIME), one decimal
  awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'
}

record() { # example check status seconds note
  results+=("$1"$'\t'"$2"$'\t'"$3"$'\t'"$4"$'\t'"${5:-}")
  case "$3" in
    PASS) passed=$((passed + 1)) ;;
    FAIL) failed=$((failed + 1)) ;;
  esac
}

# run_check EXAMPLE CHECK CMD...: runs CMD, shows its output indented, and
# records PASS (exit 0), n/a (exit 3 from cicheck.py) or FAIL. Output lines
# starting with "GAP:" are collected for the summary.
run_check() {
  local ex="$1" name="$2" t0 rc log line
  shift 2
  log="$work/check.log"
  echo "── $ex: $name"
  t0=$EPOCHREALTIME
  "$@" >"$log" 2>&1
  rc=$?
  sed 's/^/    /' "$log"
  while IFS= read -r line; do gaps+=("$ex: ${line#*GAP: }"); done < <(grep -o 'GAP: .*' "$log")
  local secs
  secs="$(elapsed "$t0")"
  if [ "$rc" -eq 0 ]; then
    record "$ex" "$name" PASS "$secs"
    echo "   PASS ($secs s)"
  elif [ "$rc" -eq 3 ] && [ "${1:-}" = "${CICHECK[0]}" ]; then
    record "$ex" "$name" n/a "$secs" "not applicable"
    echo "   n/a ($secs s)"
  else
    record "$ex" "$name" FAIL "$secs" "exit $rc"
    echo "   FAIL (exit $rc, $secs s)"
  fi
  return "$rc"
}

not_run() { # example check reason
  echo "── $1: $2"
  echo "   FAIL (not run: $3)"
  record "$1" "$2" FAIL 0.0 "not run: $3"
}

# -------------------------------------------------------------------- the tools

check_tools() {
  local missing=() t
  for t in terraform tflint tfsec cfn-lint yamllint shellcheck moto_server aws python3; do
    command -v "$t" >/dev/null 2>&1 || missing+=("$t")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "missing tools: ${missing[*]} (run scripts/install-tools.sh)"
    return 1
  fi
  if [ ! -f "$TF_CLI_CONFIG_FILE" ] || [ ! -d "$SCAFFOLD_TF_MIRROR/registry.terraform.io/hashicorp/aws" ]; then
    echo "the offline hashicorp/aws provider is not installed in $SCAFFOLD_TF_MIRROR (run scripts/install-tools.sh)"
    return 1
  fi
  local v
  v="$(python3 -c 'import cfnlint.version, moto; print(cfnlint.version.__version__, moto.__version__)')" || {
    echo "python3 ($(command -v python3)) cannot import cfnlint and moto"
    return 1
  }
  echo "$(terraform version | sed -n 1p); $(tflint --version | sed -n 1p); cfn-lint ${v% *}; moto ${v#* }"
  echo "terraform CLI config: $TF_CLI_CONFIG_FILE"
}

# ------------------------------------------------------------------- terraform

tf_plan() { # dir plan-file
  local out="$work/plan.out"
  if ! (cd "$1" && terraform plan -input=false -refresh=false -lock=false -no-color -compact-warnings -out="$2") >"$out" 2>&1; then
    cat "$out"
    return 1
  fi
  grep -E '^(Plan:|No changes|Warning|│)' "$out"
  (cd "$1" && terraform show -json -no-color "$2") >"$2.json" || return 1
  "${CICHECK[@]}" plan-summary "$2.json"
}

tf_in() { # dir terraform-args...
  (cd "$1" && shift && terraform "$@")
}

tf_init() { # dir [backend]: the full output only when init fails; with "backend", the
  # (local) backend is initialised too, which a backend override needs
  local out="$work/init.out" backend=(-backend=false)
  [ "${2:-}" = backend ] && backend=()
  if ! tf_in "$1" init "${backend[@]}" -input=false -no-color >"$out" 2>&1; then
    cat "$out"
    return 1
  fi
  grep -E '^- (Installed|Using)|successfully initialized' "$out"
}

tflint_run() { # dir
  (cd "$1" && tflint --recursive --config="$here/.tflint.hcl" --format=compact --no-color --minimum-failure-severity=notice)
}

tfsec_run() { # dir
  (cd "$1" && tfsec . --minimum-severity HIGH --no-color --concise-output --no-module-downloads --exclude-downloaded-modules)
}

check_terraform() { # example dir
  local ex="$1" src="$2/terraform" tmp plan
  if ! compgen -G "$src/*.tf" >/dev/null; then
    not_run "$ex" terraform "no *.tf files in $src"
    return
  fi
  run_check "$ex" tf-fmt terraform -chdir="$src" fmt -check -recursive -diff -no-color

  # Everything else runs in a copy, never in the tree.
  tmp="$work/tf/$(echo "$ex" | tr '/' '_')"
  mkdir -p "$tmp"
  cp -R "$src/." "$tmp/"
  find "$tmp" \( -name .terraform -o -name .terraform.lock.hcl -o -name '*.tfstate*' \) -prune -exec rm -rf {} +

  run_check "$ex" tflint tflint_run "$tmp"
  run_check "$ex" tfsec tfsec_run "$tmp"
  # A remote backend (--ci: a partial S3 block the pipeline completes at
  # init) is checked against moto's S3 below; here the copy is planned
  # against a local backend, which an override file swaps in.
  local remote=""
  if grep -Eqs '^[[:space:]]*backend[[:space:]]+"s3"' "$tmp"/*.tf; then
    remote=backend
    printf 'terraform {\n  backend "local" {}\n}\n' >"$tmp/backend_override.tf"
    echo "(backend \"s3\" in $src: planned here with a local backend_override.tf in the copy)"
  fi
  if run_check "$ex" tf-init tf_init "$tmp" $remote; then
    run_check "$ex" tf-validate tf_in "$tmp" validate -no-color
    plan="$work/$(echo "$ex" | tr '/' '_').tfplan"
    if run_check "$ex" tf-plan tf_plan "$tmp" "$plan" && [ -d "$tmp/modules" ]; then
      # A multi-stack root module: each stack's module is planned in the
      # region its provider alias was given.
      run_check "$ex" tf-plan-regions "${CICHECK[@]}" plan-regions "$plan.json"
    fi
  else
    not_run "$ex" tf-validate "tf-init failed"
    not_run "$ex" tf-plan "tf-init failed"
  fi
  if [ -n "$remote" ]; then
    local buildspec="$2/pipeline/buildspec-terraform-plan.yml"
    if [ -f "$buildspec" ]; then
      run_check "$ex" tf-backend-s3 tf_backend_s3 "$ex" "$src" "$buildspec"
    else
      not_run "$ex" tf-backend-s3 "backend \"s3\" but no $buildspec to take the init command from"
    fi
  fi
}

# tf_backend_s3 EXAMPLE SRC BUILDSPEC: runs the buildspec's own terraform init
# (the pipeline's -backend-config flags, with the state bucket, key and KMS key
# in the variables the CodeBuild project sets) against moto's S3, in a copy,
# then a plan that takes the lock: proves that backend.tf and the pipeline's
# flags together configure a working, locking, KMS-encrypted S3 backend.
tf_backend_s3() {
  local ex="$1" src="$2" buildspec="$3" root init key bucket locks_before locks_after
  moto_start || return 1
  root="$work/backend/$(echo "$ex" | tr '/' '_')"
  rm -rf "$root" && mkdir -p "$root/terraform"
  cp -R "$src/." "$root/terraform/"
  find "$root" \( -name .terraform -o -name .terraform.lock.hcl -o -name '*.tfstate*' \) -prune -exec rm -rf {} +
  init="$("${CICHECK[@]}" buildspec-command "$buildspec" " init ")" || return 1
  echo "buildspec init: $init"
  bucket="scaffold-check-state-$(date +%s%N | tail -c 8)"
  awsm s3api create-bucket --bucket "$bucket" >/dev/null || return 1
  key="$(awsm kms create-key --query KeyMetadata.Arn --output text)" || return 1
  locks_before="$(grep -c '\.tflock' "$work/moto.log" || true)"
  # moto stands in for S3: the endpoint and the checks real S3 does not need
  # are appended; everything else is the buildspec's command as written.
  (
    cd "$root" &&
      TF_STATE_BUCKET="$bucket" TF_STATE_KEY="scaffold-check/terraform.tfstate" TF_STATE_KMS_KEY_ID="$key" AWS_REGION="$REGION" \
        bash -c "$init"' "$@"' init \
        -backend-config="endpoints={s3=\"http://127.0.0.1:$moto_port\"}" -backend-config=use_path_style=true \
        -backend-config=skip_credentials_validation=true -backend-config=skip_requesting_account_id=true \
        -backend-config=skip_metadata_api_check=true >"$work/backend-init.out" 2>&1
  ) || {
    cat "$work/backend-init.out"
    return 1
  }
  grep -E 'Successfully configured the backend "s3"' "$work/backend-init.out" || {
    cat "$work/backend-init.out"
    return 1
  }
  tf_in "$root/terraform" plan -input=false -refresh=false -no-color -out="$root/tfplan" >"$work/backend-plan.out" 2>&1 || {
    cat "$work/backend-plan.out"
    return 1
  }
  grep -E '^Plan:' "$work/backend-plan.out"
  locks_after="$(grep -c '\.tflock' "$work/moto.log" || true)"
  if [ "$locks_after" -le "$locks_before" ]; then
    echo "FAIL: the plan did not take a lock object in the state bucket (use_lockfile)"
    return 1
  fi
  echo "lock object written and released in s3://$bucket ($((locks_after - locks_before)) requests)"
  # shellcheck disable=SC2016 # backticks are a JMESPath literal, not a command
  if [ "$(awsm s3api list-objects-v2 --bucket "$bucket" --query 'length(Contents || `[]`)' --output text)" != 0 ]; then
    echo "FAIL: objects left in the state bucket after a plan (a lock not released?)"
    awsm s3api list-objects-v2 --bucket "$bucket" --query 'Contents[].Key' --output text
    return 1
  fi
}

# -------------------------------------------------------------- cloudformation

moto_call() { # path [method]: HTTP request to moto, 0 if it answered 2xx
  python3 - "http://127.0.0.1:$moto_port$1" "${2:-GET}" <<'EOF'
import sys, urllib.request
try:
    urllib.request.urlopen(urllib.request.Request(sys.argv[1], method=sys.argv[2], data=b"" if sys.argv[2] == "POST" else None), timeout=2)
except Exception:
    sys.exit(1)
EOF
}

moto_start() {
  [ -n "$moto_pid" ] && return 0
  moto_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  echo "starting moto_server on 127.0.0.1:$moto_port"
  moto_server -H 127.0.0.1 -p "$moto_port" >"$work/moto.log" 2>&1 &
  moto_pid=$!
  local i
  for i in $(seq 1 300); do
    if moto_call /moto-api/reset POST; then
      echo "moto answered after $((i / 10)).$((i % 10)) s"
      return 0
    fi
    if ! kill -0 "$moto_pid" 2>/dev/null; then
      cat "$work/moto.log"
      moto_pid=""
      return 1
    fi
    sleep 0.1
  done
  echo "moto_server did not answer within 30 s"
  cat "$work/moto.log"
  return 1
}

awsm() { aws --endpoint-url "http://127.0.0.1:$moto_port" --region "$REGION" "$@"; }

stack_name() { # example template -> a valid stack name
  local s
  s="$(echo "$1-$(basename "${2%.*}")" | tr -c 'A-Za-z0-9-\n' '-')"
  case "$s" in [A-Za-z]*) ;; *) s="x$s" ;; esac
  echo "${s:0:128}"
}

cfn_lint_run() { # template
  local rc=0
  cfn-lint --format parseable -- "$1" || rc=$?
  # cfn-lint's exit code is a bit mask: 2 error, 4 warning, 8 informational.
  if [ $((rc & ~8)) -ne 0 ]; then return 1; fi
  [ "$rc" -eq 8 ] && echo "(informational findings only)"
  return 0
}

cfn_deploy() { # stack template [parameters.json]
  local stack="$1" tpl="$2" params=() status i body copy rc=0
  [ -n "${3:-}" ] && params=(--parameters "file://$3")
  "${CICHECK[@]}" params "$tpl" ${3:+"$3"} || return 1
  # What moto can't take as written (tagged KMS keys in moto 5.2.1) is deployed
  # from a converted copy in $work, reported as a gap; the tree is never changed.
  body="$tpl"
  copy="$work/moto-$stack.json"
  CICHECK_MOTO_ENDPOINT="http://127.0.0.1:$moto_port" "${CICHECK[@]}" moto-template "$tpl" "$copy" || rc=$?
  case "$rc" in
    0) body="$copy" ;;
    3) ;;
    *) return 1 ;;
  esac
  if ! awsm cloudformation create-stack --stack-name "$stack" --template-body "file://$body" \
    --capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND "${params[@]}" --output text; then
    echo "create-stack failed; moto log (last 30 lines):"
    tail -n 30 "$work/moto.log"
    return 1
  fi
  for i in $(seq 1 300); do
    status="$(awsm cloudformation describe-stacks --stack-name "$stack" --query 'Stacks[0].StackStatus' --output text)" || return 1
    case "$status" in
      *_IN_PROGRESS) sleep 1 ;;
      *) break ;;
    esac
  done
  echo "stack $stack: $status"
  if [ "$status" != CREATE_COMPLETE ]; then
    echo "stack events:"
    awsm cloudformation describe-stack-events --stack-name "$stack" \
      --query 'StackEvents[].[ResourceStatus,ResourceType,LogicalResourceId,ResourceStatusReason]' --output text
    echo "moto log (last 30 lines):"
    tail -n 30 "$work/moto.log"
    return 1
  fi
  awsm cloudformation describe-stacks --stack-name "$stack" \
    --query 'Stacks[0].Outputs[].[OutputKey,OutputValue]' --output text | sed 's/^/output: /'
}

cfn_resources() { # stack template resources.json
  awsm cloudformation list-stack-resources --stack-name "$1" --output json >"$3" || return 1
  "${CICHECK[@]}" resources "$2" "$3"
}

check_cloudformation() { # example dir
  local ex="$1" dir="$2/cloudformation" templates=() t base stack res f
  if [ -f "$dir/deploy-order.txt" ]; then
    while IFS= read -r f; do
      f="${f%%#*}"
      f="$(echo "$f" | tr -d '[:space:]')"
      [ -n "$f" ] && templates+=("$dir/$f")
    done <"$dir/deploy-order.txt"
  fi
  for f in "$dir"/*.yaml "$dir"/*.yml "$dir"/*.json; do
    [ -f "$f" ] || continue
    case "$f" in *.parameters.json) continue ;; esac
    case " ${templates[*]} " in *" $f "*) continue ;; esac
    templates+=("$f")
  done
  if [ "${#templates[@]}" -eq 0 ]; then
    not_run "$ex" cfn "no templates (*.yaml, *.yml, *.json) in $dir"
    return
  fi
  for t in "${templates[@]}"; do
    if [ -f "$t" ]; then
      run_check "$ex" "cfn-lint:$(basename "$t")" cfn_lint_run "$t"
    else
      not_run "$ex" "cfn-lint:$(basename "$t")" "$t (named in deploy-order.txt) does not exist"
    fi
  done

  if [ -f "$dir/deploy.sh" ]; then
    # A multi-stack example deploys through its own deploy.sh, which wires
    # each stack's outputs into the next one's parameters.
    check_bundle "$ex" "$2"
    return
  fi
  if ! moto_start; then
    for t in "${templates[@]}"; do not_run "$ex" "cfn-deploy:$(basename "$t")" "moto_server did not start"; done
    return
  fi
  moto_call /moto-api/reset POST || echo "warning: resetting moto failed"
  for t in "${templates[@]}"; do
    [ -f "$t" ] || continue
    base="$(basename "$t")"
    stack="$(stack_name "$ex" "$t")"
    res="$work/resources-$stack.json"
    f="${t%.*}.parameters.json"
    [ -f "$f" ] || f=""
    if run_check "$ex" "cfn-deploy:$base" cfn_deploy "$stack" "$t" ${f:+"$f"}; then
      run_check "$ex" "cfn-resources:$base" cfn_resources "$stack" "$t" "$res"
      if [ -s "$res" ]; then
        run_check "$ex" "cfn-vpc:$base" "${CICHECK[@]}" vpc "$t" "$res" "http://127.0.0.1:$moto_port" "$REGION"
        run_check "$ex" "cfn-fanout:$base" "${CICHECK[@]}" fanout "$t" "$res" "http://127.0.0.1:$moto_port" "$REGION"
        run_check "$ex" "cfn-asg:$base" "${CICHECK[@]}" asg "$t" "$res" "http://127.0.0.1:$moto_port" "$REGION"
        run_check "$ex" "cfn-s3:$base" "${CICHECK[@]}" s3 "$t" "$res" "http://127.0.0.1:$moto_port" "$REGION"
      else
        not_run "$ex" "cfn-vpc:$base" "no stack resources"
      fi
    else
      not_run "$ex" "cfn-resources:$base" "cfn-deploy failed"
    fi
  done
}

# ------------------------------------------------------- multi-stack (bundle)

# bundle_copy EXAMPLE DIR: copies the example to $work/bundle/EXAMPLE with
# each template replaced by the copy moto can take (see cfn_deploy), and
# prints the copy's path last.
bundle_copy() {
  local ex="$1" src="$2" copy t rc
  copy="$work/bundle/$(echo "$ex" | tr '/' '_')"
  rm -rf "$copy" && mkdir -p "$copy" && cp -R "$src/." "$copy/" || return 1
  for t in "$copy"/cloudformation/*.yaml; do
    rc=0
    CICHECK_MOTO_ENDPOINT="http://127.0.0.1:$moto_port" "${CICHECK[@]}" moto-template "$t" "$t.moto" || rc=$?
    case "$rc" in
      0) mv "$t.moto" "$t" ;; # JSON is YAML: deploy.sh reads it under the same name
      3) ;;
      *) return 1 ;;
    esac
  done
}

# bundle_stacks DEPLOY_SH: prints "STACK REGION" per stack, in deploy order,
# from the settings block of deploy.sh (prefix="${STACK_PREFIX:-p}" and
# <stack>_region="${<STACK>_REGION:-region}"), and the prefix first.
bundle_stacks() {
  sed -n 's/^prefix="${STACK_PREFIX:-\([A-Za-z0-9-]*\)}"$/prefix \1/p; s/^\([a-z][a-z0-9]*\)_region="${[A-Z0-9_]*:-\([a-z0-9-]*\)}"$/\1 \2/p' "$1"
}

# bundle_deployed DEPLOY_SH: every stack CREATE_COMPLETE in its own region.
bundle_deployed() {
  local prefix="" name region status ok=0 n=0
  while read -r name region; do
    if [ "$name" = prefix ]; then
      prefix="$region"
      continue
    fi
    n=$((n + 1))
    status="$(aws --endpoint-url "http://127.0.0.1:$moto_port" cloudformation describe-stacks --region "$region" \
      --stack-name "$prefix-$name" --query 'Stacks[0].StackStatus' --output text 2>&1)" || status="(missing: $status)"
    echo "$prefix-$name in $region: $status"
    [ "$status" = CREATE_COMPLETE ] || ok=1
  done < <(bundle_stacks "$1")
  [ "$n" -gt 0 ] || { echo "no stacks found in $1"; return 1; }
  return "$ok"
}

# script_default SCRIPT VAR: the default a generated script gives VAR
# (VAR="${ENV:-default}").
script_default() {
  sed -n 's/^'"$2"'="${[A-Z0-9_]*:-\([^}]*\)}"$/\1/p' "$1"
}

# failover_run DIR: runs the example's failover.sh against moto, then checks
# what it promised: the recovery database is no longer a read replica (it
# can be stopped, which RDS refuses for a replica, and it has deletion
# protection), the replica of the credentials secret can be read in the
# recovery region, and the recovery Auto Scaling group's desired capacity
# changed from 0 to the runbook's DESIRED.
failover_run() {
  local dir="$1" script="$1/failover.sh" region name desired before after source
  region="$(script_default "$script" DR_REGION)"
  name="$(script_default "$script" NAME)"
  desired="$(script_default "$script" DESIRED)"
  awsd() { aws --endpoint-url "http://127.0.0.1:$moto_port" --region "$region" "$@"; }
  before="$(awsd autoscaling describe-auto-scaling-groups --auto-scaling-group-names "$name-web" \
    --query 'AutoScalingGroups[0].DesiredCapacity' --output text)" || return 1
  source="$(awsd rds describe-db-instances --db-instance-identifier "$name-db-replica" \
    --query 'DBInstances[0].ReadReplicaSourceDBInstanceIdentifier' --output text)" || return 1
  echo "before: $name-web desired $before in $region; $name-db-replica replicates $source"
  if [ -z "$source" ] || [ "$source" = None ]; then
    echo "FAIL: $name-db-replica is not a read replica before the failover"
    return 1
  fi
  if awsd rds stop-db-instance --db-instance-identifier "$name-db-replica" >/dev/null 2>&1; then
    echo "FAIL: $name-db-replica could be stopped before the failover, so it is not a read replica"
    return 1
  fi
  secret_stand_in "$dir" "$name" "$region" || return 1
  AWS_ENDPOINT_URL="http://127.0.0.1:$moto_port" "$script" || return 1
  after="$(awsd autoscaling describe-auto-scaling-groups --auto-scaling-group-names "$name-web" \
    --query 'AutoScalingGroups[0].DesiredCapacity' --output text)" || return 1
  source="$(awsd rds describe-db-instances --db-instance-identifier "$name-db-replica" \
    --query 'DBInstances[0].ReadReplicaSourceDBInstanceIdentifier' --output text)" || return 1
  echo "after: $name-web desired $after; $name-db-replica replicates ${source:-nothing}"
  if [ "$after" = "$before" ] || [ "$after" != "$desired" ]; then
    echo "FAIL: the recovery group's desired capacity is $after, want $desired (it was $before)"
    return 1
  fi
  # moto 5.2 promotes (it stops treating the instance as a replica) but
  # keeps reporting ReadReplicaSourceDBInstanceIdentifier. What it does
  # enforce is AWS's rule that a read replica cannot be stopped, so a stop
  # that succeeds proves the promotion; the field is checked where the
  # emulator clears it.
  if [ -n "$source" ] && [ "$source" != None ]; then
    echo "GAP: moto $(python3 -c 'import moto; print(moto.__version__)') still reports ReadReplicaSourceDBInstanceIdentifier=$source after promote-read-replica; the promotion is checked by stopping the instance instead (RDS refuses to stop a read replica)"
  fi
  if ! awsd rds stop-db-instance --db-instance-identifier "$name-db-replica" --query 'DBInstance.DBInstanceStatus' --output text; then
    echo "FAIL: $name-db-replica cannot be stopped, so it is still a read replica"
    return 1
  fi
  echo "$name-db-replica could be stopped: it is a standalone database now"
  if [ "$(awsd rds describe-db-instances --db-instance-identifier "$name-db-replica" --query 'DBInstances[0].DeletionProtection' --output text)" != True ]; then
    echo "FAIL: the promoted database has no deletion protection"
    return 1
  fi
  local secret
  secret="$(awsd secretsmanager describe-secret --secret-id "$name-db-credentials" --query ARN --output text)"
  case "$secret" in
    arn:*:secretsmanager:"$region":*) echo "the database credentials are readable in $region: $secret" ;;
    *)
      echo "FAIL: no replica of the credentials secret $name-db-credentials in $region ($secret)"
      return 1
      ;;
  esac
}

# secret_stand_in DIR NAME DR_REGION: moto's CloudFormation does not
# implement AWS::SecretsManager::Secret, so the copy deployed without the
# credentials secret. Its Secrets Manager API does replicate secrets, so
# the secret is created there as the primary stack's template describes
# it (a generated password under "password", a replica in the recovery
# region), and the runbook's reads of the replica are checked for real.
secret_stand_in() {
  local dir="$1" name="$2" region="$3" primary user password
  primary="$(script_default "$dir/failover.sh" PRIMARY_REGION)"
  awsp() { aws --endpoint-url "http://127.0.0.1:$moto_port" --region "$primary" "$@"; }
  if awsp secretsmanager describe-secret --secret-id "$name-db-credentials" >/dev/null 2>&1; then
    return 0
  fi
  # The user name, as the secret's Terraform value spells it (the copy's
  # template lost the secret with the stand-in).
  user="$(sed -n 's/^ *username *= *"\([^"]*\)"$/\1/p' "$dir/terraform/modules/primary/main.tf" | sed -n 1p)"
  [ -n "$user" ] || { echo "no username in $dir/terraform/modules/primary/main.tf"; return 1; }
  password="$(awsp secretsmanager get-random-password --password-length 32 --exclude-characters "\"@/\\ '" \
    --query RandomPassword --output text)" || return 1
  awsp secretsmanager create-secret --name "$name-db-credentials" \
    --add-replica-regions "Region=$region,KmsKeyId=alias/aws/secretsmanager" \
    --secret-string "$(python3 -c 'import json, sys; print(json.dumps({"username": sys.argv[1], "password": sys.argv[2]}))' "$user" "$password")" \
    --query ARN --output text || return 1
  echo "GAP: moto $(python3 -c 'import moto; print(moto.__version__)') CloudFormation does not implement AWS::SecretsManager::Secret: the credentials secret $name-db-credentials (user $user) was created in $primary with the Secrets Manager API, replicated to $region, before the failover"
}

# check_bundle EXAMPLE DIR: deploy.sh against moto, every stack
# CREATE_COMPLETE in its region, then the runbook's failover.sh and its
# effect. moto is reset first, so examples never see each other.
check_bundle() {
  local ex="$1" dir="$2" copy
  if ! moto_start; then
    not_run "$ex" cfn-bundle-deploy "moto_server did not start"
    return
  fi
  moto_call /moto-api/reset POST || echo "warning: resetting moto failed"
  copy="$work/bundle/$(echo "$ex" | tr '/' '_')"
  if ! run_check "$ex" cfn-bundle-copy bundle_copy "$ex" "$dir"; then
    not_run "$ex" cfn-bundle-deploy "no copy for moto"
    return
  fi
  # A dns stack needs its hosted zone to exist; moto picks the zone's ID, so
  # the zone is created for the template's default domain and its ID given
  # to deploy.sh the way a user overrides a parameter (DNS_HOSTED_ZONE_ID).
  local zone_env=()
  if [ -f "$copy/cloudformation/dns.yaml" ]; then
    local domain zone
    domain="$(sed -n '/^  Domain:$/,/^  [A-Za-z]/s/^    Default: //p' "$copy/cloudformation/dns.yaml")"
    zone="$(aws --endpoint-url "http://127.0.0.1:$moto_port" route53 create-hosted-zone --name "$domain" \
      --caller-reference "scaffold-check-$ex" --query 'HostedZone.Id' --output text)"
    zone="${zone##*/}"
    echo "created hosted zone $zone for $domain in moto (DNS_HOSTED_ZONE_ID)"
    zone_env=(DNS_HOSTED_ZONE_ID="$zone")
  fi
  if run_check "$ex" cfn-bundle-deploy env AWS_ENDPOINT_URL="http://127.0.0.1:$moto_port" ${zone_env[@]+"${zone_env[@]}"} "$copy/cloudformation/deploy.sh"; then
    run_check "$ex" cfn-bundle-stacks bundle_deployed "$copy/cloudformation/deploy.sh"
    if [ -x "$copy/failover.sh" ]; then
      run_check "$ex" failover failover_run "$copy"
    fi
  else
    run_check "$ex" cfn-bundle-stacks bundle_deployed "$copy/cloudformation/deploy.sh"
    [ -x "$copy/failover.sh" ] && not_run "$ex" failover "deploy.sh failed"
  fi
}

# ------------------------------------------------------------------ other files

check_other() { # example dir
  local ex="$1" dir="$2" yaml=() sh=() f
  while IFS= read -r -d '' f; do yaml+=("$f"); done < <(find "$dir" -name .terraform -prune -o -type f \( -name '*.yaml' -o -name '*.yml' \) -print0 | sort -z)
  if [ "${#yaml[@]}" -gt 0 ]; then
    run_check "$ex" yamllint yamllint -s -f parsable -c "$here/.yamllint" "${yaml[@]}"
  fi
  while IFS= read -r -d '' f; do
    case "$f" in
      *.sh) sh+=("$f") ;;
      *) [ -x "$f" ] && head -n 1 "$f" | grep -Eq '^#!.*(/|env )(ba|da|k)?sh\b' && sh+=("$f") ;;
    esac
  done < <(find "$dir" -name .terraform -prune -o -type f -print0 | sort -z)
  if [ "${#sh[@]}" -gt 0 ]; then
    run_check "$ex" shellcheck shellcheck -x -P SCRIPTDIR "${sh[@]}"
  fi
}

# check_buildspecs EXAMPLE DIR: every pipeline/buildspec-*.yml's commands, as the
# one bash script CodeBuild runs them as, under set -euo pipefail, through
# bash -n and ShellCheck.
check_buildspecs() {
  local ex="$1" dir="$2" f script
  for f in "$dir"/pipeline/buildspec-*.yml; do
    [ -f "$f" ] || continue
    script="$work/$(echo "$ex" | tr '/' '_')-$(basename "${f%.yml}").sh"
    if run_check "$ex" "buildspec-extract:$(basename "$f")" "${CICHECK[@]}" buildspec-script "$f" "$script"; then
      run_check "$ex" "buildspec-bash:$(basename "$f")" bash -n "$script"
      run_check "$ex" "buildspec-shellcheck:$(basename "$f")" shellcheck -s bash "$script"
    else
      not_run "$ex" "buildspec-bash:$(basename "$f")" "no commands extracted"
    fi
  done
}

check_example() { # name dir
  local ex="$1" dir="$2" t0
  echo
  echo "══════ $ex ($dir)"
  t0=$EPOCHREALTIME
  run_check "$ex" readme test -s "$dir/README.md"
  if [ -d "$dir/terraform" ]; then check_terraform "$ex" "$dir"; else echo "(no terraform/: Terraform checks not applicable)"; fi
  if [ -d "$dir/cloudformation" ]; then check_cloudformation "$ex" "$dir"; else echo "(no cloudformation/: CloudFormation checks not applicable)"; fi
  if [ -d "$dir/pipeline" ]; then
    # --ci: the pipeline's own code gets every check the deployment's gets.
    run_check "$ex/pipeline" readme test -s "$dir/pipeline/README.md"
    [ -d "$dir/pipeline/terraform" ] && check_terraform "$ex/pipeline" "$dir/pipeline"
    [ -d "$dir/pipeline/cloudformation" ] && check_cloudformation "$ex/pipeline" "$dir/pipeline"
    check_buildspecs "$ex" "$dir"
  fi
  check_other "$ex" "$dir"
  echo "══════ $ex done in $(elapsed "$t0") s"
}

# ------------------------------------------------------------------------ main

is_example() { [ -d "$1/terraform" ] || [ -d "$1/cloudformation" ]; }

main() {
  local examples=() bad=() d n nested
  if ! run_check tools tools check_tools; then
    summary
    return 1
  fi
  if [ ! -d "$EXAMPLES_DIR" ]; then
    not_run examples layout "$EXAMPLES_DIR is not a folder"
    summary
    return 1
  fi
  for d in "$EXAMPLES_DIR"/*/; do
    [ -d "$d" ] || continue
    d="${d%/}"
    case "$(basename "$d")" in testdata | _* | .*) continue ;; esac # Go's ignored folders
    # A lab example (its lab file beside the generated class) has its own
    # checks: scripts/check-lab.sh.
    [ -f "$d/lab.yaml" ] && continue
    if is_example "$d"; then
      examples+=("$d")
    else
      nested=0
      for n in "$d"/*/; do
        n="${n%/}"
        if [ -d "$n" ] && is_example "$n"; then
          examples+=("$n")
          nested=1
        fi
      done
      [ "$nested" -eq 1 ] || bad+=("$d")
    fi
  done
  if [ "${#examples[@]}" -eq 0 ]; then
    not_run examples layout "no example (a folder with terraform/ or cloudformation/) under $EXAMPLES_DIR"
  elif [ "${#bad[@]}" -gt 0 ]; then
    not_run examples layout "neither terraform/ nor cloudformation/ in: ${bad[*]}"
  else
    echo "── examples: ${#examples[@]} under $EXAMPLES_DIR"
    record examples layout PASS 0.0 "${#examples[@]} examples"
  fi
  for d in "${examples[@]}"; do
    check_example "${d#"$EXAMPLES_DIR"/}" "$d"
  done
  summary
  [ "$failed" -eq 0 ]
}

summary() {
  local r ex name status secs note w1=7 w2=5
  for r in "${results[@]}"; do
    IFS=$'\t' read -r ex name status secs note <<<"$r"
    [ "${#ex}" -gt "$w1" ] && w1=${#ex}
    [ "${#name}" -gt "$w2" ] && w2=${#name}
  done
  echo
  echo "══════ summary"
  printf "%-${w1}s  %-${w2}s  %-6s %8s  %s\n" example check result seconds note
  for r in "${results[@]}"; do
    IFS=$'\t' read -r ex name status secs note <<<"$r"
    printf "%-${w1}s  %-${w2}s  %-6s %8s  %s\n" "$ex" "$name" "$status" "$secs" "$note"
  done
  echo
  echo "Known gaps (checks that the offline tools cannot make):"
  echo "  - tflint runs only its bundled terraform ruleset: the aws ruleset plugin cannot be downloaded here"
  echo "  - terraform plan uses the schema-only hashicorp/aws 6.25: no provider-side validation (enums, regexes, conflicts)"
  local g
  for g in ${gaps[@]+"${gaps[@]}"}; do echo "  - $g"; done
  echo
  echo "total time $(elapsed "$t_start") s"
  echo "$passed passed, $failed failed"
}

main
