package cicd

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"text/template"

	"github.com/goccy/go-yaml"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cloudformation"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/templates"
)

// PipelineDir is where a deployment pipeline's files go in the output: its
// own code (written by the IaC generators under it), the build
// specifications and README.md.
const PipelineDir = "pipeline"

// Pipeline renders the build specifications that the CodeBuild projects of
// a pipeline graph run. Like the application files, they come from text
// templates and are parsed back and checked before they are returned.
type Pipeline struct{}

var _ generators.Generator = (*Pipeline)(nil)

// NewPipeline returns the pipeline generator.
func NewPipeline() *Pipeline { return &Pipeline{} }

// Name identifies the generator.
func (*Pipeline) Name() string { return "pipeline" }

// buildspecData is what a build specification template reads.
type buildspecData struct {
	Deployment string
	// Dir is the Terraform root module's directory in the source.
	Dir       string
	Tools     graph.Tools
	Templates []string
	// ApplyBuildspec is the Apply build's specification, which must travel
	// in the Plan build's artifact: the Apply build reads its
	// specification from its input, and its input is that artifact.
	ApplyBuildspec string
}

// Generate renders one build specification per build of g.Pipeline, at
// the path the build's project names, or nothing for a graph that is not
// a pipeline.
func (*Pipeline) Generate(g *graph.Graph) ([]generators.File, error) {
	if g == nil || g.Pipeline == nil {
		return nil, nil
	}
	p := g.Pipeline
	data := buildspecData{Deployment: p.Deployment, Dir: p.TerraformDir, Tools: p.Tools, Templates: p.Templates}
	for _, b := range p.Builds {
		if b.Step == graph.StepTerraformApply {
			data.ApplyBuildspec = b.Buildspec
		}
	}
	var files []generators.File
	var errs []error
	for _, b := range p.Builds {
		if !strings.HasPrefix(b.Buildspec, PipelineDir+"/") || path.Clean(b.Buildspec) != b.Buildspec {
			errs = append(errs, fmt.Errorf("build %q: build specification %q is not a clean path under %s/", b.Project, b.Buildspec, PipelineDir))
			continue
		}
		content, err := render("buildspec-"+b.Step+".yml.tmpl", data)
		if err != nil {
			errs = append(errs, fmt.Errorf("build %q: %w", b.Project, err))
			continue
		}
		files = append(files, generators.File{Path: b.Buildspec, Content: content})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	generators.SortFiles(files)
	var problems []error
	for _, b := range p.Builds {
		problems = append(problems, checkBuildspec(g, b, files)...)
	}
	if err := errors.Join(problems...); err != nil {
		return nil, fmt.Errorf("generated build specifications: %w", err)
	}
	return files, nil
}

// render executes one template of package templates.
func render(name string, data any) ([]byte, error) {
	tmpl, err := template.New(name).Option("missingkey=error").ParseFS(templates.FS, name)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", name, err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("rendering %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// buildspecFile is the part of a build specification that the checks
// read. Phases are a map: every check sorts the names it reports, and
// Commands walks them in CodeBuild's order.
type buildspecFile struct {
	Version any `yaml:"version"`
	Env     struct {
		Shell     string            `yaml:"shell"`
		Variables map[string]string `yaml:"variables"`
	} `yaml:"env"`
	Phases    map[string]*buildspecPhase `yaml:"phases"`
	Artifacts *struct {
		Files []string `yaml:"files"`
	} `yaml:"artifacts"`
}

type buildspecPhase struct {
	Commands []string `yaml:"commands"`
}

// topLevelKeys are the sections CodeBuild's buildspec reference defines.
var topLevelKeys = []string{"version", "run-as", "env", "proxy", "batch", "phases", "reports", "artifacts", "cache"}

// codeBuildVariables are environment variables CodeBuild sets in every
// build, besides the shell's own.
var codeBuildVariables = regexp.MustCompile(`^(AWS_REGION|AWS_DEFAULT_REGION|CODEBUILD_[A-Z0-9_]+|HOME|PATH|PWD)$`)

// versionLine is the version as CodeBuild documents it: 0.2, unquoted
// (goccy quotes a string "0.2", which is why the files are templates).
var versionLine = regexp.MustCompile(`(?m)^version: 0\.2$`)

// variableUse finds $NAME and ${NAME}; variableSet finds NAME= at the start
// of a command or after a separator, and the variable of a for loop.
var (
	variableUse = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`)
	variableSet = regexp.MustCompile(`(?:^|[;&|(]\s*|export\s+)([A-Za-z_][A-Za-z0-9_]*)=|\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b`)
)

// Commands returns the shell commands of a build specification in phase
// order (install, pre_build, build, post_build), for checks that run them
// through a shell parser.
func Commands(content []byte) ([]string, error) {
	var spec buildspecFile
	if err := yaml.Unmarshal(content, &spec); err != nil {
		return nil, err
	}
	var commands []string
	for _, phase := range validPhases {
		if p := spec.Phases[phase]; p != nil {
			commands = append(commands, p.Commands...)
		}
	}
	return commands, nil
}

// checkBuildspec holds one build's specification to what CodeBuild
// documents and to the pipeline graph: version 0.2 (unquoted), known
// sections and phases, bash as the shell, no empty phase or command, and
// every variable a command reads set by CodeBuild, the project, the
// specification or an earlier command. The file must be the one the
// project's source.buildspec names.
func checkBuildspec(g *graph.Graph, b graph.Build, files []generators.File) []error {
	where := b.Buildspec
	var errs []error
	project := g.Component(b.Project)
	if project == nil || project.Kind != graph.KindCodeBuildProject {
		return []error{fmt.Errorf("%s: build %q is not a CodeBuild project of the pipeline", where, b.Project)}
	}
	if named := structField(project.Property("source"), "buildspec"); named != graph.String(b.Buildspec) {
		errs = append(errs, fmt.Errorf("%s: project %q runs %v, not this file", where, b.Project, named))
	}
	i := slices.IndexFunc(files, func(f generators.File) bool { return f.Path == b.Buildspec })
	if i < 0 {
		return append(errs, fmt.Errorf("%s: missing", where))
	}
	content := files[i].Content
	if !versionLine.Match(content) {
		errs = append(errs, fmt.Errorf("%s: version must be the unquoted 0.2", where))
	}
	var raw map[string]any
	if err := yaml.Unmarshal(content, &raw); err != nil {
		return append(errs, fmt.Errorf("%s: %w", where, err))
	}
	for _, key := range sortedKeys(raw) {
		if !slices.Contains(topLevelKeys, key) {
			errs = append(errs, fmt.Errorf("%s: unknown section %q", where, key))
		}
	}
	var spec buildspecFile
	if err := yaml.Unmarshal(content, &spec); err != nil {
		return append(errs, fmt.Errorf("%s: %w", where, err))
	}
	if spec.Env.Shell != "bash" {
		errs = append(errs, fmt.Errorf("%s: env.shell is %q; the commands are written for bash", where, spec.Env.Shell))
	}
	if len(spec.Phases) == 0 {
		errs = append(errs, fmt.Errorf("%s: no phases", where))
	}
	for _, name := range sortedKeys(spec.Phases) {
		phase := spec.Phases[name]
		switch {
		case !slices.Contains(validPhases, name):
			errs = append(errs, fmt.Errorf("%s: unknown phase %q", where, name))
		case phase == nil || len(phase.Commands) == 0:
			errs = append(errs, fmt.Errorf("%s: phase %s has no commands", where, name))
		}
	}
	provided := map[string]bool{}
	for _, v := range environmentVariables(project) {
		provided[v] = true
	}
	for name := range spec.Env.Variables {
		provided[name] = true
	}
	commands, _ := Commands(content)
	for i, command := range commands {
		if strings.TrimSpace(command) == "" {
			errs = append(errs, fmt.Errorf("%s: command %d is empty", where, i+1))
		}
		for _, m := range variableSet.FindAllStringSubmatch(command, -1) {
			provided[m[1]+m[2]] = true
		}
		for _, m := range variableUse.FindAllStringSubmatch(command, -1) {
			if name := m[1]; !provided[name] && !codeBuildVariables.MatchString(name) {
				errs = append(errs, fmt.Errorf("%s: command %d reads $%s, which neither CodeBuild nor project %q sets", where, i+1, name, b.Project))
			}
		}
	}
	return errs
}

// environmentVariables lists the names a CodeBuild project component sets.
func environmentVariables(project *graph.Component) []string {
	var names []string
	list, _ := structField(project.Property("environment"), "environment_variable").(graph.List)
	for _, item := range list {
		if name, ok := structField(item, "name").(graph.String); ok {
			names = append(names, string(name))
		}
	}
	return names
}

// structField reads one key of a Struct value, or nil.
func structField(v graph.Value, key string) graph.Value {
	s, _ := v.(graph.Struct)
	for _, f := range s {
		if f.Key == key {
			return f.Value
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// produced are files a build step creates, which its artifact may list
// although the source does not hold them: the saved plan, its text and
// the dependency lock file that terraform init writes.
func produced(step, dir string) []string {
	if step == graph.StepTerraformPlan {
		return []string{dir + "/tfplan", dir + "/plan.txt", dir + "/.terraform.lock.hcl"}
	}
	return nil
}

// CheckPipeline checks a pipeline graph's build specifications against the
// whole output (files as they will be written, paths relative to the
// output directory, which is also the root of the uploaded source): each
// specification passes the structural checks, every artifact pattern
// matches a file of the source or one the build creates, and the Apply
// build finds its specification and the saved plan in the Plan build's
// artifact, which is all it receives.
func CheckPipeline(g *graph.Graph, files []generators.File) error {
	if g == nil || g.Pipeline == nil {
		return errors.New("check pipeline: the graph is not a pipeline")
	}
	p := g.Pipeline
	var errs []error
	var planArtifact []string
	for _, b := range p.Builds {
		errs = append(errs, checkBuildspec(g, b, files)...)
		i := slices.IndexFunc(files, func(f generators.File) bool { return f.Path == b.Buildspec })
		if i < 0 {
			continue
		}
		var spec buildspecFile
		if err := yaml.Unmarshal(files[i].Content, &spec); err != nil || spec.Artifacts == nil {
			continue
		}
		available := produced(b.Step, p.TerraformDir)
		for _, f := range files {
			available = append(available, f.Path)
		}
		var matched []string
		for _, pattern := range spec.Artifacts.Files {
			found := false
			for _, f := range available {
				if globMatch(pattern, f) {
					found = true
					matched = append(matched, f)
				}
			}
			if !found {
				errs = append(errs, fmt.Errorf("%s: artifact files %q match nothing in the source or the build", b.Buildspec, pattern))
			}
		}
		if b.Step == graph.StepTerraformPlan {
			planArtifact = matched
		}
	}
	for _, b := range p.Builds {
		if b.Step != graph.StepTerraformApply {
			continue
		}
		for _, need := range []string{b.Buildspec, p.TerraformDir + "/tfplan", p.TerraformDir + "/.terraform.lock.hcl"} {
			if !slices.Contains(planArtifact, need) {
				errs = append(errs, fmt.Errorf("%s: the Apply build needs %s, which the Plan build's artifact leaves out", b.Buildspec, need))
			}
		}
	}
	if p.Format == graph.PipelineCloudFormation {
		for _, t := range p.Templates {
			if !slices.ContainsFunc(files, func(f generators.File) bool { return f.Path == t }) {
				errs = append(errs, fmt.Errorf("pipeline deploys %s, which is not in the output", t))
			}
		}
	}
	if p.Format == graph.PipelineTerraform && !slices.ContainsFunc(files, func(f generators.File) bool {
		return strings.HasPrefix(f.Path, p.TerraformDir+"/") && strings.HasSuffix(f.Path, ".tf")
	}) {
		errs = append(errs, fmt.Errorf("pipeline deploys %s/, which holds no Terraform files in the output", p.TerraformDir))
	}
	return errors.Join(errs...)
}

// globMatch reports whether a CodeBuild artifact pattern matches a path:
// "**" spans directories, "*" stays within one name.
func globMatch(pattern, name string) bool {
	var re strings.Builder
	re.WriteString("^")
	for i := 0; i < len(pattern); i++ {
		switch {
		case strings.HasPrefix(pattern[i:], "**/"):
			re.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(pattern[i:], "**"):
			re.WriteString(".*")
			i++
		case pattern[i] == '*':
			re.WriteString("[^/]*")
		default:
			re.WriteString(regexp.QuoteMeta(pattern[i : i+1]))
		}
	}
	re.WriteString("$")
	ok, err := regexp.MatchString(re.String(), name)
	return err == nil && ok
}

// readmeData is what the pipeline README template reads.
type readmeData struct {
	Deployment, Region string
	Pipelines          []readmePipeline
}

// readmePipeline is one pipeline's section of the README. Outputs holds
// the names as each format spells them: Terraform output names, or the
// PascalCase keys of CloudFormation's Outputs.
type readmePipeline struct {
	*graph.Pipeline
	Terraform bool
	Outputs   graph.PipelineOutputs
	// Zip lists what the uploaded source must hold: the code and every
	// build specification, paths relative to the output directory.
	Zip string
	// TemplateList names the templates in prose.
	TemplateList string
}

// PipelineReadme renders pipeline/README.md for the pipelines of one
// deployment (one per format), in the order given: how to deploy each
// pipeline once, upload the code, approve, and tear everything down.
func PipelineReadme(pipelines ...*graph.Graph) (generators.File, error) {
	if len(pipelines) == 0 {
		return generators.File{}, errors.New("pipeline README: no pipeline")
	}
	data := readmeData{Region: pipelines[0].Region}
	for _, g := range pipelines {
		if g.Pipeline == nil {
			return generators.File{}, fmt.Errorf("pipeline README: graph %q is not a pipeline", g.Name)
		}
		p := g.Pipeline
		data.Deployment = p.Deployment
		section := readmePipeline{Pipeline: p, Terraform: p.Format == graph.PipelineTerraform, Outputs: p.Outputs}
		var zip []string
		if section.Terraform {
			zip = append(zip, p.TerraformDir)
		} else {
			zip = append(zip, p.Templates...)
			section.Outputs = graph.PipelineOutputs{
				PipelineName: cloudformation.PascalCase(p.Outputs.PipelineName),
				SourceBucket: cloudformation.PascalCase(p.Outputs.SourceBucket),
				Key:          cloudformation.PascalCase(p.Outputs.Key),
			}
			quoted := make([]string, len(p.Templates))
			for i, t := range p.Templates {
				quoted[i] = "`" + t + "`"
			}
			section.TemplateList = strings.Join(quoted, ", ")
		}
		for _, b := range p.Builds {
			zip = append(zip, b.Buildspec)
		}
		section.Zip = strings.Join(zip, " ")
		data.Pipelines = append(data.Pipelines, section)
	}
	content, err := render("pipeline-readme.md.tmpl", data)
	if err != nil {
		return generators.File{}, fmt.Errorf("pipeline README: %w", err)
	}
	return generators.File{Path: PipelineDir + "/README.md", Content: content}, nil
}
