package cloudformation_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cloudformation"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/internal/testbundle"
	scaffoldvalidate "github.com/scaffold-iac/scaffold/validate"
)

func generateBundle(t *testing.T) []generators.File {
	t.Helper()
	b, err := testbundle.TwoRegions()
	if err != nil {
		t.Fatalf("building the bundle: %v", err)
	}
	files, err := cloudformation.New().GenerateBundle(b)
	if err != nil {
		t.Fatalf("GenerateBundle: %v", err)
	}
	return files
}

// fileContent returns the content of the file at path, failing the test
// when there is none.
func fileContent(t *testing.T, files []generators.File, path string) []byte {
	t.Helper()
	for _, f := range files {
		if f.Path == path {
			return f.Content
		}
	}
	t.Fatalf("no file %s", path)
	return nil
}

// TestBundleGolden compares the whole output with testdata/bundle/, where
// -update rewrites it. The bundle comes from the vpc blueprint, so a change
// there shows here too.
func TestBundleGolden(t *testing.T) {
	files := generateBundle(t)
	dir := filepath.Join("testdata", "bundle")
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			path := filepath.Join(dir, filepath.FromSlash(f.Path))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, f.Content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		content, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		want[filepath.ToSlash(rel)] = content
		return err
	})
	if err != nil {
		t.Fatalf("reading golden files (run with -update to create them): %v", err)
	}
	for _, f := range files {
		golden, ok := want[f.Path]
		delete(want, f.Path)
		switch {
		case !ok:
			t.Errorf("%s has no golden file (run with -update)", f.Path)
		case !bytes.Equal(golden, f.Content):
			t.Errorf("%s differs from its golden file (run with -update and review the diff)", f.Path)
		}
	}
	for path := range want {
		t.Errorf("%s: golden file is no longer generated", path)
	}
}

// TestBundleLayout pins the file set and modes: a template per stack and
// two executable scripts.
func TestBundleLayout(t *testing.T) {
	var got []string
	for _, f := range generateBundle(t) {
		got = append(got, f.Path)
		executable := strings.HasSuffix(f.Path, ".sh")
		if executable != (f.Mode == 0o755) {
			t.Errorf("%s: mode %v", f.Path, f.Mode)
		}
	}
	want := []string{
		"cloudformation/deploy.sh", "cloudformation/destroy.sh", "cloudformation/dr.yaml",
		"cloudformation/primary.yaml", "cloudformation/replication.yaml",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("paths = %q, want %q", got, want)
	}
}

// TestBundleTemplatesMatchSpec runs `scaffold validate`'s checks over each
// template, and checks what the bundle adds: the stack's tags on every
// taggable resource and wired parameters that say where they come from.
func TestBundleTemplatesMatchSpec(t *testing.T) {
	files := generateBundle(t)
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".yaml") {
			continue
		}
		for _, finding := range scaffoldvalidate.CloudFormation(f.Path, f.Content) {
			t.Error(finding)
		}
	}
	replication := string(fileContent(t, files, "cloudformation/replication.yaml"))
	for _, want := range []string{
		"deploy.sh passes output VpcId of stack primary.",
		"deploy.sh passes output VpcCidrBlock of stack dr.",
		"- Key: Stack\n          Value: replication",
		"- Key: Blueprint\n          Value: two-region",
	} {
		if !strings.Contains(replication, want) {
			t.Errorf("replication.yaml lacks %q", want)
		}
	}
	if strings.Contains(string(fileContent(t, files, "cloudformation/dr.yaml")), "Value: vpc\n") {
		t.Error("dr.yaml carries the vpc blueprint's Blueprint tag; the bundle's should win")
	}
}

// awsCall matches a line that runs the aws CLI directly rather than
// through aws_cli, the wrapper that adds --endpoint-url.
var awsCall = regexp.MustCompile(`(^|[;&|(]|\$\()\s*aws\s`)

