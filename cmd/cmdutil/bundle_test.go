package cmdutil_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cicd"
	"github.com/scaffold-iac/scaffold/generators/cloudformation"
	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/generators/terraform"
	"github.com/scaffold-iac/scaffold/internal/testbundle"
)

// bundleOut, when set, makes TestWriteTestBundles write the test bundles
// there through the real pipeline, for scripts/check-bundle.sh to run the
// real tools on:
//
//	go test ./cmd/cmdutil -run TestWriteTestBundles -args -bundle-out DIR
var bundleOut = flag.String("bundle-out", "", "write the test bundles under this directory (for scripts/check-bundle.sh)")

func bundleFactory() (*cmdutil.Factory, *bytes.Buffer, *bytes.Buffer) {
	io, out, errOut := cmdutil.TestIOStreams()
	return &cmdutil.Factory{
		IO:         io,
		Generators: []generators.Generator{terraform.New(), cloudformation.New()},
		Validate:   cmdutil.CheckGenerated,
	}, out, errOut
}

func twoRegions(t *testing.T) *graph.Bundle {
	t.Helper()
	b, err := testbundle.TwoRegions()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWriteTestBundles writes each test bundle into its own directory
// under -bundle-out through GenerateBundle, exactly as a command would.
// Without the flag it writes to a temporary directory and checks the
// result, so the helper cannot rot.
func TestWriteTestBundles(t *testing.T) {
	root := *bundleOut
	if root == "" {
		root = t.TempDir()
	}
	for name, build := range map[string]func() (*graph.Bundle, error){
		"two-regions":   testbundle.TwoRegions,
		"shared-module": testbundle.SharedModule,
	} {
		b, err := build()
		if err != nil {
			t.Fatal(err)
		}
		f, _, _ := bundleFactory()
		dir := filepath.Join(root, name)
		if err := cmdutil.GenerateBundle(f, b, cmdutil.OutputOptions{Format: cmdutil.FormatBoth, Out: dir, Force: true}, nil, "test bundle"); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		info, err := os.Stat(filepath.Join(dir, "cloudformation", "deploy.sh"))
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm()&0o111 == 0 {
			t.Errorf("%s: deploy.sh is not executable (%v)", name, info.Mode())
		}
	}
}

func TestGenerateBundle(t *testing.T) {
	f, out, errOut := bundleFactory()
	dir := filepath.Join(t.TempDir(), "lab")
	if err := cmdutil.GenerateBundle(f, twoRegions(t), cmdutil.OutputOptions{Format: cmdutil.FormatBoth, Out: dir}, []string{"a warning"}, "two regions"); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		"README.md", "terraform/main.tf", "terraform/providers.tf", "terraform/modules/dr/main.tf",
		"cloudformation/primary.yaml", "cloudformation/dr.yaml", "cloudformation/replication.yaml",
		"cloudformation/deploy.sh", "cloudformation/destroy.sh",
	} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path))); err != nil {
			t.Errorf("%s was not written: %v", path, err)
		}
	}
	for _, want := range []string{
		"CIDR plan (dr stack, us-west-2):",
		"Estimated cost of the dr stack: ≈ $37 per month in us-west-2",
		"Estimated cost of the replication stack: $0 per month",
		"Wrote 23 files to " + dir + " (two regions):",
		"  create    cloudformation/deploy.sh",
		"Next: read " + filepath.Join(dir, "README.md"),
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if errOut.String() != "warning: a warning\n" {
		t.Errorf("stderr = %q", errOut)
	}

	// Running again over the same directory changes nothing.
	f, out, _ = bundleFactory()
	if err := cmdutil.GenerateBundle(f, twoRegions(t), cmdutil.OutputOptions{Format: cmdutil.FormatBoth, Out: dir}, nil, "two regions"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "  create ") || strings.Contains(out.String(), "  replace ") {
		t.Errorf("a second run changed files:\n%s", out)
	}
}

func TestGenerateBundleDryRunAndFormat(t *testing.T) {
	f, out, _ := bundleFactory()
	dir := filepath.Join(t.TempDir(), "lab")
	opts := cmdutil.OutputOptions{Format: "terraform", Out: dir, DryRun: true}
	if err := cmdutil.GenerateBundle(f, twoRegions(t), opts, nil, "two regions"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("a dry run created %s", dir)
	}
	text := out.String()
	if !strings.Contains(text, "Dry run: nothing was written.") || !strings.Contains(text, "terraform/modules/replication/main.tf") {
		t.Errorf("dry run output:\n%s", text)
	}
	if strings.Contains(text, "cloudformation/") {
		t.Errorf("--format terraform lists CloudFormation files:\n%s", text)
	}
	if !strings.Contains(text, "Cost estimate (us-west-2, prices of ") || !strings.Contains(text, ") (dr stack):\n") {
		t.Errorf("a dry run shows no cost table per stack:\n%s", text)
	}
}

func TestRenderBundleChecks(t *testing.T) {
	files, err := cmdutil.RenderBundle(twoRegions(t), []generators.BundleGenerator{terraform.New(), cloudformation.New()}, costAssumptions(t))
	if err != nil {
		t.Fatal(err)
	}
	// The schema checks of `scaffold validate` pass over the whole tree,
	// modules included.
	if err := cmdutil.CheckGenerated(files); err != nil {
		t.Error(err)
	}

	b := twoRegions(t)
	b.Stacks[1].Graph.App = &graph.App{Name: "web"}
	if _, err := cmdutil.RenderBundle(b, nil, costAssumptions(t)); err == nil || !strings.Contains(err.Error(), `stack "dr" has an application`) {
		t.Errorf("RenderBundle with an App: %v", err)
	}

	if _, err := cmdutil.BundleGenerators([]generators.Generator{terraform.New(), cicd.New()}); err == nil ||
		!strings.Contains(err.Error(), "the cicd generator cannot render a multi-stack blueprint") {
		t.Errorf("BundleGenerators with cicd: %v", err)
	}
}

func costAssumptions(t *testing.T) cost.Assumptions {
	t.Helper()
	a, err := cmdutil.OutputOptions{}.CostAssumptions()
	if err != nil {
		t.Fatal(err)
	}
	return a
}
