package terraform

import (
	"bytes"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/internal/testbundle"
	"github.com/scaffold-iac/scaffold/validate"
)

// bundleCases are the bundles whose whole output is pinned in
// testdata/<name>/. They come from the vpc blueprint (through
// internal/testbundle), so a change to that blueprint changes them too:
// the point is to render real blueprint output across regions.
var bundleCases = []struct {
	name   string
	bundle func() (*graph.Bundle, error)
}{
	{"bundle", testbundle.TwoRegions},
	{"bundle-shared", testbundle.SharedModule},
}

func generateBundle(t *testing.T, build func() (*graph.Bundle, error)) []generators.File {
	t.Helper()
	b, err := build()
	if err != nil {
		t.Fatalf("building the bundle: %v", err)
	}
	files, err := New().GenerateBundle(b)
	if err != nil {
		t.Fatalf("GenerateBundle: %v", err)
	}
	return files
}

func TestGenerateBundleGolden(t *testing.T) {
	for _, tt := range bundleCases {
		t.Run(tt.name, func(t *testing.T) {
			assertTree(t, filepath.Join("testdata", tt.name), generateBundle(t, tt.bundle))
		})
	}
}

// TestGenerateBundleLayout pins the file set: a root module and one child
// module per distinct stack module, which a shared module serves twice.
func TestGenerateBundleLayout(t *testing.T) {
	root := []string{"terraform/main.tf", "terraform/outputs.tf", "terraform/providers.tf", "terraform/variables.tf", "terraform/versions.tf"}
	module := func(dir string) []string {
		var paths []string
		for _, name := range []string{"main.tf", "outputs.tf", "variables.tf", "versions.tf"} {
			paths = append(paths, "terraform/modules/"+dir+"/"+name)
		}
		return paths
	}
	tests := []struct {
		name    string
		bundle  func() (*graph.Bundle, error)
		modules []string
		sources map[string]string
	}{
		{"separate", testbundle.TwoRegions, []string{"dr", "primary", "replication"},
			map[string]string{"primary": "./modules/primary", "dr": "./modules/dr", "replication": "./modules/replication"}},
		{"shared", testbundle.SharedModule, []string{"primary_dr", "replication"},
			map[string]string{"primary": "./modules/primary_dr", "dr": "./modules/primary_dr", "replication": "./modules/replication"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := generateBundle(t, tt.bundle)
			var want []string
			for _, dir := range tt.modules {
				want = append(want, module(dir)...)
			}
			want = append(want, root...)
			sort.Strings(want)
			var got []string
			byPath := map[string][]byte{}
			for _, f := range files {
				got = append(got, f.Path)
				byPath[f.Path] = f.Content
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("paths =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			calls := moduleCalls(t, byPath["terraform/main.tf"])
			for stack, source := range tt.sources {
				if calls[stack] != source {
					t.Errorf("module %q has source %q, want %q", stack, calls[stack], source)
				}
			}
		})
	}
}

// moduleCalls parses main.tf and returns each module block's source.
func moduleCalls(t *testing.T, src []byte) map[string]string {
	t.Helper()
	file, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("main.tf: %v", diags)
	}
	calls := map[string]string{}
	for _, block := range file.Body.(*hclsyntax.Body).Blocks {
		if block.Type != "module" {
			continue
		}
		value, diags := block.Body.Attributes["source"].Expr.Value(nil)
		if diags.HasErrors() {
			t.Fatalf("module %q source: %v", block.Labels[0], diags)
		}
		calls[block.Labels[0]] = value.AsString()
	}
	return calls
}

// TestBundleModulesAreChildren checks what makes a module callable with a
// provider from its caller: no provider block, no region or tags
// variable, yet its own version requirements (tflint asks each module for
// them).
func TestBundleModulesAreChildren(t *testing.T) {
	for _, f := range generateBundle(t, testbundle.TwoRegions) {
		if !strings.HasPrefix(f.Path, "terraform/modules/") {
			continue
		}
		file, diags := hclsyntax.ParseConfig(f.Content, f.Path, hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", f.Path, diags)
		}
		for _, block := range file.Body.(*hclsyntax.Body).Blocks {
			switch {
			case block.Type == "provider":
				t.Errorf("%s: a child module configures a provider", f.Path)
			case block.Type == "variable" && (block.Labels[0] == regionVariable || block.Labels[0] == tagsVariable):
				t.Errorf("%s: a child module declares variable %q, which belongs to the root", f.Path, block.Labels[0])
			}
		}
		if strings.HasSuffix(f.Path, "/versions.tf") && !bytes.Contains(f.Content, []byte("required_providers")) {
			t.Errorf("%s: no required_providers", f.Path)
		}
	}
}

// TestBundleMatchesSchema runs the checks of `scaffold validate` over the
// whole configuration: the provider schema for every resource, module
// arguments against the modules' variables, references to module outputs
// and provider aliases.
func TestBundleMatchesSchema(t *testing.T) {
	for _, tt := range bundleCases {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{}
			for _, f := range generateBundle(t, tt.bundle) {
				files[f.Path] = f.Content
			}
			for _, finding := range validate.Terraform(files) {
				t.Error(finding)
			}
		})
	}
}

