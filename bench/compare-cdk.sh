#!/usr/bin/env bash
#
# compare-cdk.sh: time `scaffold vpc` against `cdk synth` for the same 2-AZ VPC.
#
# What it measures
#   For each tool, N timed runs (after one untimed warm-up run that also checks
#   the tool works) of the command that turns a description of a 2-AZ VPC into
#   a CloudFormation template:
#     - AWS CDK:  `cdk synth --quiet` of a small plain-JavaScript app (ec2.Vpc,
#       2 AZs, 2 NAT gateways, public + private-with-egress subnets, S3 and
#       DynamoDB gateway endpoints, flow logs to CloudWatch Logs, default
#       security group restricted), run with the CLI installed locally by npm,
#       into a fresh cdk.out each run. No TypeScript step: the timing is the
#       CLI start-up plus the app's synthesis.
#     - scaffold: `scaffold vpc --azs 2 --format cloudformation --out DIR --force`
#       into a fresh DIR each run.
#   Each run goes through GNU `/usr/bin/time -v`; the script keeps the elapsed
#   wall-clock time and the "Maximum resident set size". That figure is the peak
#   of the largest single process of the run (for the CDK, the CLI or the
#   `node app.js` child it spawns, whichever is larger), not the sum of both.
#   It prints, per tool, the median wall seconds, the median max RSS in MiB,
#   the number of resources in the generated template, the cdk/scaffold ratio
#   of the medians, and the versions used.
#
#   The CDK synth runs offline: the stack has an explicit account and region,
#   the account/region's Availability Zones are given as context in cdk.json
#   (so no lookup is needed), AWS credentials variables are removed from the
#   environment, HOME points into the temp dir, and version checks, notices and
#   telemetry are turned off. Only `npm install` needs the network (the npm
#   registry).
#
# How to run (from anywhere; needs go unless -b is given, node, npm, GNU time)
#   bench/compare-cdk.sh                  # 5 runs each, builds scaffold from this repo
#   bench/compare-cdk.sh -n 9             # 9 runs each
#   bench/compare-cdk.sh -b /tmp/scaffold # use an already built binary
#   RUNS=3 SCAFFOLD_BIN=/tmp/scaffold bench/compare-cdk.sh
#   KEEP_TMP=1 bench/compare-cdk.sh       # keep the temp dir for inspection
#
# Exit status is non-zero, with a message on stderr, if any step fails
# (missing tool, npm install failure such as an unreachable registry, a failed
# build or synth, a template that cannot be found or counted).

set -euo pipefail

# Pinned versions (checked against the npm registry on 2026-11-27).
CDK_LIB_VERSION="2.276.0"
CONSTRUCTS_VERSION="10.8.1"
CDK_CLI_VERSION="2.1148.1"

# Account used only to name the stack environment; nothing is looked up.
FAKE_ACCOUNT="111111111111"
REGION="us-east-1"

RUNS="${RUNS:-5}"
SCAFFOLD_BIN="${SCAFFOLD_BIN:-}"
KEEP_TMP="${KEEP_TMP:-0}"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/.." && pwd)"

die() {
	printf 'compare-cdk: error: %s\n' "$*" >&2
	exit 1
}

note() {
	printf 'compare-cdk: %s\n' "$*" >&2
}

usage() {
	cat <<EOF
usage: $(basename "$0") [-n RUNS] [-b SCAFFOLD_BINARY] [-h]
  -n RUNS   timed runs per tool (default 5; env RUNS)
  -b PATH   scaffold binary to time (default: go build from $repo_root; env SCAFFOLD_BIN)
  -h        this help
  env KEEP_TMP=1 keeps the temp dir
EOF
}

while getopts ':n:b:h' opt; do
	case "$opt" in
	n) RUNS="$OPTARG" ;;
	b) SCAFFOLD_BIN="$OPTARG" ;;
	h)
		usage
		exit 0
		;;
	:) die "option -$OPTARG needs a value" ;;
	*)
		usage >&2
		die "unknown option -$OPTARG"
		;;
	esac
