package examples

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/cmd/root"
	"github.com/scaffold-iac/scaffold/validate"
)

// LabExamples are committed lab outputs: the lab file (and its student
// CSV) live in Dir, the generated class in Dir/Out.
var LabExamples = []struct {
	Dir, File, Out string
}{
	{"lab-3-students", "lab.yaml", "devops-101"},
}

func generateLab(t testing.TB, dir, file, out string) {
	t.Helper()
	f, stdout, errOut := factory()
	cmd := root.NewCmdRoot(f)
	cmd.SetArgs([]string{"lab", "generate", "-f", filepath.Join(dir, file), "--out", out})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("scaffold lab generate: %v\nstdout:\n%s\nstderr:\n%s", err, stdout, errOut)
	}
}

// TestLabExamples regenerates every lab example and fails on any byte of
// difference; -update rewrites them.
func TestLabExamples(t *testing.T) {
	for _, ex := range LabExamples {
		t.Run(ex.Dir, func(t *testing.T) {
			got := filepath.Join(t.TempDir(), "out")
			generateLab(t, ex.Dir, ex.File, got)
			want := filepath.Join(ex.Dir, ex.Out)
			if *update {
				if err := os.RemoveAll(want); err != nil {
					t.Fatal(err)
				}
				if err := os.CopyFS(want, os.DirFS(got)); err != nil {
					t.Fatal(err)
				}
			}
			gotFiles, wantFiles := readTree(t, got), readTree(t, want)
			var paths []string
			for p := range gotFiles {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			for p := range wantFiles {
				if _, ok := gotFiles[p]; !ok {
					t.Errorf("%s: committed but no longer generated", p)
				}
			}
			for _, p := range paths {
				if !bytes.Equal(gotFiles[p], wantFiles[p]) {
					t.Errorf("%s differs from the committed example (run make golden and review the diff)", p)
				}
			}

			// Same input, same bytes: a second run into another folder.
			again := filepath.Join(t.TempDir(), "again")
			generateLab(t, ex.Dir, ex.File, again)
			for p, content := range readTree(t, again) {
				if !bytes.Equal(content, gotFiles[p]) {
					t.Errorf("second run: %s differs", p)
				}
			}

			// Every student's blueprint folders pass the schema checks.
			students, err := os.ReadDir(filepath.Join(want, "students"))
			if err != nil {
				t.Fatal(err)
			}
			checked := 0
			for _, s := range students {
				blueprints, err := os.ReadDir(filepath.Join(want, "students", s.Name()))
				if err != nil {
					t.Fatal(err)
				}
				for _, b := range blueprints {
					if !b.IsDir() {
						continue
					}
					findings, err := validate.Dir(filepath.Join(want, "students", s.Name(), b.Name()))
					if err != nil {
						t.Fatal(err)
					}
					for _, f := range findings {
						t.Error(f.String())
					}
					checked++
				}
			}
			if checked != 6 {
				t.Errorf("checked %d student blueprint folders, want 6", checked)
			}
			if !strings.Contains(string(wantFiles["roster.csv"]), "ada-lovelace,ada@example.edu,111122223333,10.20.0.0/20,") {
				t.Errorf("roster.csv does not give Ada the first block:\n%s", wantFiles["roster.csv"])
			}
		})
	}
}
