#!/usr/bin/env bash
# Checks multi-stack (bundle) output with the real tools, offline:
#
#   scripts/check-bundle.sh
#
# It renders the test bundles of internal/testbundle through the real pipeline
# (cmdutil.GenerateBundle, via `go test ./cmd/cmdutil -run TestWriteTestBundles
# -args -bundle-out DIR`) into a temporary folder, then for each bundle:
#
#   terraform/        terraform fmt -check -recursive; in a copy: tflint
#                     --recursive, tfsec (no HIGH or CRITICAL), terraform init,
#                     validate, plan. The plan must only create, and every
#                     resource of module.<stack> must be planned in that stack's
#                     region (the provider alias it was given); it is planned a
#                     second time with -var dr_region=eu-west-1, and the dr
#                     stack's resources must follow.
#   cloudformation/   cfn-lint and yamllint -s on every template; deploy.sh and
#                     destroy.sh through bash -n and shellcheck.
#
# and for the two-regions bundle, against a local moto_server:
#
#   deploy.sh         with AWS_ENDPOINT_URL set: every stack CREATE_COMPLETE in
#                     its own region (and absent from the other), the values
#                     wired between stacks arrived as parameters (describe-stacks
#                     Parameters equal the producing stacks' outputs), and the
#                     security group they configure exists in the primary VPC
#                     with the DR range; a second run updates in place; a third,
#                     with STACK_PREFIX, DR_REGION and the stacks' NAME
#                     parameters set from the environment, deploys a second
#                     copy with the dr stack in the overridden region.
#   destroy.sh        deletes in reverse order, waiting for each stack.
#
# Prints each check's output and, as its last line, "N passed, M failed". Exits
# 1 if any check failed; a missing tool is a failure, never a skip. Emulator
# limits are printed as gaps, not failures.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/tools-env.sh
source "$here/tools-env.sh"

work="$(mktemp -d "${TMPDIR:-/tmp}/scaffold-bundle.XXXXXX")"
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
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_MAX_ATTEMPTS=2
# No default region: every call of the scripts must name its region itself.
unset AWS_PROFILE AWS_ENDPOINT_URL AWS_REGION AWS_DEFAULT_REGION

passed=0
failed=0
gaps=()

# check NAME CMD...: runs CMD with its output indented; counts PASS or FAIL.
# Lines of output starting with "GAP:" are collected for the summary.
check() {
  local name="$1" rc line
  shift
  echo "── $name"
  "$@" >"$work/check.log" 2>&1
  rc=$?
  sed 's/^/    /' "$work/check.log"
  while IFS= read -r line; do gaps+=("$name: ${line#GAP: }"); done < <(grep '^GAP: ' "$work/check.log")
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    echo "   PASS"
  else
    failed=$((failed + 1))
    echo "   FAIL (exit $rc)"
  fi
  return "$rc"
}

tools() {
  local missing=() t
  for t in go terraform tflint tfsec cfn-lint yamllint shellcheck moto_server aws python3; do
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
  terraform version | sed -n 1p
}

render() {
  (cd "$SCAFFOLD_ROOT" && go test ./cmd/cmdutil -run '^TestWriteTestBundles$' -count=1 -args -bundle-out "$work/out") || return 1
  find "$work/out" -type f | sed "s|^$work/out/||" | sort
}

# ------------------------------------------------------------------- terraform

# plan_regions PLAN_JSON DR_REGION: every resource is created, and each
# module's resources are planned in its stack's region (global ones, such as
# IAM roles, have none). Prints the count per module, region and type.
plan_regions() {
  python3 - "$1" "$2" <<'EOF'
import collections, json, sys
plan = json.load(open(sys.argv[1]))
want = {"primary": "us-east-1", "dr": sys.argv[2], "replication": "us-east-1"}
counts, bad = collections.Counter(), []
for rc in plan.get("resource_changes", []):
    if rc["mode"] != "managed":
        continue
    module = rc.get("module_address", "").removeprefix("module.")
    region = (rc["change"].get("after") or {}).get("region")
    counts[(module, region or "(global)", rc["type"])] += 1
    if rc["change"]["actions"] != ["create"]:
        bad.append(f"{rc['address']}: {rc['change']['actions']}, want create")
    if module not in want:
        bad.append(f"{rc['address']}: not in a stack module")
    elif region is not None and region != want[module]:
        bad.append(f"{rc['address']}: planned in {region}, want {want[module]}")
for (module, region, kind), n in sorted(counts.items()):
    print(f"{module:12} {region:10} {n:3} {kind}")
print(f"{sum(counts.values())} resources; modules: {sorted({m for m, _, _ in counts})}")
missing = sorted(set(want) - {m for m, _, _ in counts})
bad += [f"module.{m}: no resources planned" for m in missing]
for b in bad:
    print("ERROR:", b)
sys.exit(1 if bad else 0)
EOF
}