done
shift $((OPTIND - 1))
[ "$#" -eq 0 ] || die "unexpected argument: $1"

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "number of runs must be a positive integer, got '$RUNS'"

# --- prerequisites ---------------------------------------------------------
for tool in node npm awk sort; do
	command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found in PATH"
done
GNU_TIME=/usr/bin/time
[ -x "$GNU_TIME" ] || die "$GNU_TIME not found (Debian/Ubuntu: apt-get install -y time)"
"$GNU_TIME" -v true >/dev/null 2>&1 || die "$GNU_TIME does not accept -v (GNU time is needed)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/compare-cdk.XXXXXX")"
cleanup() {
	if [ "$KEEP_TMP" = "1" ]; then
		note "kept temp dir $tmp"
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT

# --- scaffold binary ---------------------------------------------------------
if [ -z "$SCAFFOLD_BIN" ]; then
	command -v go >/dev/null 2>&1 || die "'go' not found; install Go or pass -b PATH"
	note "building scaffold from $repo_root"
	SCAFFOLD_BIN="$tmp/scaffold"
	(cd "$repo_root" && go build -o "$SCAFFOLD_BIN" ./cmd/scaffold) || die "go build ./cmd/scaffold failed"
fi
[ -x "$SCAFFOLD_BIN" ] || die "scaffold binary '$SCAFFOLD_BIN' is missing or not executable"

scaffold_commit="unknown"
if git -C "$repo_root" rev-parse --git-dir >/dev/null 2>&1; then
	scaffold_commit="$(git -C "$repo_root" rev-parse --short HEAD)"
	if [ -n "$(git -C "$repo_root" status --porcelain --untracked-files=no)" ]; then
		scaffold_commit="$scaffold_commit (with uncommitted changes)"
	fi
fi
scaffold_version="$("$SCAFFOLD_BIN" --version 2>/dev/null | head -n 1 || true)"

# --- CDK app -----------------------------------------------------------------
app="$tmp/cdk-app"
mkdir -p "$app" "$tmp/home"

cat >"$app/package.json" <<'EOF'
{
  "name": "compare-cdk-vpc",
  "version": "0.0.0",
  "private": true,
  "description": "2-AZ VPC for timing cdk synth against scaffold"
}
EOF

cat >"$app/cdk.json" <<EOF
{
  "app": "node app.js",
  "versionReporting": false,
  "notices": false,
  "context": {
    "availability-zones:account=${FAKE_ACCOUNT}:region=${REGION}": ["${REGION}a", "${REGION}b"]
  }
}
EOF

cat >"$app/app.js" <<EOF
'use strict';
// A 2-AZ VPC shaped like \`scaffold vpc --azs 2\`: one public and one private
// subnet per zone, a NAT gateway per zone, S3 and DynamoDB gateway endpoints,
// flow logs to CloudWatch Logs, and the default security group stripped.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');

const app = new cdk.App();
const stack = new cdk.Stack(app, 'Vpc2Az', {
  env: { account: '${FAKE_ACCOUNT}', region: '${REGION}' },
});

new ec2.Vpc(stack, 'Vpc', {
  ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
  maxAzs: 2,
  natGateways: 2,
  subnetConfiguration: [
    { name: 'public', subnetType: ec2.SubnetType.PUBLIC },
    { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  ],
  gatewayEndpoints: {
    S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
    DynamoDB: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
  },
  flowLogs: {
    cloudwatch: { destination: ec2.FlowLogDestination.toCloudWatchLogs() },
  },
  restrictDefaultSecurityGroup: true,
});

app.synth();
EOF

note "npm install aws-cdk-lib@$CDK_LIB_VERSION constructs@$CONSTRUCTS_VERSION aws-cdk@$CDK_CLI_VERSION"
if ! (cd "$app" && npm install --no-audit --no-fund --save-exact --loglevel=error \
	--fetch-retries=1 --fetch-timeout=60000 \
	"aws-cdk-lib@$CDK_LIB_VERSION" "constructs@$CONSTRUCTS_VERSION" "aws-cdk@$CDK_CLI_VERSION" \
	>"$tmp/npm-install.log" 2>&1); then
	tail -n 20 "$tmp/npm-install.log" >&2 || true
	die "npm install failed (is the npm registry reachable? see the log above)"
fi

CDK="$app/node_modules/.bin/cdk"
[ -x "$CDK" ] || die "local cdk CLI not found at $CDK after npm install"

cdk_cli_version="$(cd "$app" && HOME="$tmp/home" CDK_DISABLE_VERSION_CHECK=1 "$CDK" --version 2>/dev/null | head -n 1)" ||
	die "'cdk --version' failed"
cdk_lib_installed="$(cd "$app" && node -p "require('aws-cdk-lib/package.json').version")" ||
	die "cannot read the installed aws-cdk-lib version"
constructs_installed="$(cd "$app" && node -p "require('constructs/package.json').version")" ||
	die "cannot read the installed constructs version"

# Run the CDK CLI with no AWS credentials or profile, a private HOME, and
# version checks, notices and telemetry off.
run_cdk_env() {
	env -u AWS_PROFILE -u AWS_DEFAULT_PROFILE -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY \
		-u AWS_SESSION_TOKEN -u AWS_CONFIG_FILE -u AWS_SHARED_CREDENTIALS_FILE \
		HOME="$tmp/home" \
		AWS_EC2_METADATA_DISABLED=true \
		CDK_DISABLE_VERSION_CHECK=1 \
		CDK_DISABLE_CLI_TELEMETRY=true \
		"$@"
}

cdk_synth() { # $1 = time -v output file, $2 = log file
	rm -rf "$app/cdk.out"
	(cd "$app" && run_cdk_env "$GNU_TIME" -v -o "$1" \
		"$CDK" synth --quiet --no-notices --no-version-reporting --output cdk.out) >"$2" 2>&1
}

scaffold_run() { # $1 = time -v output file, $2 = log file, $3 = output dir
	rm -rf "$3"
	"$GNU_TIME" -v -o "$1" \
		"$SCAFFOLD_BIN" vpc --azs 2 --format cloudformation --out "$3" --force >"$2" 2>&1
}

# Elapsed time ("m:ss.ss" or "h:mm:ss") in seconds, and max RSS in MiB.
parse_wall() {
	awk -F': ' '/Elapsed \(wall clock\) time/ {
		n = split($NF, p, ":"); s = 0
		for (i = 1; i <= n; i++) s = s * 60 + p[i]
		printf "%.3f\n", s; found = 1
	} END { if (!found) exit 1 }' "$1"
}
parse_rss_mib() {
	awk -F': ' '/Maximum resident set size \(kbytes\)/ {
		printf "%.1f\n", $NF / 1024; found = 1
	} END { if (!found) exit 1 }' "$1"
}

