// Package examples holds the committed output of scaffold for every
// blueprint and format. They are the end-to-end golden files: this test
// regenerates each example through the real CLI and fails on any byte of
// difference; `make golden` (go test ./examples -update) rewrites them for
// review. CI also runs the real tools (terraform, cfn-lint, tflint, tfsec,
// moto) over this directory.
package examples

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	"github.com/scaffold-iac/scaffold/cmd/root"
	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cicd"
	"github.com/scaffold-iac/scaffold/generators/cloudformation"
	"github.com/scaffold-iac/scaffold/generators/terraform"
	"github.com/scaffold-iac/scaffold/validate"
)

var update = flag.Bool("update", false, "rewrite the examples from the current generators")

// Examples lists every committed example and the arguments that make it.
var Examples = []struct {
	Dir  string
	Args []string
}{
	{"vpc-2az-per-az-nat", []string{"vpc", "--name", "lab", "--azs", "2", "--nat", "per-az"}},
	{"vpc-3az-single-nat-isolated", []string{"vpc", "--name", "shop", "--azs", "3", "--nat", "single", "--isolated-subnets", "--cidr", "10.20.0.0/16", "--tag", "Environment=staging", "--tag", "CostCenter=1234"}},
	{"vpc-1az-no-nat", []string{"vpc", "--name", "sandbox", "--region", "eu-west-1", "--azs", "1", "--nat", "none", "--cidr", "192.168.0.0/20", "--endpoints", "s3", "--flow-logs", "off"}},
	{"fanout-product-events", []string{"fanout", "--topic", "product-events", "--queues", "inventory,search-index,notification"}},
	{"fanout-fifo-filter", []string{"fanout", "--name", "shop", "--topic", "orders", "--queues", "billing,shipping", "--fifo", "--content-dedup", "--filter", `billing={"eventType":["OrderPlaced"]}`}},
	{"fanout-kms-alarms", []string{"fanout", "--name", "secure", "--topic", "audit", "--queues", "archive,siem", "--kms", "--alarm-email", "ops@example.com", "--max-receive", "3", "--visibility-timeout", "2m", "--retention", "7d", "--raw-delivery", "off"}},
	{"asg-spot-default", []string{"asg-spot"}},
	{"asg-spot-graviton-https", []string{"asg-spot", "--name", "shop", "--azs", "3", "--nat", "single", "--instance-types", "m7g.large,m6g.large,c7g.large", "--on-demand-base", "2", "--on-demand-percent", "20", "--min", "2", "--max", "20", "--desired", "4", "--certificate-arn", "arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab", "--schedule", "scale-out=0 8 * * MON-FRI:desired=6", "--schedule", "scale-in=0 20 * * MON-FRI:desired=2", "--deployment-config", "HalfAtATime", "--artifact-bucket", "shop-revisions"}},
	{"vpc-2az-kms-no-endpoints", []string{"vpc", "--name", "secure", "--region", "us-east-2", "--cidr", "172.16.0.0/24", "--endpoints", "none", "--flow-log-retention", "14", "--flow-log-kms-key", "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}},
	{"vpc-2az-ci", []string{"vpc", "--name", "lab", "--azs", "2", "--ci"}},
	{"fanout-ci-cloudformation", []string{"fanout", "--name", "shop", "--topic", "orders", "--queues", "billing,shipping", "--kms", "--format", "cloudformation", "--ci"}},
	{"pilot-light-dns", []string{"pilot-light", "--primary-region", "us-east-1", "--dr-region", "us-west-2", "--db-engine", "postgres", "--hosted-zone-id", "Z123", "--domain", "app.example.com", "--format", "both"}},
	{"pilot-light-no-dns", []string{"pilot-light", "--name", "shop", "--primary-region", "eu-west-1", "--dr-region", "eu-central-1", "--db-engine", "mysql", "--db-instance-class", "db.t4g.small", "--min", "1", "--max", "3", "--desired", "1"}},
}

// isBundle reports whether an example's command builds several stacks
// (a bundle): its Terraform is a root module over terraform/modules/, its
// CloudFormation one template per stack, and compare does not take it.
func isBundle(args []string) bool { return args[0] == "pilot-light" }

// firstTemplate is the template an example's CloudFormation starts with.
func firstTemplate(args []string) string {
	if isBundle(args) {
		return "cloudformation/primary.yaml"
	}
	return "cloudformation/" + args[0] + ".yaml"
}

// formats are the --format values an example was generated with.
func formats(args []string) (terraform, cloudFormation bool) {
	format := "both"
	for i, a := range args {
		if a == "--format" && i+1 < len(args) {
			format = args[i+1]
		}
	}
	return format != "cloudformation", format != "terraform"
}

func factory() (*cmdutil.Factory, *bytes.Buffer, *bytes.Buffer) {
	io, out, errOut := cmdutil.TestIOStreams()
	return &cmdutil.Factory{
		IO:         io,
		Generators: []generators.Generator{terraform.New(), cloudformation.New()},
		Validate:   cmdutil.CheckGenerated,
	}, out, errOut
}

func generate(t testing.TB, dir string, args []string) {
	t.Helper()
	f, out, errOut := factory()
	cmd := root.NewCmdRoot(f)
	cmd.SetArgs(append(append([]string{}, args...), "--out", dir))
	if err := cmd.Execute(); err != nil {
		t.Fatalf("scaffold %s: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), err, out, errOut)
	}
}

func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".terraform" {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if strings.HasSuffix(rel, ".terraform.lock.hcl") {
			return nil
		}
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestExamples(t *testing.T) {
	for _, ex := range Examples {
		t.Run(ex.Dir, func(t *testing.T) {
			got := filepath.Join(t.TempDir(), "out")
			generate(t, got, ex.Args)
			if *update {
				if err := os.RemoveAll(ex.Dir); err != nil {
					t.Fatal(err)
				}
				if err := os.CopyFS(ex.Dir, os.DirFS(got)); err != nil {
					t.Fatal(err)
				}
			}
			gotFiles, wantFiles := readTree(t, got), readTree(t, ex.Dir)
			var paths []string
			for p := range gotFiles {
				paths = append(paths, p)
			}
			for p := range wantFiles {
				if _, ok := gotFiles[p]; !ok {
					t.Errorf("%s: committed but no longer generated", p)
				}
			}
			sort.Strings(paths)
			for _, p := range paths {
				want, ok := wantFiles[p]
				if !ok {
					t.Errorf("%s: generated but not committed (run make golden)", p)
					continue
				}
				if !bytes.Equal(gotFiles[p], want) {
					t.Errorf("%s differs from the committed example (run make golden and review the diff)", p)
				}
			}
		})
	}
}

// TestExamplesValidate runs the schema checks over the committed files, so
// a hand edit that breaks them is caught too.
func TestExamplesValidate(t *testing.T) {
	for _, ex := range Examples {
		t.Run(ex.Dir, func(t *testing.T) {
			findings, err := validate.Dir(ex.Dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range findings {
				t.Error(f.String())
			}
			// The app revision on disk (modes included, as git stores them)
			// must still pass the appspec/buildspec checks.
			if _, err := os.Stat(filepath.Join(ex.Dir, "app")); err == nil {
				var files []generators.File
				err := filepath.WalkDir(filepath.Join(ex.Dir, "app"), func(p string, d fs.DirEntry, err error) error {
					if err != nil || d.IsDir() {
						return err
					}
					info, err := d.Info()
					if err != nil {
						return err
					}
					content, err := os.ReadFile(p)
					rel, _ := filepath.Rel(ex.Dir, p)
					files = append(files, generators.File{Path: filepath.ToSlash(rel), Content: content, Mode: info.Mode().Perm()})
					return err
				})
				if err != nil {
					t.Fatal(err)
				}
				if err := cicd.Check(files); err != nil {
					t.Error(err)
				}
			}
			terraform, cloudFormation := formats(ex.Args)
			if _, err := os.Stat(filepath.Join(ex.Dir, "terraform", "main.tf")); (err == nil) != terraform {
				t.Errorf("example has Terraform: %v, want %v", err == nil, terraform)
			}
			if _, err := os.Stat(filepath.Join(ex.Dir, filepath.FromSlash(firstTemplate(ex.Args)))); (err == nil) != cloudFormation {
				t.Errorf("example has CloudFormation: %v, want %v", err == nil, cloudFormation)
			}
		})
	}
}

// TestDeterministic renders every example several times; any difference
// means map order or other nondeterminism leaked into output.
func TestDeterministic(t *testing.T) {
	for _, ex := range Examples {
		t.Run(ex.Dir, func(t *testing.T) {
			var first map[string][]byte
			for i := 0; i < 5; i++ {
				dir := filepath.Join(t.TempDir(), "out")
				generate(t, dir, ex.Args)
				files := readTree(t, dir)
				if first == nil {
					first = files
					continue
				}
				if len(files) != len(first) {
					t.Fatalf("run %d produced %d files, run 0 produced %d", i, len(files), len(first))
				}
				for p, content := range files {
					if !bytes.Equal(content, first[p]) {
						t.Fatalf("run %d: %s differs from run 0", i, p)
					}
				}
			}
		})
	}
}

// TestDiagramCoversExamples checks that the Mermaid diagram in every
// example's README names every Terraform resource's component.
func TestDiagramCoversExamples(t *testing.T) {
	for _, ex := range Examples {
		t.Run(ex.Dir, func(t *testing.T) {
			files := readTree(t, ex.Dir)
			readme := string(files["README.md"])
			// A bundle's README has one diagram per stack; a label must be
			// in one of them.
			var diagram string
			for rest := readme; ; {
				start := strings.Index(rest, "```mermaid\n")
				if start < 0 {
					break
				}
				end := start + strings.Index(rest[start+3:], "```") + 3
				diagram += rest[start:end]
				rest = rest[end:]
			}
			if diagram == "" {
				t.Fatal("README has no mermaid diagram")
			}
			checked := 0
			check := func(label string) {
				checked++
				if label = strings.ReplaceAll(label, `"`, "#quot;"); !strings.Contains(diagram, `["`+label) {
					t.Errorf("diagram lacks the component labelled %q", label)
				}
			}
			var mains []string
			for p := range files {
				if p == "terraform/main.tf" && !isBundle(ex.Args) || strings.HasPrefix(p, "terraform/modules/") && strings.HasSuffix(p, "/main.tf") {
					mains = append(mains, p)
				}
			}
			sort.Strings(mains)
			var lines []string
			for _, p := range mains {
				lines = append(lines, strings.Split(string(files[p]), "\n")...)
			}
			for i, line := range lines {
				if !strings.HasPrefix(line, "resource ") || i == 0 {
					continue
				}
				// The generator writes each component's label as the first
				// comment line above its resource.
				j := i - 1
				for j > 0 && strings.HasPrefix(lines[j-1], "#") {
					j--
				}
				check(strings.TrimPrefix(lines[j], "# "))
			}
			if terraform, _ := formats(ex.Args); !terraform {
				// The template carries the same labels as comments above
				// the resources (one line each in the examples).
				lines = strings.Split(string(files[firstTemplate(ex.Args)]), "\n")
				for i, line := range lines[:len(lines)-1] {
					if strings.HasPrefix(line, "  # ") && strings.HasPrefix(lines[i+1], "  ") && !strings.HasPrefix(lines[i+1], "   ") {
						check(strings.TrimPrefix(line, "  # "))
					}
				}
			}
			if checked == 0 {
				t.Fatal("no resources found to check")
			}
		})
	}
}

// TestCompareCoversExamples runs `scaffold compare` with every example's
// flags and checks that each Terraform resource and each CloudFormation
// resource of the committed example appears in the side-by-side view.
func TestCompareCoversExamples(t *testing.T) {
	for _, ex := range Examples {
		t.Run(ex.Dir, func(t *testing.T) {
			f, out, errOut := factory()
			if isBundle(ex.Args) {
				// compare lines up one template with one root module, so it
				// must refuse a multi-stack blueprint rather than show half
				// of it.
				cmd := root.NewCmdRoot(f)
				cmd.SetArgs(append([]string{"compare"}, ex.Args...))
				if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "deploys several stacks") {
					t.Fatalf("compare %s: want a refusal naming the stacks, got %v\n%s", ex.Args[0], err, out)
				}
				return
			}
			cmd := root.NewCmdRoot(f)
			cmd.SetArgs(append(append([]string{"compare"}, ex.Args...), "--markdown"))
			if err := cmd.Execute(); err != nil {
				t.Fatalf("compare: %v\n%s", err, errOut)
			}
			view := out.String()
			files := readTree(t, ex.Dir)
			checked := 0
			for _, line := range strings.Split(string(files["terraform/main.tf"]), "\n") {
				if strings.HasPrefix(line, "resource ") {
					checked++
					if !strings.Contains(view, line) {
						t.Errorf("compare view lacks %s", line)
					}
				}
			}
			template := string(files["cloudformation/"+ex.Args[0]+".yaml"])
			resources := template[strings.Index(template, "\nResources:\n"):]
			if i := strings.Index(resources, "\nOutputs:\n"); i > 0 {
				resources = resources[:i]
			}
			for _, line := range strings.Split(resources, "\n") {
				if strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "   ") && !strings.HasPrefix(line, "  #") && strings.HasSuffix(line, ":") {
					checked++
					if id := strings.TrimSpace(line); !strings.Contains(view, "\n"+id+"\n") {
						t.Errorf("compare view lacks CloudFormation resource %s", id)
					}
				}
			}
			if checked < 2 {
				t.Fatalf("only %d resources found to check; the example layout changed", checked)
			}
		})
	}
}