tf_plan() { # dir dr_region
  local out="$work/plan.out" plan="$work/plan.tfplan"
  if ! (cd "$1" && terraform plan -input=false -refresh=false -lock=false -no-color -var "dr_region=$2" -out="$plan") >"$out" 2>&1; then
    cat "$out"
    return 1
  fi
  grep -E '^(Plan:|Warning)' "$out"
  (cd "$1" && terraform show -json -no-color "$plan") >"$plan.json" || return 1
  plan_regions "$plan.json" "$2"
}

tf_init() {
  (cd "$1" && terraform init -backend=false -input=false -no-color) >"$work/init.out" 2>&1 || {
    cat "$work/init.out"
    return 1
  }
  grep -E '^- (Installed|Using)|successfully initialized' "$work/init.out"
}

check_terraform() { # name dir
  local name="$1" src="$2/terraform" tmp="$work/tf-$1"
  check "$name: terraform fmt" terraform -chdir="$src" fmt -check -recursive -diff -no-color
  mkdir -p "$tmp"
  cp -R "$src/." "$tmp/"
  check "$name: tflint" bash -c "cd '$tmp' && tflint --recursive --config='$here/.tflint.hcl' --format=compact --no-color --minimum-failure-severity=notice"
  check "$name: tfsec" bash -c "cd '$tmp' && tfsec . --minimum-severity HIGH --no-color --concise-output --no-module-downloads"
  if check "$name: terraform init" tf_init "$tmp"; then
    check "$name: terraform validate" terraform -chdir="$tmp" validate -no-color
    check "$name: terraform plan" tf_plan "$tmp" us-west-2
    check "$name: terraform plan -var dr_region=eu-west-1" tf_plan "$tmp" eu-west-1
  else
    failed=$((failed + 3))
    echo "   (validate and plans not run)"
  fi
}

# -------------------------------------------------------------- cloudformation

cfn_lint() {
  local rc=0
  cfn-lint --format parseable -- "$@" || rc=$?
  # cfn-lint's exit code is a bit mask: 2 error, 4 warning, 8 informational.
  [ $((rc & ~8)) -eq 0 ]
}

