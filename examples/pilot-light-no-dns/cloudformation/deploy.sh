#!/usr/bin/env bash
# Deploys the shop stacks of the pilot-light blueprint with CloudFormation, in order:
#   1. primary (primary.yaml)
#   2. dr (dr.yaml), with PrimaryDbArn from primary
#   3. assets (assets.yaml), with DrBucketArn from dr, DrBucketKeyArn from dr
# Each stack's outputs that a later stack needs are read back with
# describe-stacks and passed on as that stack's parameters, which is why the
# stacks are deployed by this script rather than one by one. Running it again
# updates the stacks in place; destroy.sh removes them. Parameter values must
# not contain commas (the aws CLI's shorthand syntax splits on them).
#
# Environment (all optional):
#   STACK_PREFIX      stacks are named $STACK_PREFIX-<stack> (default: shop)
#   PRIMARY_REGION    region of the primary stack (default: eu-west-1)
#   DR_REGION         region of the dr stack (default: eu-central-1)
#   ASSETS_REGION     region of the assets stack (default: eu-west-1)
#   AWS_ENDPOINT_URL  when set, passed to every aws call as --endpoint-url, for an
#                     emulator such as moto (the aws CLI v1 does not read it itself)
# and, for each stack parameter that no other stack's output fills, a variable
# named like its Terraform variable (<STACK>_<PARAMETER>); an unset one keeps
# the template's default:
#   PRIMARY_NAME PRIMARY_FLOW_LOG_RETENTION_DAYS
#   DR_NAME DR_FLOW_LOG_RETENTION_DAYS
#   ASSETS_NAME
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="${STACK_PREFIX:-shop}"
primary_region="${PRIMARY_REGION:-eu-west-1}"
dr_region="${DR_REGION:-eu-central-1}"
assets_region="${ASSETS_REGION:-eu-west-1}"
if ! [[ "$prefix" =~ ^[A-Za-z][A-Za-z0-9-]*$ ]]; then
  echo "$(basename "$0"): STACK_PREFIX '$prefix' is not a valid start of a stack name: use letters, digits and hyphens, starting with a letter" >&2
  exit 2
fi

endpoint=()
if [ -n "${AWS_ENDPOINT_URL:-}" ]; then
  endpoint=(--endpoint-url "$AWS_ENDPOINT_URL")
fi

# aws_cli runs the aws CLI against the endpoint, if one is set. The
# ${endpoint[@]+...} form keeps an empty array from tripping set -u in bash
# before 4.4 (macOS still ships 3.2).
aws_cli() {
  aws ${endpoint[@]+"${endpoint[@]}"} "$@"
}

# optional VARIABLE KEY adds parameter KEY to the array "parameters" when the
# environment variable VARIABLE is set, so that an unset one keeps the
# template's default.
optional() {
  if [ -n "${!1:-}" ]; then
    parameters+=("ParameterKey=$2,ParameterValue=${!1}")
  fi
}

# deploy STACK REGION TEMPLATE [OPTION...] creates the stack, or updates it
# when it exists, with the values in the array "parameters", and waits until
# CloudFormation has finished. The OPTIONs (--capabilities) go to create-stack
# or update-stack as given.
#
# `aws cloudformation deploy` would do the same through a change set. It is
# not used because the moto emulator, which CI deploys to, executes a change
# set that creates a stack without filling in the stack's outputs, and later
# stacks read those.
deploy() {
  local stack=$1 region=$2 template=$3 message
  shift 3
  if [ "${#parameters[@]}" -gt 0 ]; then
    set -- "$@" --parameters "${parameters[@]}"
  fi
  if ! aws_cli cloudformation describe-stacks --region "$region" --stack-name "$stack" >/dev/null 2>&1; then
    aws_cli cloudformation create-stack --region "$region" --stack-name "$stack" \
      --template-body "file://$here/$template" "$@" --output text >/dev/null
    aws_cli cloudformation wait stack-create-complete --region "$region" --stack-name "$stack" ||
      failed "$stack" "$region"
    return
  fi
  if ! message="$(aws_cli cloudformation update-stack --region "$region" --stack-name "$stack" \
    --template-body "file://$here/$template" "$@" --output text 2>&1)"; then
    case "$message" in
      *"No updates are to be performed"*)
        echo "$stack is up to date"
        return 0
        ;;
    esac
    echo "$message" >&2
    return 1
  fi
  aws_cli cloudformation wait stack-update-complete --region "$region" --stack-name "$stack" ||
    failed "$stack" "$region"
}

# failed STACK REGION shows the stack's latest events, which say why it did
# not reach the state deploy waited for, and fails.
failed() {
  echo "deploy.sh: $1 in $2 did not deploy; its latest events:" >&2
  aws_cli cloudformation describe-stack-events --region "$2" --stack-name "$1" --max-items 10 \
    --query 'StackEvents[].[ResourceStatus,LogicalResourceId,ResourceStatusReason]' --output text >&2 || true
  return 1
}

# output STACK REGION KEY prints one output of a deployed stack, or fails
# when the stack has none by that name.
output() {
  local value
  value="$(aws_cli cloudformation describe-stacks --region "$2" --stack-name "$1" \
    --query "Stacks[0].Outputs[?OutputKey=='$3'].OutputValue | [0]" --output text)" || return 1
  if [ -z "$value" ] || [ "$value" = None ]; then
    echo "deploy.sh: stack $1 in $2 has no output $3" >&2
    return 1
  fi
  printf '%s\n' "$value"
}

echo "==> $prefix-primary in $primary_region (1 of 3)"
parameters=()
optional PRIMARY_NAME Name
optional PRIMARY_FLOW_LOG_RETENTION_DAYS FlowLogRetentionDays
deploy "$prefix-primary" "$primary_region" primary.yaml --capabilities CAPABILITY_IAM
primary_db_instance_arn="$(output "$prefix-primary" "$primary_region" DbInstanceArn)"

echo "==> $prefix-dr in $dr_region (2 of 3)"
parameters=(
  "ParameterKey=PrimaryDbArn,ParameterValue=$primary_db_instance_arn"
)
optional DR_NAME Name
optional DR_FLOW_LOG_RETENTION_DAYS FlowLogRetentionDays
deploy "$prefix-dr" "$dr_region" dr.yaml --capabilities CAPABILITY_IAM
dr_assets_bucket_arn="$(output "$prefix-dr" "$dr_region" AssetsBucketArn)"
dr_assets_key_arn="$(output "$prefix-dr" "$dr_region" AssetsKeyArn)"

echo "==> $prefix-assets in $assets_region (3 of 3)"
parameters=(
  "ParameterKey=DrBucketArn,ParameterValue=$dr_assets_bucket_arn"
  "ParameterKey=DrBucketKeyArn,ParameterValue=$dr_assets_key_arn"
)
optional ASSETS_NAME Name
deploy "$prefix-assets" "$assets_region" assets.yaml --capabilities CAPABILITY_IAM

echo "Deployed 3 stacks. Their outputs:"
aws_cli cloudformation describe-stacks --region "$primary_region" --stack-name "$prefix-primary" \
  --query 'Stacks[0].Outputs[].[OutputKey,OutputValue]' --output table
aws_cli cloudformation describe-stacks --region "$dr_region" --stack-name "$prefix-dr" \
  --query 'Stacks[0].Outputs[].[OutputKey,OutputValue]' --output table
aws_cli cloudformation describe-stacks --region "$assets_region" --stack-name "$prefix-assets" \
  --query 'Stacks[0].Outputs[].[OutputKey,OutputValue]' --output table
