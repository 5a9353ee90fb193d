#!/usr/bin/env bash
# Deletes the shop stacks of the pilot-light blueprint in the reverse of the
# order deploy.sh creates them: assets, dr, primary.
# That way no stack is deleted while a later one still uses its resources. Each
# deletion is waited for before the next starts; a stack that does not exist
# is skipped, so running the script again is harmless.
#
# Environment (all optional):
#   STACK_PREFIX      stacks are named $STACK_PREFIX-<stack> (default: shop)
#   PRIMARY_REGION    region of the primary stack (default: eu-west-1)
#   DR_REGION         region of the dr stack (default: eu-central-1)
#   ASSETS_REGION     region of the assets stack (default: eu-west-1)
#   AWS_ENDPOINT_URL  when set, passed to every aws call as --endpoint-url, for an
#                     emulator such as moto (the aws CLI v1 does not read it itself)
set -euo pipefail

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

# delete STACK REGION deletes a stack and waits until it is gone.
delete() {
  echo "==> deleting $1 in $2"
  aws_cli cloudformation delete-stack --region "$2" --stack-name "$1"
  aws_cli cloudformation wait stack-delete-complete --region "$2" --stack-name "$1"
}

delete "$prefix-assets" "$assets_region"
delete "$prefix-dr" "$dr_region"
delete "$prefix-primary" "$primary_region"
echo "Done: none of the 3 stacks is left."
