package terraform

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with the current output")

// goldenCases are the graphs whose whole output is pinned in
// testdata/<name>/. Review a golden diff as you would review the generator
// change that caused it.
var goldenCases = []struct {
	name  string
	graph func() *graph.Graph
}{
	{"vpc", vpcGraph},
	{"minimal", minimalGraph},
	{"values", valuesGraph},
	{"fanout", fanoutGraph},
	{"asg", asgGraph},
	{"pipeline", pipelineGraph},
	{"failover", failoverGraph},
}

func TestGenerateGolden(t *testing.T) {
	for _, tt := range goldenCases {
		t.Run(tt.name, func(t *testing.T) {
			files, err := New().Generate(tt.graph())
			if err != nil {
				t.Fatalf("Generate: %v", err)
			}
			assertTree(t, filepath.Join("testdata", tt.name), files)
		})
	}
}

func TestGenerateFileSet(t *testing.T) {
	want := []string{
		"terraform/main.tf", "terraform/outputs.tf", "terraform/providers.tf",
		"terraform/variables.tf", "terraform/versions.tf",
	}
	for _, tt := range goldenCases {
		t.Run(tt.name, func(t *testing.T) {
			files, err := New().Generate(tt.graph())
			if err != nil {
				t.Fatalf("Generate: %v", err)
			}
			var got []string
			for _, f := range files {
				got = append(got, f.Path)
				if f.Mode != 0 {
					t.Errorf("%s: mode %v, want 0 (the writer's default)", f.Path, f.Mode)
				}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("paths = %q, want %q (sorted, fixed set)", got, want)
			}
		})
	}
}

// TestDeterministic renders each graph several times, from freshly built
// graphs, and expects identical bytes: map order or shared state leaking
// into the output would show up here.
func TestDeterministic(t *testing.T) {
	for _, tt := range goldenCases {
		t.Run(tt.name, func(t *testing.T) {
			first, err := New().Generate(tt.graph())
			if err != nil {
				t.Fatalf("Generate: %v", err)
			}
			for i := 0; i < 5; i++ {
				again, err := New().Generate(tt.graph())
				if err != nil {
					t.Fatalf("Generate #%d: %v", i+2, err)
				}
				if len(again) != len(first) {
					t.Fatalf("run %d: %d files, first run had %d", i+2, len(again), len(first))
				}
				for j := range first {
					if again[j].Path != first[j].Path || !bytes.Equal(again[j].Content, first[j].Content) {
						t.Fatalf("run %d: %s differs from the first run", i+2, again[j].Path)
					}
				}
			}
		})
	}
}

// TestGeneratedHCLParses proves every file is valid HCL native syntax, the
// first thing terraform init checks.
func TestGeneratedHCLParses(t *testing.T) {
	for _, tt := range goldenCases {
		files, err := New().Generate(tt.graph())
		if err != nil {
			t.Fatalf("%s: Generate: %v", tt.name, err)
		}
		for _, f := range files {
			t.Run(tt.name+"/"+f.Path, func(t *testing.T) {
				if _, diags := hclsyntax.ParseConfig(f.Content, f.Path, hcl.InitialPos); diags.HasErrors() {
					t.Fatalf("not valid HCL: %v\n%s", diags, f.Content)
				}
				if !bytes.HasSuffix(f.Content, []byte("\n")) || bytes.HasSuffix(f.Content, []byte("\n\n")) {
					t.Errorf("file should end with exactly one newline")
				}
			})
		}
	}
}

// assertTree compares the generated files with the golden directory as a
// whole: a file missing from either side fails too, so a stale golden
// cannot linger. With -update it rewrites the directory instead.
func assertTree(t *testing.T, dir string, files []generators.File) {
	t.Helper()
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
		return
	}

	want := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		want[filepath.ToSlash(rel)] = content
		return nil
	})
	if err != nil {
		t.Fatalf("reading golden files (run go test -update to create them): %v", err)
	}
	got := map[string][]byte{}
	for _, f := range files {
		got[f.Path] = f.Content
	}
	for _, path := range sortedKeys(want, got) {
		w, inWant := want[path]
		g, inGot := got[path]
		switch {
		case !inGot:
			t.Errorf("%s: golden file is no longer generated", path)
		case !inWant:
			t.Errorf("%s: generated but has no golden file; run go test -update", path)
		case !bytes.Equal(w, g):
			t.Errorf("%s differs from its golden file (run go test -update and review the diff):\n%s", path, firstDifference(w, g))
		}
	}
}

func sortedKeys(maps ...map[string][]byte) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range maps {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// firstDifference shows the first line that differs, enough to locate a
// change without a diff library.
func firstDifference(want, got []byte) string {
	wantLines := strings.Split(string(want), "\n")
	gotLines := strings.Split(string(got), "\n")
	for i := 0; i < len(wantLines) || i < len(gotLines); i++ {
		var w, g string
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, w, g)
		}
	}
	return "(no line differs; check line endings)"
}