median() { # numbers on stdin, one per line
	sort -n | awk '{ v[NR] = $1 } END {
		if (NR == 0) exit 1
		if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%.3f\n", m
	}'
}

# --- warm-up (untimed) and checks ---------------------------------------------
note "warm-up: cdk synth"
if ! cdk_synth "$tmp/warm-cdk.time" "$tmp/warm-cdk.log"; then
	tail -n 30 "$tmp/warm-cdk.log" >&2 || true
	die "cdk synth failed (see the output above)"
fi
note "warm-up: scaffold vpc"
if ! scaffold_run "$tmp/warm-scaffold.time" "$tmp/warm-scaffold.log" "$tmp/scaffold-warm"; then
	tail -n 30 "$tmp/warm-scaffold.log" >&2 || true
	die "scaffold vpc failed (see the output above)"
fi

# --- timed runs ---------------------------------------------------------------
: >"$tmp/cdk.wall"
: >"$tmp/cdk.rss"
: >"$tmp/scaffold.wall"
: >"$tmp/scaffold.rss"
for i in $(seq 1 "$RUNS"); do
	note "run $i/$RUNS: cdk synth"
	if ! cdk_synth "$tmp/cdk-$i.time" "$tmp/cdk-$i.log"; then
		tail -n 30 "$tmp/cdk-$i.log" >&2 || true
		die "cdk synth failed on run $i"
	fi
	parse_wall "$tmp/cdk-$i.time" >>"$tmp/cdk.wall" || die "cannot parse wall time of cdk run $i"
	parse_rss_mib "$tmp/cdk-$i.time" >>"$tmp/cdk.rss" || die "cannot parse max RSS of cdk run $i"

	note "run $i/$RUNS: scaffold vpc"
	if ! scaffold_run "$tmp/scaffold-$i.time" "$tmp/scaffold-$i.log" "$tmp/scaffold-out"; then
		tail -n 30 "$tmp/scaffold-$i.log" >&2 || true
		die "scaffold vpc failed on run $i"
	fi
	parse_wall "$tmp/scaffold-$i.time" >>"$tmp/scaffold.wall" || die "cannot parse wall time of scaffold run $i"
	parse_rss_mib "$tmp/scaffold-$i.time" >>"$tmp/scaffold.rss" || die "cannot parse max RSS of scaffold run $i"