// TestBundleScriptsSyntax checks the scripts with bash -n and, when it is
// installed, shellcheck (CI installs it), and that the only direct aws
// call is the one inside the wrapper.
func TestBundleScriptsSyntax(t *testing.T) {
	dir := t.TempDir()
	var scripts []string
	for _, f := range generateBundle(t) {
		if !strings.HasSuffix(f.Path, ".sh") {
			continue
		}
		if !bytes.HasPrefix(f.Content, []byte("#!/usr/bin/env bash\n")) || !bytes.Contains(f.Content, []byte("\nset -euo pipefail\n")) {
			t.Errorf("%s: want a bash shebang and set -euo pipefail", f.Path)
		}
		var direct []string
		for _, line := range strings.Split(string(f.Content), "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "#") && awsCall.MatchString(line) {
				direct = append(direct, strings.TrimSpace(line))
			}
		}
		if len(direct) != 1 || !strings.Contains(direct[0], `${endpoint[@]+"${endpoint[@]}"}`) {
			t.Errorf("%s: aws is called directly in %q; every call must go through aws_cli", f.Path, direct)
		}
		path := filepath.Join(dir, filepath.Base(f.Path))
		if err := os.WriteFile(path, f.Content, 0o755); err != nil {
			t.Fatal(err)
		}
		scripts = append(scripts, path)
		if out, err := exec.Command("bash", "-n", path).CombinedOutput(); err != nil {
			t.Errorf("bash -n %s: %v\n%s", f.Path, err, out)
		}
	}
	shellcheck, err := exec.LookPath("shellcheck")
	if err != nil {
		t.Log("shellcheck is not installed; scripts/check-bundle.sh runs it")
		return
	}
	if out, err := exec.Command(shellcheck, scripts...).CombinedOutput(); err != nil {
		t.Errorf("shellcheck: %v\n%s", err, out)
	}
}

// fakeAWS is an aws CLI stand-in: it logs each call, reports that no stack
// exists yet (or, with FAKE_EXISTS set, that every stack exists and is up to
// date), succeeds at creating and waiting, and answers an output query with
// "<stack>:<key>", so the test can see which value reached which parameter.
const fakeAWS = `#!/usr/bin/env bash
printf '%s\n' "$*" >>"$AWS_LOG"
args=" $* "
case "$args" in
  *" describe-stacks "*"OutputKey=="*)
    stack=${args#* --stack-name }; stack=${stack%% *}
    key=${args#*OutputKey==\'}; key=${key%%\'*}
    echo "$stack:$key" ;;
  *" describe-stacks "*"--output table"*) ;;
  *" describe-stacks "*) [ -n "${FAKE_EXISTS:-}" ] || exit 255 ;;
  *" update-stack "*)
    echo "An error occurred (ValidationError) when calling the UpdateStack operation: No updates are to be performed." >&2
    exit 255 ;;
esac
exit 0
`

// TestDeployScriptCalls runs deploy.sh and destroy.sh against fakeAWS and
// checks the calls: stacks in order, each in its own region, outputs read
// from the right stack into the right parameter, region and parameter
// overrides from the environment honored and --endpoint-url on every call.
func TestDeployScriptCalls(t *testing.T) {
	dir := t.TempDir()
	for _, f := range generateBundle(t) {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, f.Content, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bin, "aws"), []byte(fakeAWS), 0o755); err != nil {
		t.Fatal(err)
	}
	run := func(script string, env ...string) (calls []string, output string) {
		t.Helper()
		log := filepath.Join(dir, script+".log")
		cmd := exec.Command("bash", filepath.Join(dir, "cloudformation", script))
		cmd.Env = append([]string{
			"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"),
			"AWS_LOG=" + log,
			"AWS_ENDPOINT_URL=http://127.0.0.1:5000",
			"DR_REGION=eu-west-1",
			"DR_NAME=class1",
		}, env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", script, err, out)
		}
		content, err := os.ReadFile(log)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(log); err != nil {
			t.Fatal(err)
		}
		calls = strings.Split(strings.TrimSpace(string(content)), "\n")
		for _, call := range calls {
			if !strings.HasPrefix(call, "--endpoint-url http://127.0.0.1:5000 ") {
				t.Errorf("%s: a call without --endpoint-url: %s", script, call)
			}
		}
		return calls, string(out)
	}

	var creates []string
	calls, _ := run("deploy.sh")
	for _, call := range calls {
		if strings.Contains(call, " create-stack ") {
			creates = append(creates, strings.TrimPrefix(call, "--endpoint-url http://127.0.0.1:5000 cloudformation create-stack "))
		}
	}
	dir = filepath.ToSlash(dir)
	want := []string{
		"--region us-east-1 --stack-name lab-primary --template-body file://" + dir + "/cloudformation/primary.yaml --capabilities CAPABILITY_IAM --output text",
		"--region eu-west-1 --stack-name lab-dr --template-body file://" + dir + "/cloudformation/dr.yaml --capabilities CAPABILITY_IAM " +
			"--parameters ParameterKey=Name,ParameterValue=class1 --output text",
		"--region us-east-1 --stack-name lab-replication --template-body file://" + dir + "/cloudformation/replication.yaml --parameters " +
			"ParameterKey=PrimaryVpcId,ParameterValue=lab-primary:VpcId ParameterKey=DrVpcCidr,ParameterValue=lab-dr:VpcCidrBlock --output text",
	}
	if strings.Join(creates, "\n") != strings.Join(want, "\n") {
		t.Errorf("create-stack calls:\n%s\nwant:\n%s", strings.Join(creates, "\n"), strings.Join(want, "\n"))
	}

	var deletes []string
	calls, _ = run("destroy.sh", "STACK_PREFIX=class1")
	for _, call := range calls {
		deletes = append(deletes, strings.TrimPrefix(call, "--endpoint-url http://127.0.0.1:5000 cloudformation "))
	}
	want = []string{
		"delete-stack --region us-east-1 --stack-name class1-replication",
		"wait stack-delete-complete --region us-east-1 --stack-name class1-replication",
		"delete-stack --region eu-west-1 --stack-name class1-dr",
		"wait stack-delete-complete --region eu-west-1 --stack-name class1-dr",
		"delete-stack --region us-east-1 --stack-name class1-primary",
		"wait stack-delete-complete --region us-east-1 --stack-name class1-primary",
	}
	if strings.Join(deletes, "\n") != strings.Join(want, "\n") {
		t.Errorf("destroy.sh calls:\n%s\nwant:\n%s", strings.Join(deletes, "\n"), strings.Join(want, "\n"))
	}

	// A second deploy updates; CloudFormation's "no updates" is success.
	calls, out := run("deploy.sh", "FAKE_EXISTS=1")
	if updates := strings.Count(strings.Join(calls, "\n"), " update-stack "); updates != 3 {
		t.Errorf("second deploy: %d update-stack calls, want 3:\n%s", updates, strings.Join(calls, "\n"))
	}
	if n := strings.Count(out, " is up to date"); n != 3 {
		t.Errorf("second deploy said \"is up to date\" %d times, want 3:\n%s", n, out)
	}
}

