package cicd

import (
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

func app() *graph.Graph {
	return &graph.Graph{Name: "t", App: &graph.App{Name: "web", Port: 80, HealthPath: "/health", ContentDir: "/usr/share/nginx/html"}}
}

func TestGenerate(t *testing.T) {
	files, err := New().Generate(app())
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
		if strings.HasSuffix(f.Path, ".sh") && f.Mode != 0o755 {
			t.Errorf("%s mode %v", f.Path, f.Mode)
		}
		if strings.Contains(string(f.Content), "<no value>") {
			t.Errorf("%s has an unfilled template field", f.Path)
		}
	}
	want := "app/appspec.yml app/buildspec.yml app/scripts/after_install.sh app/scripts/application_start.sh app/scripts/before_install.sh app/scripts/validate_service.sh app/site/health app/site/index.html"
	if got := strings.Join(paths, " "); got != want {
		t.Errorf("files = %s\nwant %s", got, want)
	}
	if none, err := New().Generate(&graph.Graph{}); err != nil || none != nil {
		t.Errorf("graph without App: %v, %v", none, err)
	}
}

func TestCheckRejects(t *testing.T) {
	good, err := New().Generate(app())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		modify func(files []generators.File) []generators.File
		want   string
	}{
		{"quoted version", func(f []generators.File) []generators.File {
			return edit(f, "app/appspec.yml", "version: 0.0", `version: "0.0"`)
		}, "version must be the unquoted 0.0"},
		{"unknown hook", func(f []generators.File) []generators.File {
			return edit(f, "app/appspec.yml", "AfterInstall:", "AfterInstal:")
		}, `"AfterInstal" is not an EC2/On-Premises lifecycle hook`},
		{"missing script", func(f []generators.File) []generators.File {
			return edit(f, "app/appspec.yml", "scripts/after_install.sh", "scripts/missing.sh")
		}, `runs "scripts/missing.sh", which is not in the revision`},
		{"script not executable", func(f []generators.File) []generators.File {
			for i := range f {
				if f[i].Path == "app/scripts/validate_service.sh" {
					f[i].Mode = 0o644
				}
			}
			return f
		}, `runs "scripts/validate_service.sh", which is not executable`},
		{"bad timeout", func(f []generators.File) []generators.File {
			return edit(f, "app/appspec.yml", "timeout: 120", "timeout: 7200")
		}, "timeout 7200 is outside 1-3600 seconds"},
		{"bad phase", func(f []generators.File) []generators.File {
			return edit(f, "app/buildspec.yml", "post_build:", "postbuild:")
		}, `unknown phase "postbuild"`},
		{"artifacts", func(f []generators.File) []generators.File {
			return edit(f, "app/buildspec.yml", "- scripts/**/*", "- other/**/*")
		}, "artifacts leave out scripts/**/*"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := tt.modify(append([]generators.File(nil), good...))
			err := Check(files)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Check = %v, want %q", err, tt.want)
			}
		})
	}
	if err := Check(good); err != nil {
		t.Errorf("Check(good) = %v", err)
	}
}

func edit(files []generators.File, path, old, new string) []generators.File {
	for i := range files {
		if files[i].Path == path {
			files[i].Content = []byte(strings.Replace(string(files[i].Content), old, new, 1))
		}
	}
	return files
}
