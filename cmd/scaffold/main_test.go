package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	"github.com/scaffold-iac/scaffold/cmd/root"
)

// TestBadInput runs the CLI like a user would and checks the one-line
// message, the exit code, and that nothing was written.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		prepare  func(t *testing.T, out string)
		wantErr  string
		wantMore string // the second line, when several problems are reported
		outArg   string // --out relative to the test's temp dir, instead of "out"
		wantExit int
	}{
		{name: "zero azs", args: []string{"vpc", "--azs", "0"}, wantExit: 2,
			wantErr: `error: invalid value "0" for --azs: us-east-1 has 6 Availability Zones; use 1 to 6`},
		{name: "more azs than the region has", args: []string{"vpc", "--azs", "7", "--region", "us-east-1"}, wantExit: 2,
			wantErr: `error: invalid value "7" for --azs: us-east-1 has 6 Availability Zones; use 1 to 6`},
		{name: "unknown region", args: []string{"vpc", "--region", "moon-1"}, wantExit: 2,
			wantErr: `error: invalid value "moon-1" for --region: unknown region; known regions: af-south-1, ap-east-1, ap-east-2, ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-south-1, ap-south-2, ap-southeast-1, ap-southeast-2, ap-southeast-3, ap-southeast-4, ap-southeast-5, ap-southeast-7, ca-central-1, ca-west-1, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3, il-central-1, me-central-1, me-south-1, mx-central-1, sa-east-1, us-east-1, us-east-2, us-west-1, us-west-2`},
		{name: "cidr /8", args: []string{"vpc", "--cidr", "10.0.0.0/8"}, wantExit: 2,
			wantErr: `error: invalid value "10.0.0.0/8" for --cidr: prefix length must be between /16 and /24`},
		{name: "cidr /25", args: []string{"vpc", "--cidr", "10.0.0.0/25"}, wantExit: 2,
			wantErr: `error: invalid value "10.0.0.0/25" for --cidr: prefix length must be between /16 and /24`},
		{name: "cidr banana", args: []string{"vpc", "--cidr", "banana"}, wantExit: 2,
			wantErr: `error: invalid value "banana" for --cidr: not an IPv4 CIDR block such as 10.0.0.0/16`},
		{name: "nat maybe", args: []string{"vpc", "--nat", "maybe"}, wantExit: 2,
			wantErr: `error: invalid value "maybe" for --nat: must be one of none, per-az, single`},
		{name: "tag without value", args: []string{"vpc", "--tag", "novalue"}, wantExit: 2,
			wantErr: `error: invalid value "novalue" for --tag: want KEY=VALUE`},
		{name: "format", args: []string{"vpc", "--format", "pulumi"}, wantExit: 2,
			wantErr: `error: invalid value "pulumi" for --format: must be one of both, cloudformation, terraform`},
		{name: "flow logs maybe", args: []string{"vpc", "--flow-logs", "maybe"}, wantExit: 2,
			wantErr: `error: invalid argument "maybe" for "--flow-logs" flag: want on or off`},
		{name: "azs not a number", args: []string{"vpc", "--azs", "two"}, wantExit: 2,
			wantErr: `error: invalid argument "two" for "--azs" flag: strconv.ParseInt: parsing "two": invalid syntax`},
		{name: "positional argument", args: []string{"vpc", "extra"}, wantExit: 2,
			wantErr: `error: scaffold vpc takes no arguments, got ["extra"]`},
		{name: "output is a file", args: []string{"vpc"}, wantExit: 1,
			prepare: func(t *testing.T, out string) { os.WriteFile(out, []byte("x"), 0o644) },
			wantErr: `error: output path "OUT" is a file, not a directory; choose another --out`},
		{name: "non-empty foreign dir", args: []string{"vpc"}, wantExit: 1,
			prepare: func(t *testing.T, out string) {
				os.Mkdir(out, 0o755)
				os.WriteFile(filepath.Join(out, "main.tf"), []byte("# mine\n"), 0o644)
			},
			wantErr: `error: output directory "OUT" holds files scaffold did not generate (main.tf); choose another --out or pass --force to overwrite`},
		{name: "fanout: 21 queues", args: []string{"fanout", "--queues", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u"}, wantExit: 2,
			wantErr: `error: invalid value "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u" for --queues: 21 queues; a fan-out here takes 1 to 20`},
		{name: "fanout: duplicate queue", args: []string{"fanout", "--queues", "billing,billing"}, wantExit: 2,
			wantErr: `error: invalid value "billing" for --queues: is listed twice`},
		{name: "fanout: bad filter JSON", args: []string{"fanout", "--queues", "billing", "--filter", `billing={"eventType":[}`}, wantExit: 2,
			wantErr: `error: invalid value "billing={\"eventType\":[}" for --filter: not valid JSON: invalid character '}' looking for beginning of value`},
		{name: "fanout: filter without queue", args: []string{"fanout", "--filter", `{"a":["b"]}`}, wantExit: 2,
			wantErr: `error: invalid value "{\"a\":[\"b\"]}" for --filter: want QUEUE=JSON, such as billing='{"eventType":["OrderPlaced"]}'`},
		{name: "fanout: filter for unknown queue", args: []string{"fanout", "--queues", "billing", "--filter", `shipping={"a":["b"]}`}, wantExit: 2,
			wantErr: `error: invalid value "shipping={\"a\":[\"b\"]}" for --filter: no queue named "shipping"; queues: billing`},
		{name: "fanout: fifo name", args: []string{"fanout", "--fifo", "--queues", "billing.fifo"}, wantExit: 2,
			wantErr: `error: invalid value "billing.fifo" for --queues: give the name without .fifo; --fifo adds it`},
		{name: "fanout: visibility over 12h", args: []string{"fanout", "--visibility-timeout", "13h"}, wantExit: 2,
			wantErr: `error: invalid value "13h" for --visibility-timeout: must be whole seconds from 0s to 12h`},
		{name: "fanout: retention 30s", args: []string{"fanout", "--retention", "30s"}, wantExit: 2,
			wantErr: `error: invalid value "30s" for --retention: must be whole seconds from 60s to 14d`},
		{name: "fanout: retention 15d", args: []string{"fanout", "--retention", "15d"}, wantExit: 2,
			wantErr: `error: invalid value "15d" for --retention: must be whole seconds from 60s to 14d`},
		{name: "fanout: retention not a duration", args: []string{"fanout", "--retention", "4 days"}, wantExit: 2,
			wantErr: `error: invalid value "4 days" for --retention: want a whole number with a unit: s, m, h or d (for example 30s, 15m, 12h, 4d)`},
		{name: "asg-spot: min above max", args: []string{"asg-spot", "--min", "5", "--max", "3", "--desired", "3"}, wantExit: 2,
			wantErr: `error: invalid value "5" for --min: is above --max 3`},
		{name: "asg-spot: mixed architectures", args: []string{"asg-spot", "--instance-types", "m5.large,m7g.large"}, wantExit: 2,
			wantErr: `error: invalid value "m5.large,m7g.large" for --instance-types: m5.large is x86_64 but m7g.large is arm64; one launch template has one AMI, so use one architecture`},
		{name: "asg-spot: bad schedule", args: []string{"asg-spot", "--schedule", "scale-out=0 99 * * *:desired=2"}, wantExit: 2,
			wantErr: `error: invalid value "scale-out=0 99 * * *:desired=2" for --schedule: cron field 2: 99 is outside 0-23`},
		{name: "negative --assume-gb", args: []string{"vpc", "--assume-gb=-5"}, wantExit: 2,
			wantErr: `error: invalid value "-5" for --assume-gb: give the GB processed a month as a number of 0 or more, such as 50`},
		{name: "NaN --assume-gb", args: []string{"asg-spot", "--assume-gb", "NaN"}, wantExit: 2,
			wantErr: `error: invalid value "NaN" for --assume-gb: give the GB processed a month as a number of 0 or more, such as 50`},
		{name: "--assume-gb not a number", args: []string{"fanout", "--assume-gb", "lots"}, wantExit: 2,
			wantErr: `error: invalid argument "lots" for "--assume-gb" flag: strconv.ParseFloat: parsing "lots": invalid syntax`},
		{name: "validate without dir", args: []string{"validate"}, wantExit: 2,
			wantErr: `error: validate needs one argument: the directory to check`},
		{name: "unknown command", args: []string{"vcp"}, wantExit: 2,
			wantErr: `error: unknown command "vcp" for "scaffold"; did you mean "vpc"?`},
		{name: "several bad flags", args: []string{"vpc", "--azs", "9", "--nat", "maybe"}, wantExit: 2,
			wantErr:  `error: invalid value "9" for --azs: us-east-1 has 6 Availability Zones; use 1 to 6`,
			wantMore: `invalid value "maybe" for --nat: must be one of none, per-az, single`},
		{name: "tag Name", args: []string{"vpc", "--tag", "Name=x"}, wantExit: 2,
			wantErr: `error: invalid value "Name=x" for --tag: scaffold sets each resource's Name tag from --name; use another key`},
		{name: "kms key from another region", args: []string{"vpc", "--region", "eu-west-1", "--flow-log-kms-key", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}, wantExit: 2,
			wantErr: `error: invalid value "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" for --flow-log-kms-key: the key is in us-east-1, but a log group can only use a key in its own region (eu-west-1)`},
		{name: "output under a file", args: []string{"vpc"}, wantExit: 1,
			prepare: func(t *testing.T, out string) { os.WriteFile(filepath.Dir(out), []byte("x"), 0o644) },
			outArg:  "blocker/out",
			wantErr: `error: checking output directory: stat DIR/blocker/out: not a directory`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			out := filepath.Join(tmp, "out")
			if tt.outArg != "" {
				out = filepath.Join(tmp, tt.outArg)
			}
			if tt.prepare != nil {
				tt.prepare(t, out)
			}
			before := snapshot(t, tmp)
			streams, stdout, stderr := cmdutil.TestIOStreams()
			args := tt.args
			if args[0] == "vpc" || args[0] == "fanout" || args[0] == "asg-spot" {
				args = append(append([]string{}, args...), "--out", out)
			}
			code := run(args, streams)
			if code != tt.wantExit {
				t.Errorf("exit code %d, want %d", code, tt.wantExit)
			}
			lines := strings.Split(stderr.String(), "\n")
			want := strings.NewReplacer("OUT", out, "DIR", tmp).Replace(tt.wantErr)
			if lines[0] != want {
				t.Errorf("stderr first line:\n got %s\nwant %s", lines[0], want)
			}
			if tt.wantMore != "" && (len(lines) < 2 || lines[1] != tt.wantMore) {
				t.Errorf("stderr second line:\n got %q\nwant %s", lines[1:], tt.wantMore)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout not empty on error: %s", stdout)
			}
			if after := snapshot(t, tmp); after != before {
				t.Errorf("output changed on error:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// snapshot lists what exists at path, to prove a failed run wrote nothing.
func snapshot(t *testing.T, path string) string {
	t.Helper()
	var entries []string
	filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
		if err == nil {
			entries = append(entries, p)
		}
		return nil
	})
	return strings.Join(entries, " ")
}

func TestDryRunWritesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	streams, stdout, stderr := cmdutil.TestIOStreams()
	if code := run([]string{"vpc", "--azs", "3", "--dry-run", "--out", out}, streams); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("dry run created %s", out)
	}
	// Three NAT gateways and their addresses: 3 × 730 × (0.045 + 0.005) = 109.50.
	for _, want := range []string{"CIDR plan (lab, us-east-1):", "private  c    10.0.80.0/21", "Cost estimate (us-east-1, prices of 2026-11-27):",
		"  nat_gateway_c   NAT gateway hours           730       $0.045 per hour     $32.85\n", "  total  ", "$109.50\n",
		"Estimated cost: ≈ $110 per month in us-east-1 (730 h, 0 GB processed)",
		"create    terraform/main.tf", "create    cloudformation/vpc.yaml", "Dry run: nothing was written."} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("dry run output lacks %q:\n%s", want, stdout)
		}
	}
}

