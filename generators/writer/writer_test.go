package writer

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators"
)

func sample() []generators.File {
	return []generators.File{
		{Path: "terraform/main.tf", Content: []byte("# main\n")},
		{Path: "README.md", Content: []byte("# readme\n")},
		{Path: "app/scripts/start.sh", Content: []byte("#!/bin/sh\n"), Mode: 0o755},
	}
}

func write(t *testing.T, dir string, files []generators.File, force bool) (*Plan, error) {
	t.Helper()
	plan, err := NewPlan(dir, files, force)
	if err != nil {
		return nil, err
	}
	return plan, plan.Apply()
}

func tree(t *testing.T, dir string) []string {
	t.Helper()
	var paths []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			paths = append(paths, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(paths)
	return paths
}

func actions(plan *Plan) string {
	var out []string
	for _, c := range plan.Changes {
		out = append(out, string(c.Action)+" "+c.Path)
	}
	return strings.Join(out, ", ")
}

func TestCreateThenRegenerate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	plan, err := write(t, dir, sample(), false)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := actions(plan), "create README.md, create app/scripts/start.sh, create terraform/main.tf"; got != want {
		t.Errorf("first plan: %s, want %s", got, want)
	}
	if got := strings.Join(tree(t, dir), " "); got != ".scaffold-manifest.json README.md app/scripts/start.sh terraform/main.tf" {
		t.Errorf("tree = %s", got)
	}
	info, err := os.Stat(filepath.Join(dir, "app/scripts/start.sh"))
	if err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("script mode = %v, %v", info.Mode(), err)
	}
	files := sample()
	files[0].Content = []byte("# main v2\n")
	plan, err = write(t, dir, files, false)
	if err != nil {
		t.Fatalf("regenerating over our own files: %v", err)
	}
	if got, want := actions(plan), "unchanged README.md, unchanged app/scripts/start.sh, replace terraform/main.tf"; got != want {
		t.Errorf("second plan: %s, want %s", got, want)
	}
}

func TestConflicts(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir string)
		want    string
	}{
		{"foreign file", func(t *testing.T, dir string) {
			os.MkdirAll(dir, 0o755)
			os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
		}, `output directory "DIR" holds files scaffold did not generate (notes.txt); choose another --out or pass --force to overwrite`},
		{"edited file", func(t *testing.T, dir string) {
			if _, err := write(t, dir, sample(), false); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, "README.md"), []byte("edited"), 0o644)
		}, `output directory "DIR" holds generated files edited since (README.md); choose another --out or pass --force to overwrite`},
		{"many foreign files", func(t *testing.T, dir string) {
			os.MkdirAll(dir, 0o755)
			for _, name := range []string{"a", "b", "c", "d", "e"} {
				os.WriteFile(filepath.Join(dir, name), nil, 0o644)
			}
		}, `output directory "DIR" holds files scaffold did not generate (a, b, c and 2 more); choose another --out or pass --force to overwrite`},
		{"output is a file", func(t *testing.T, dir string) {
			os.WriteFile(dir, []byte("x"), 0o644)
		}, `output path "DIR" is a file, not a directory; choose another --out`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			tt.prepare(t, dir)
			before := tree(t, dir)
			_, err := NewPlan(dir, sample(), false)
			want := strings.ReplaceAll(tt.want, "DIR", dir)
			if err == nil || err.Error() != want {
				t.Fatalf("NewPlan error = %v\nwant %s", err, want)
			}
			if after := tree(t, dir); strings.Join(after, " ") != strings.Join(before, " ") {
				t.Errorf("refused plan changed the directory: %v → %v", before, after)
			}
		})
	}
}

func TestForceOverwritesButKeepsForeignFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	if _, err := write(t, dir, sample(), true); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(data) != "mine" {
		t.Error("--force removed a file scaffold does not own")
	}
	var conflict *ConflictError
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("edited"), 0o644)
	if _, err := NewPlan(dir, sample(), false); !errors.As(err, &conflict) {
		t.Fatalf("edited file not reported: %v", err)
	}
	if strings.Join(conflict.Edited, ",") != "README.md" || strings.Join(conflict.Foreign, ",") != "notes.txt" {
		t.Errorf("conflict = edited %v, foreign %v; want edited [README.md], foreign [notes.txt]", conflict.Edited, conflict.Foreign)
	}
}