// TestGenerateBundleErrors covers what only the CloudFormation side of a
// bundle can get wrong.
func TestGenerateBundleErrors(t *testing.T) {
	tests := []struct {
		name   string
		modify func(b *graph.Bundle)
		want   string
	}{
		{"invalid bundle", func(b *graph.Bundle) { b.Stacks[2].Inputs[1].Stack = "replication" }, `a stack cannot read its own output`},
		{"bad prefix", func(b *graph.Bundle) { b.Name = "1lab" }, `name "1lab" cannot start a stack name`},
		{"bad blueprint", func(b *graph.Bundle) { b.Blueprint = "two\nregion" }, `blueprint name "two\nregion" is not a lowercase name`},
		{"bad region", func(b *graph.Bundle) { b.Stacks[0].Graph.Region = "east" }, `stack "primary": default region "east" is not an AWS Region code`},
		{"unmapped kind", func(b *graph.Bundle) {
			b.Stacks[1].Graph.Add(graph.Component{ID: "mystery", Kind: graph.Kind("mystery")})
		}, `stack "dr": component "mystery": kind "mystery" has no CloudFormation mapping`},
		{"output name", func(b *graph.Bundle) {
			b.Stacks[0].Graph.Outputs[0].Name = "VpcId"
			b.Stacks[2].Inputs[0].Output = "VpcId"
		}, `output "VpcId" cannot name a script variable`},
		{"region parameter", func(b *graph.Bundle) {
			g := b.Stacks[2].Graph
			g.Parameters = append(g.Parameters, graph.Parameter{Name: "region", Type: graph.ParamString})
		}, `stack "replication" parameter "region": its environment variable REPLICATION_REGION is already the region of stack "replication"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := testbundle.TwoRegions()
			if err != nil {
				t.Fatal(err)
			}
			tt.modify(b)
			files, err := cloudformation.New().GenerateBundle(b)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("GenerateBundle() error = %v, want it to contain %q", err, tt.want)
			}
			if files != nil {
				t.Errorf("GenerateBundle returned %d files with an error", len(files))
			}
		})
	}
	if _, err := cloudformation.New().GenerateBundle(nil); err == nil {
		t.Error("GenerateBundle(nil) returned no error")
	}
}

// TestBundleCapabilities: a named IAM resource needs the stronger
// acknowledgement, and a stack without IAM needs none.
func TestBundleCapabilities(t *testing.T) {
	b, err := testbundle.TwoRegions()
	if err != nil {
		t.Fatal(err)
	}
	role := b.Stacks[0].Graph.Component("flow_log_role")
	role.Properties = append(role.Properties, graph.Property{Name: "name", Value: graph.String("flow-logs")})
	files, err := cloudformation.New().GenerateBundle(b)
	if err != nil {
		t.Fatal(err)
	}
	deploy := string(fileContent(t, files, "cloudformation/deploy.sh"))
	for _, want := range []string{
		"primary.yaml --capabilities CAPABILITY_NAMED_IAM\n",
		"dr.yaml --capabilities CAPABILITY_IAM\n",
		"replication.yaml\n",
	} {
		if !strings.Contains(deploy, want) {
			t.Errorf("deploy.sh lacks %q", want)
		}
	}
}