check_cloudformation() { # name dir
  local name="$1" dir="$2/cloudformation"
  check "$name: cfn-lint" cfn_lint "$dir"/*.yaml
  check "$name: yamllint" yamllint -s -f parsable -c "$here/.yamllint" "$dir"/*.yaml
  check "$name: bash -n" bash -c "bash -n '$dir/deploy.sh' && bash -n '$dir/destroy.sh'"
  check "$name: shellcheck" shellcheck "$dir/deploy.sh" "$dir/destroy.sh"
  check "$name: scripts are executable" test -x "$dir/deploy.sh" -a -x "$dir/destroy.sh"
}

# ----------------------------------------------------------------------- moto

moto_start() {
  moto_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  moto_server -H 127.0.0.1 -p "$moto_port" >"$work/moto.log" 2>&1 &
  moto_pid=$!
  local i
  for i in $(seq 1 300); do
    if python3 -c "import urllib.request, sys; urllib.request.urlopen(urllib.request.Request(sys.argv[1], method='POST', data=b''), timeout=2)" \
      "http://127.0.0.1:$moto_port/moto-api/reset" 2>/dev/null; then
      echo "moto_server answered on 127.0.0.1:$moto_port after $((i / 10)).$((i % 10)) s"
      return 0
    fi
    kill -0 "$moto_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/moto.log"
  return 1
}

awsm() { aws --endpoint-url "http://127.0.0.1:$moto_port" "$@"; }

# stack_value REGION STACK QUERY
stack_value() {
  awsm cloudformation describe-stacks --region "$1" --stack-name "$2" --query "Stacks[0].$3" --output text
}

# deployed PREFIX DR_REGION NAME: each stack CREATE_COMPLETE or
# UPDATE_COMPLETE in its own region and in no other, the wired values
# arrived, and the replication stack's security group, named after its Name
# parameter, is in the primary VPC and admits the DR range.
deployed() {
  local prefix="$1" dr="$2" name="$3" stack region other status ok=0
  for stack in primary:us-east-1 "dr:$dr" replication:us-east-1; do
    region="${stack#*:}"
    stack="$prefix-${stack%%:*}"
    status="$(stack_value "$region" "$stack" StackStatus)" || status="(missing)"
    echo "$stack in $region: $status"
    case "$status" in CREATE_COMPLETE | UPDATE_COMPLETE) ;; *) ok=1 ;; esac
    for other in us-east-1 us-west-2 eu-west-1; do
      [ "$other" = "$region" ] && continue
      if awsm cloudformation describe-stacks --region "$other" --stack-name "$stack" >/dev/null 2>&1; then
        echo "ERROR: $stack also exists in $other"
        ok=1
      fi
    done
  done
  local vpc cidr param_vpc param_cidr sg
  vpc="$(stack_value us-east-1 "$prefix-primary" "Outputs[?OutputKey=='VpcId'].OutputValue | [0]")"
  cidr="$(stack_value "$dr" "$prefix-dr" "Outputs[?OutputKey=='VpcCidrBlock'].OutputValue | [0]")"
  param_vpc="$(stack_value us-east-1 "$prefix-replication" "Parameters[?ParameterKey=='PrimaryVpcId'].ParameterValue | [0]")"
  param_cidr="$(stack_value us-east-1 "$prefix-replication" "Parameters[?ParameterKey=='DrVpcCidr'].ParameterValue | [0]")"
  echo "primary VpcId=$vpc -> replication PrimaryVpcId=$param_vpc"
  echo "dr VpcCidrBlock=$cidr -> replication DrVpcCidr=$param_cidr"
  if [ -z "$vpc" ] || [ "$vpc" = None ] || [ "$vpc" != "$param_vpc" ] || [ -z "$cidr" ] || [ "$cidr" = None ] || [ "$cidr" != "$param_cidr" ]; then
    echo "ERROR: the wired values did not arrive"
    ok=1
  fi
  sg="$(awsm ec2 describe-security-groups --region us-east-1 --filters "Name=group-name,Values=$name-replication" "Name=vpc-id,Values=$vpc" \
    --query 'SecurityGroups[0].IpPermissions[0].IpRanges[0].CidrIp' --output text)"
  echo "security group $name-replication in $vpc admits $sg"
  if [ "$sg" != "$cidr" ]; then
    echo "ERROR: the replication security group does not admit $cidr"
    ok=1
  fi
  return "$ok"
}

deploy_run() { # script, with extra environment in "$@" before it
  env AWS_ENDPOINT_URL="http://127.0.0.1:$moto_port" "$@"
}

# destroy_run PREFIX DR_REGION: destroy.sh must delete the replication stack
# first. moto 5.2 cannot delete a VPC stack: its CloudFormation does not
# delete NAT gateways, route tables, gateway endpoints or flow logs, so the
# VPC keeps dependencies and moto answers DeleteStack with a
# DependencyViolation (AWS deletes in dependency order and never does). That
# answer, and only that, is reported as a gap.
destroy_run() {
  local prefix="$1" dr="$2" log="$work/destroy.log" rc=0
  env AWS_ENDPOINT_URL="http://127.0.0.1:$moto_port" STACK_PREFIX="$prefix" DR_REGION="$dr" \
    "$3/cloudformation/destroy.sh" >"$log" 2>&1 || rc=$?
  cat "$log"
  if awsm cloudformation describe-stacks --region us-east-1 --stack-name "$prefix-replication" >/dev/null 2>&1; then
    echo "ERROR: $prefix-replication still exists"
    return 1
  fi
  echo "$prefix-replication is gone"
  if [ "$rc" -ne 0 ]; then
    if grep -q DependencyViolation "$log" && [ "$(grep -c '^==> deleting' "$log")" -eq 2 ]; then
      echo "GAP: moto 5.2 cannot delete a VPC stack (its CloudFormation leaves NAT gateways, route tables, endpoints and flow logs behind, so DeleteStack fails with DependencyViolation); destroy.sh's order and waits are checked up to the first VPC stack"
      return 0
    fi
    return "$rc"
  fi
}

check_moto() { # name dir
  local name="$1" dir="$2"
  if ! check "$name: moto_server" moto_start; then
    failed=$((failed + 5))
    return
  fi
  if check "$name: deploy.sh on moto" deploy_run "$dir/cloudformation/deploy.sh"; then
    check "$name: stacks, regions and wired parameters" deployed lab us-west-2 lab
  else
    failed=$((failed + 1))
  fi
  check "$name: deploy.sh again (update in place)" deploy_run "$dir/cloudformation/deploy.sh"
  # A second copy in the same account needs its own names (log groups and
  # security group names are unique per region), hence the *_NAME variables.
  if check "$name: deploy.sh with STACK_PREFIX=copy DR_REGION=eu-west-1 *_NAME=copy" \
    deploy_run STACK_PREFIX=copy DR_REGION=eu-west-1 PRIMARY_NAME=copy DR_NAME=copy REPLICATION_NAME=copy \
    "$dir/cloudformation/deploy.sh"; then
    check "$name: copy's stacks, regions and wired parameters" deployed copy eu-west-1 copy
  else
    failed=$((failed + 1))
  fi
  check "$name: destroy.sh on moto" destroy_run lab us-west-2 "$dir"
}

# ----------------------------------------------------------------------- main

main() {
  if ! check tools tools || ! check "render the test bundles" render; then
    summary
    return 1
  fi
  local bundle
  for bundle in two-regions shared-module; do
    echo
    echo "══════ $bundle"
    check_terraform "$bundle" "$work/out/$bundle"
    check_cloudformation "$bundle" "$work/out/$bundle"
  done
  check "shared-module: one module for both VPC stacks" \
    grep -q 'source = "./modules/primary_dr"' "$work/out/shared-module/terraform/main.tf"
  echo
  echo "══════ two-regions on moto"
  check_moto two-regions "$work/out/two-regions"
  summary
  [ "$failed" -eq 0 ]
}

summary() {
  echo
  if [ "${#gaps[@]}" -gt 0 ]; then
    echo "Known gaps (checks the offline tools cannot make):"
    local g
    for g in "${gaps[@]}"; do echo "  - $g"; done
  fi
  echo "$passed passed, $failed failed"
}

main