func TestWriteThenValidate(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	streams, stdout, stderr := cmdutil.TestIOStreams()
	if code := run([]string{"vpc", "--out", out, "--format", "terraform"}, streams); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "cloudformation")); !os.IsNotExist(err) {
		t.Error("--format terraform wrote CloudFormation")
	}
	if !strings.Contains(stdout.String(), "Wrote 6 files to "+out) {
		t.Errorf("stdout:\n%s", stdout)
	}
	// A normal run gives the estimate in one line and leaves the table to
	// the README.
	if !strings.Contains(stdout.String(), "\nEstimated cost: ≈ $73 per month in us-east-1") || strings.Contains(stdout.String(), "Cost estimate (") {
		t.Errorf("stdout:\n%s", stdout)
	}
	streams, stdout, stderr = cmdutil.TestIOStreams()
	if code := run([]string{"validate", out}, streams); code != 0 {
		t.Fatalf("validate exit %d: %s%s", code, stdout, stderr)
	}
	// An edit that breaks the schema is caught with file and line.
	main := filepath.Join(out, "terraform", "main.tf")
	data, _ := os.ReadFile(main)
	os.WriteFile(main, []byte(strings.Replace(string(data), "enable_dns_support", "enable_dns_supprt", 1)), 0o644)
	streams, stdout, _ = cmdutil.TestIOStreams()
	if code := run([]string{"validate", out}, streams); code != 1 {
		t.Fatalf("validate of a broken file exited %d", code)
	}
	if !strings.Contains(stdout.String(), "main.tf:") || !strings.Contains(stdout.String(), "enable_dns_supprt") {
		t.Errorf("finding does not name file, line and argument:\n%s", stdout)
	}
}

