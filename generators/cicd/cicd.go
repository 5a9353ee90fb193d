// Package cicd writes the non-IaC files of delivery: for a deployable
// application, the CodeDeploy appspec.yml, the hook scripts it names, a
// CodeBuild buildspec.yml and a placeholder site under app/; for a
// deployment pipeline (--ci), the build specifications its CodeBuild
// projects run and the notes on bootstrapping it under pipeline/. Files
// come from text templates and are parsed back and checked against the
// documented structure, and against the graph, before they are returned,
// so a template edit cannot ship a file CodeDeploy or CodeBuild would
// reject.
package cicd

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"text/template"

	"github.com/goccy/go-yaml"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/templates"
)

// Dir is where the application files go in the output.
const Dir = "app"

// Generator renders app/ for graphs that carry an App.
type Generator struct{}

var _ generators.Generator = (*Generator)(nil)

// New returns the CI/CD generator.
func New() *Generator { return &Generator{} }

// Name identifies the generator.
func (*Generator) Name() string { return "cicd" }

// hooks maps each hook to its script, in the order CodeDeploy runs them.
var hooks = []struct{ hook, script string }{
	{"BeforeInstall", "before_install.sh"},
	{"AfterInstall", "after_install.sh"},
	{"ApplicationStart", "application_start.sh"},
	{"ValidateService", "validate_service.sh"},
}

// Generate renders the files, or nothing when the graph has no App.
func (*Generator) Generate(g *graph.Graph) ([]generators.File, error) {
	if g.App == nil {
		return nil, nil
	}
	render := func(name string) ([]byte, error) {
		tmpl, err := template.New(name).Option("missingkey=error").ParseFS(templates.FS, name)
		if err != nil {
			return nil, fmt.Errorf("loading %s: %w", name, err)
		}
		var buf bytes.Buffer
		if err := tmpl.Execute(&buf, g.App); err != nil {
			return nil, fmt.Errorf("rendering %s: %w", name, err)
		}
		return buf.Bytes(), nil
	}
	var files []generators.File
	add := func(path, tmpl string, mode fs.FileMode) error {
		content, err := render(tmpl)
		if err != nil {
			return err
		}
		files = append(files, generators.File{Path: Dir + "/" + path, Content: content, Mode: mode})
		return nil
	}
	var errs []error
	errs = append(errs, add("appspec.yml", "appspec.yml.tmpl", 0o644), add("buildspec.yml", "buildspec.yml.tmpl", 0o644),
		add("site/index.html", "index.html.tmpl", 0o644))
	for _, h := range hooks {
		// Hook scripts must be executable: CodeDeploy runs them directly.
		errs = append(errs, add("scripts/"+h.script, h.script+".tmpl", 0o755))
	}
	files = append(files, generators.File{Path: Dir + "/site" + g.App.HealthPath, Content: []byte("ok\n")})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	generators.SortFiles(files)
	if err := Check(files); err != nil {
		return nil, fmt.Errorf("generated app files: %w", err)
	}
	return files, nil
}

// validHooks are the lifecycle events an EC2/On-Premises in-place
// deployment accepts in appspec.yml.
var validHooks = []string{"ApplicationStop", "BeforeInstall", "AfterInstall", "ApplicationStart", "ValidateService",
	"BeforeBlockTraffic", "AfterBlockTraffic", "BeforeAllowTraffic", "AfterAllowTraffic"}

// validPhases are the buildspec phases CodeBuild knows.
var validPhases = []string{"install", "pre_build", "build", "post_build"}

type appspec struct {
	OS    string                    `yaml:"os"`
	Files []struct{ Source string } `yaml:"files"`
	Hooks map[string][]struct {
		Location string `yaml:"location"`
		Timeout  int    `yaml:"timeout"`
	} `yaml:"hooks"`
}

type buildspec struct {
	Phases    map[string]struct{ Commands []string } `yaml:"phases"`
	Artifacts struct {
		Files []string `yaml:"files"`
	} `yaml:"artifacts"`
}

// Check verifies app files against what CodeDeploy and CodeBuild document:
// appspec version 0.0 (unquoted), os linux, known hook names, each hook's
// script present and executable with a timeout of at most an hour; and a
// buildspec of version 0.2 with known phases and artifacts that include the
// appspec and the scripts.
func Check(files []generators.File) error {
	byPath := map[string]generators.File{}
	for _, f := range files {
		byPath[strings.TrimPrefix(f.Path, Dir+"/")] = f
	}
	var errs []error
	spec, ok := byPath["appspec.yml"]
	if !ok {
		return errors.New("appspec.yml is missing")
	}
	if !bytes.Contains(spec.Content, []byte("\nversion: 0.0\n")) {
		errs = append(errs, errors.New("appspec.yml: version must be the unquoted 0.0"))
	}
	var a appspec
	if err := yaml.Unmarshal(spec.Content, &a); err != nil {
		return fmt.Errorf("appspec.yml: %w", err)
	}
	if a.OS != "linux" {
		errs = append(errs, fmt.Errorf("appspec.yml: os is %q, want linux", a.OS))
	}
	names := make([]string, 0, len(a.Hooks))
	for name := range a.Hooks {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !slices.Contains(validHooks, name) {
			errs = append(errs, fmt.Errorf("appspec.yml: %q is not an EC2/On-Premises lifecycle hook", name))
		}
		for _, h := range a.Hooks[name] {
			script, ok := byPath[h.Location]
			switch {
			case !ok:
				errs = append(errs, fmt.Errorf("appspec.yml: hook %s runs %q, which is not in the revision", name, h.Location))
			case script.Mode&0o111 == 0:
				errs = append(errs, fmt.Errorf("appspec.yml: hook %s runs %q, which is not executable", name, h.Location))
			case !bytes.HasPrefix(script.Content, []byte("#!")):
				errs = append(errs, fmt.Errorf("%q: no #! line", h.Location))
			}
			if h.Timeout < 1 || h.Timeout > 3600 {
				errs = append(errs, fmt.Errorf("appspec.yml: hook %s timeout %d is outside 1-3600 seconds", name, h.Timeout))
			}
		}
	}
	build, ok := byPath["buildspec.yml"]
	if !ok {
		return errors.Join(append(errs, errors.New("buildspec.yml is missing"))...)
	}
	if !bytes.Contains(build.Content, []byte("\nversion: 0.2\n")) {
		errs = append(errs, errors.New("buildspec.yml: version must be 0.2"))
	}
	var b buildspec
	if err := yaml.Unmarshal(build.Content, &b); err != nil {
		return errors.Join(append(errs, fmt.Errorf("buildspec.yml: %w", err))...)
	}
	phases := make([]string, 0, len(b.Phases))
	for phase := range b.Phases {
		phases = append(phases, phase)
	}
	sort.Strings(phases)
	for _, phase := range phases {
		if !slices.Contains(validPhases, phase) {
			errs = append(errs, fmt.Errorf("buildspec.yml: unknown phase %q", phase))
		}
	}
	for _, want := range []string{"appspec.yml", "scripts/**/*"} {
		if !slices.Contains(b.Artifacts.Files, want) {
			errs = append(errs, fmt.Errorf("buildspec.yml: artifacts leave out %s", want))
		}
	}
	return errors.Join(errs...)
}