func TestBundleDeterministicAndParses(t *testing.T) {
	for _, tt := range bundleCases {
		t.Run(tt.name, func(t *testing.T) {
			first := generateBundle(t, tt.bundle)
			again := generateBundle(t, tt.bundle)
			if len(first) != len(again) {
				t.Fatalf("%d files, then %d", len(first), len(again))
			}
			for i := range first {
				if first[i].Path != again[i].Path || !bytes.Equal(first[i].Content, again[i].Content) {
					t.Errorf("%s differs between two runs", first[i].Path)
				}
				if _, diags := hclsyntax.ParseConfig(first[i].Content, first[i].Path, hcl.InitialPos); diags.HasErrors() {
					t.Errorf("%s is not valid HCL: %v", first[i].Path, diags)
				}
			}
		})
	}
}

// TestGenerateBundleErrors covers what only a bundle can get wrong, and
// that a stack's rendering problem names the stack.
func TestGenerateBundleErrors(t *testing.T) {
	tests := []struct {
		name   string
		modify func(b *graph.Bundle)
		want   string
	}{
		{"invalid bundle", func(b *graph.Bundle) { b.Stacks[2].Inputs[0].Output = "nothing" }, `stack "primary" has no output "nothing"`},
		{"unmapped kind", func(b *graph.Bundle) {
			b.Stacks[1].Graph.Add(graph.Component{ID: "mystery", Kind: graph.Kind("mystery")})
		}, `stack "dr": component "mystery": kind "mystery" has no Terraform mapping`},
		{"reserved parameter", func(b *graph.Bundle) {
			g := b.Stacks[2].Graph
			g.Parameters = append(g.Parameters, graph.Parameter{Name: "region", Type: graph.ParamString})
		}, `stack "replication": variables.tf: parameter "region": the name is reserved`},
		{"bad bundle tag", func(b *graph.Bundle) { b.Tags = append(b.Tags, graph.Tag{Key: "aws:owner", Value: "x"}) }, `tag "aws:owner": the aws: prefix is reserved`},
		{"bad region", func(b *graph.Bundle) { b.Stacks[1].Graph.Region = "west" }, `variables.tf: stack "dr": default region "west" is not an AWS Region code`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := testbundle.TwoRegions()
			if err != nil {
				t.Fatal(err)
			}
			tt.modify(b)
			files, err := New().GenerateBundle(b)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("GenerateBundle() error = %v, want it to contain %q", err, tt.want)
			}
			if files != nil {
				t.Errorf("GenerateBundle returned %d files with an error", len(files))
			}
			if !strings.HasPrefix(err.Error(), `render terraform for bundle "lab": `) {
				t.Errorf("error %q does not say which bundle", err)
			}
		})
	}
	if _, err := New().GenerateBundle(nil); err == nil {
		t.Error("GenerateBundle(nil) returned no error")
	}
}

func BenchmarkGenerateBundle(b *testing.B) {
	bundle, err := testbundle.TwoRegions()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := New().GenerateBundle(bundle); err != nil {
			b.Fatal(err)
		}
	}
}