done

# --- resource counts ------------------------------------------------------------
cdk_template="$app/cdk.out/Vpc2Az.template.json"
[ -f "$cdk_template" ] || die "CDK template not found at $cdk_template"
cdk_resources="$(node -e '
const t = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
console.log(Object.keys(t.Resources || {}).length);
' "$cdk_template")" || die "cannot count resources in $cdk_template"

scaffold_template="$tmp/scaffold-out/cloudformation/vpc.yaml"
[ -f "$scaffold_template" ] || die "scaffold template not found at $scaffold_template"
# Logical IDs are the two-space-indented keys of the top-level Resources map.
scaffold_resources="$(awk '
/^Resources:/ { in_res = 1; next }
/^[^ #]/ { in_res = 0 }
in_res && /^  [A-Za-z0-9]+:[[:space:]]*$/ { n++ }
END { print n + 0 }
' "$scaffold_template")" || die "cannot count resources in $scaffold_template"
[ "$scaffold_resources" -gt 0 ] || die "found no resources in $scaffold_template"

# --- report -----------------------------------------------------------------------
cdk_wall="$(median <"$tmp/cdk.wall")"
cdk_rss="$(median <"$tmp/cdk.rss")"
sc_wall="$(median <"$tmp/scaffold.wall")"
sc_rss="$(median <"$tmp/scaffold.rss")"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f\n", a / b; else print "n/a" }'; }
wall_ratio="$(ratio "$cdk_wall" "$sc_wall")"
rss_ratio="$(ratio "$cdk_rss" "$sc_rss")"

echo
echo "Versions"
echo "  node          $(node --version)"
echo "  aws-cdk-lib   $cdk_lib_installed"
echo "  constructs    $constructs_installed"
echo "  aws-cdk CLI   $cdk_cli_version"
echo "  scaffold      ${scaffold_version:-unknown}, commit $scaffold_commit"
echo "  machine       $(nproc 2>/dev/null || echo '?') cores, $(uname -sm)"
echo
echo "Medians of $RUNS runs each (after one untimed warm-up run):"
echo
printf '| %-8s | %-17s | %-20s | %-9s |\n' "tool" "median wall (s)" "median max RSS (MiB)" "resources"
printf '|%s|%s|%s|%s|\n' "----------" "-------------------" "----------------------" "-----------"
printf '| %-8s | %17.3f | %20.1f | %9d |\n' "cdk" "$cdk_wall" "$cdk_rss" "$cdk_resources"
printf '| %-8s | %17.3f | %20.1f | %9d |\n' "scaffold" "$sc_wall" "$sc_rss" "$scaffold_resources"
printf '| %-8s | %16sx | %19sx | %9s |\n' "cdk/scaf" "$wall_ratio" "$rss_ratio" ""
echo
echo "All runs (wall s):    cdk $(paste -sd' ' "$tmp/cdk.wall");  scaffold $(paste -sd' ' "$tmp/scaffold.wall")"
echo "All runs (RSS MiB):   cdk $(paste -sd' ' "$tmp/cdk.rss");  scaffold $(paste -sd' ' "$tmp/scaffold.rss")"