func TestStaleFilesRemoved(t *testing.T) {
	dir := t.TempDir()
	if _, err := write(t, dir, sample(), false); err != nil {
		t.Fatal(err)
	}
	plan, err := write(t, dir, sample()[:2], false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(actions(plan), "remove app/scripts/start.sh") {
		t.Errorf("plan = %s", actions(plan))
	}
	if _, err := os.Stat(filepath.Join(dir, "app/scripts/start.sh")); !os.IsNotExist(err) {
		t.Error("stale file still present")
	}
}

func TestTerraformWorkingFilesIgnored(t *testing.T) {
	dir := t.TempDir()
	if _, err := write(t, dir, sample(), false); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "terraform/.terraform/providers"), 0o755)
	os.WriteFile(filepath.Join(dir, "terraform/.terraform/providers/x"), []byte("bin"), 0o644)
	os.WriteFile(filepath.Join(dir, "terraform/.terraform.lock.hcl"), []byte("lock"), 0o644)
	os.WriteFile(filepath.Join(dir, "terraform/terraform.tfstate"), []byte("{}"), 0o644)
	os.WriteFile(filepath.Join(dir, "terraform/class.tfplan"), []byte("plan"), 0o644)
	os.WriteFile(filepath.Join(dir, "terraform/.terraform.tfstate.lock.info"), []byte("{}"), 0o644)
	if _, err := write(t, dir, sample(), false); err != nil {
		t.Fatalf("terraform's own files blocked regeneration: %v", err)
	}
}

func TestUnsafePaths(t *testing.T) {
	for _, p := range []string{"../escape", "/abs", "", ManifestName} {
		if _, err := NewPlan(t.TempDir(), []generators.File{{Path: p}}, false); err == nil {
			t.Errorf("path %q accepted", p)
		}
	}
	if _, err := NewPlan(t.TempDir(), []generators.File{{Path: "a"}, {Path: "a/b"}}, false); err == nil {
		t.Error("colliding paths accepted")
	}
}

func TestFailedWriteLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	// A foreign regular file where the generator needs a directory makes
	// the last file fail after the others were staged.
	os.WriteFile(filepath.Join(dir, "terraform"), []byte("x"), 0o644)
	plan, err := NewPlan(dir, sample(), true)
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Apply(); err == nil {
		t.Fatal("Apply succeeded although terraform/ cannot be created")
	}
	if got := strings.Join(tree(t, dir), " "); got != "terraform" {
		t.Errorf("failed Apply left %s", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("failed Apply left directories: %v", entries)
	}
}

// TestFreshDirectoryAppearsWhole checks the path for a directory that does
// not exist: the same files, modes and manifest as the file-by-file path,
// no temporary folder left behind, and missing parents created.
func TestFreshDirectoryAppearsWhole(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "a", "b", "out")
	if _, err := write(t, dir, sample(), false); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(tree(t, dir), " "); got != ".scaffold-manifest.json README.md app/scripts/start.sh terraform/main.tf" {
		t.Errorf("tree: %s", got)
	}
	if info, err := os.Stat(filepath.Join(dir, "app/scripts/start.sh")); err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("script mode: %v %v", info, err)
	}
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("directory mode: %v %v", info, err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("left beside the output: %v", entries)
	}
	// A second run plans nothing but unchanged files: the manifest agrees.
	plan, err := NewPlan(dir, sample(), false)
	if err != nil {
		t.Fatal(err)
	}
	if got := actions(plan); strings.Contains(got, "create") || strings.Contains(got, "replace") {
		t.Errorf("second plan: %s", got)
	}
}

func TestFreshDirectoryFailureLeavesNothing(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "new", "out")
	files := append(sample(), generators.File{Path: "README.md/x", Content: []byte("collides")})
	plan := &Plan{Dir: dir, files: files}
	if err := plan.Apply(); err == nil {
		t.Fatal("Apply succeeded with a file below another file")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("failed Apply left %v", entries)
	}
}