// TestRegenerate covers the life of an output directory: regenerating
// unchanged output, narrowing --format, and a user's edit that only --force
// may overwrite.
func TestRegenerate(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	scaffold := func(args ...string) (int, string, string) {
		streams, stdout, stderr := cmdutil.TestIOStreams()
		code := run(append(args, "--out", out), streams)
		return code, stdout.String(), stderr.String()
	}
	if code, _, stderr := scaffold("vpc"); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := scaffold("vpc")
	if code != 0 || strings.Count(stdout, "unchanged ") != 7 {
		t.Fatalf("second run: exit %d, want 7 unchanged files:\n%s%s", code, stdout, stderr)
	}
	code, stdout, _ = scaffold("vpc", "--format", "terraform", "--azs", "3")
	if code != 0 || !strings.Contains(stdout, "remove    cloudformation/vpc.yaml") || !strings.Contains(stdout, "replace   terraform/main.tf") {
		t.Fatalf("narrowing --format: exit %d:\n%s", code, stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "cloudformation", "vpc.yaml")); !os.IsNotExist(err) {
		t.Error("cloudformation/vpc.yaml survived --format terraform")
	}
	main := filepath.Join(out, "terraform", "main.tf")
	os.WriteFile(main, []byte("# my edit\n"), 0o644)
	code, _, stderr = scaffold("vpc", "--format", "terraform")
	if code != 1 || !strings.Contains(stderr, "generated files edited since (terraform/main.tf)") {
		t.Fatalf("edit not protected: exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(main); string(data) != "# my edit\n" {
		t.Error("refused run changed the edited file")
	}
	if code, _, stderr = scaffold("vpc", "--format", "terraform", "--force"); code != 0 {
		t.Fatalf("--force: exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(main); string(data) == "# my edit\n" {
		t.Error("--force did not overwrite the edited file")
	}
}

// TestListAndCompletion covers the reference commands: list names every
// blueprint once, and shell completion scripts are produced.
func TestListAndCompletion(t *testing.T) {
	streams, stdout, stderr := cmdutil.TestIOStreams()
	if code := run([]string{"list"}, streams); code != 0 {
		t.Fatalf("list: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "asg-spot  ") || !strings.HasPrefix(lines[1], "fanout  ") ||
		!strings.HasPrefix(lines[2], "pilot-light  ") || !strings.HasPrefix(lines[3], "vpc  ") {
		t.Errorf("list = %q", lines)
	}
	for _, shell := range []string{"bash", "zsh", "fish"} {
		streams, stdout, stderr := cmdutil.TestIOStreams()
		if code := run([]string{"completion", shell}, streams); code != 0 || !strings.Contains(stdout.String(), "scaffold") {
			t.Errorf("completion %s: exit %d, %d bytes, %s", shell, code, stdout.Len(), stderr)
		}
	}
}

// TestEveryCommandHasExamples walks the command tree: every command a
// user can run shows examples in its --help (cobra's own help and
// completion commands excepted).
func TestEveryCommandHasExamples(t *testing.T) {
	streams, _, _ := cmdutil.TestIOStreams()
	cmd := root.NewCmdRoot(&cmdutil.Factory{IO: streams})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		if c.Name() == "help" || c.Name() == "completion" || (c.HasParent() && c.Parent().Name() == "completion") {
			return
		}
		// compare's blueprint subcommands share compare's examples.
		if c.HasParent() && c.Parent().Name() == "compare" {
			return
		}
		if strings.TrimSpace(c.Example) == "" {
			t.Errorf("%s has no examples in --help", c.CommandPath())
		}
	}
	walk(cmd)
}

// TestCIDryRun runs --ci with --dry-run for each --format: the pipeline's
// files for the chosen formats (and only those) are listed, and nothing is
// written.
func TestCIDryRun(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		want     []string
		unwanted []string
	}{
		{"both formats", []string{"vpc", "--ci"}, []string{
			"create    terraform/backend.tf",
			"create    pipeline/README.md",
			"create    pipeline/buildspec-terraform-plan.yml",
			"create    pipeline/buildspec-terraform-apply.yml",
			"create    pipeline/buildspec-cloudformation-validate.yml",
			"create    pipeline/terraform/main.tf",
			"create    pipeline/cloudformation/pipeline.yaml",
		}, nil},
		{"terraform", []string{"fanout", "--ci", "--format", "terraform"}, []string{
			"create    terraform/backend.tf",
			"create    pipeline/buildspec-terraform-plan.yml",
			"create    pipeline/terraform/versions.tf",
		}, []string{"cloudformation", "validate"}},
		{"cloudformation", []string{"asg-spot", "--ci", "--format", "cloudformation"}, []string{
			"create    pipeline/buildspec-cloudformation-validate.yml",
			"create    pipeline/cloudformation/pipeline.yaml",
			"create    pipeline/README.md",
		}, []string{"terraform", "backend"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			out := filepath.Join(tmp, "out")
			streams, stdout, stderr := cmdutil.TestIOStreams()
			if code := run(append(tt.args, "--dry-run", "--out", out), streams); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("dry run created %s", out)
			}
			text := stdout.String()
			for _, want := range append(tt.want, "Dry run: nothing was written.") {
				if !strings.Contains(text, want) {
					t.Errorf("output lacks %q:\n%s", want, text)
				}
			}
			for _, line := range strings.Split(text, "\n") {
				for _, unwanted := range tt.unwanted {
					if strings.HasPrefix(line, "  create ") && strings.Contains(line, unwanted) {
						t.Errorf("--format %s lists %s", tt.args[len(tt.args)-1], line)
					}
				}
			}
		})
	}
}
