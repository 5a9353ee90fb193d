package cicd

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

var tools = graph.Tools{Terraform: "1.11.4", TFLint: "0.64.0", CFNLint: "1.51.0"}

// project is a CodeBuild project component that runs buildspec with the
// given environment variables.
func project(id, buildspec string, variables ...string) graph.Component {
	environment := graph.Struct{{Key: "type", Value: graph.String("LINUX_CONTAINER")}}
	var list graph.List
	for _, name := range variables {
		list = append(list, graph.Struct{{Key: "name", Value: graph.String(name)}, {Key: "value", Value: graph.String("x")}})
	}
	if len(list) > 0 {
		environment = append(environment, graph.Field{Key: "environment_variable", Value: list})
	}
	return graph.Component{ID: id, Kind: graph.KindCodeBuildProject, Properties: []graph.Property{
		{Name: "source", Value: graph.Struct{{Key: "type", Value: graph.String("CODEPIPELINE")}, {Key: "buildspec", Value: graph.String(buildspec)}}},
		{Name: "environment", Value: environment},
	}}
}

// terraformPipeline is the shape of what blueprints/pipeline builds for
// Terraform, reduced to what the build specifications depend on.
func terraformPipeline() *graph.Graph {
	state := []string{"TF_STATE_BUCKET", "TF_STATE_KEY", "TF_STATE_KMS_KEY_ID", "TF_IN_AUTOMATION"}
	g := &graph.Graph{Name: "lab", Blueprint: "pipeline", Region: "eu-west-1"}
	g.Add(project("plan_build", "pipeline/buildspec-terraform-plan.yml", state...),
		project("apply_build", "pipeline/buildspec-terraform-apply.yml", state...))
	g.Pipeline = &graph.Pipeline{
		Format: graph.PipelineTerraform, Deployment: "lab-vpc", Stack: "lab-vpc-pipeline", SourceKey: "source/lab.zip",
		Builds: []graph.Build{
			{Project: "plan_build", Step: graph.StepTerraformPlan, Buildspec: "pipeline/buildspec-terraform-plan.yml"},
			{Project: "apply_build", Step: graph.StepTerraformApply, Buildspec: "pipeline/buildspec-terraform-apply.yml"},
		},
		TerraformDir: "terraform",
		Tools:        tools,
		Outputs:      graph.PipelineOutputs{PipelineName: "pipeline_name", SourceBucket: "source_bucket", Key: "kms_key_arn", StateBucket: "state_bucket", StateKey: "state_key"},
	}
	return g
}

func cloudFormationPipeline() *graph.Graph {
	g := &graph.Graph{Name: "lab", Blueprint: "pipeline", Region: "eu-west-1"}
	g.Add(project("validate_build", "pipeline/buildspec-cloudformation-validate.yml"))
	g.Pipeline = &graph.Pipeline{
		Format: graph.PipelineCloudFormation, Deployment: "lab-vpc", Stack: "lab-vpc-pipeline", SourceKey: "source/lab.zip",
		Builds:      []graph.Build{{Project: "validate_build", Step: graph.StepCloudFormationValidate, Buildspec: "pipeline/buildspec-cloudformation-validate.yml"}},
		Templates:   []string{"cloudformation/vpc.yaml"},
		TargetStack: "lab-vpc", ChangeSet: "scaffold-pipeline",
		Tools:   tools,
		Outputs: graph.PipelineOutputs{PipelineName: "pipeline_name", SourceBucket: "source_bucket", Key: "kms_key_arn"},
	}
	return g
}

// layout is the rest of an output directory the pipelines deploy.
var layout = []generators.File{
	{Path: "terraform/main.tf", Content: []byte("# resources\n")},
	{Path: "terraform/versions.tf", Content: []byte("# versions\n")},
	{Path: "cloudformation/vpc.yaml", Content: []byte("Resources: {}\n")},
}

func generatePipeline(t *testing.T, g *graph.Graph) []generators.File {
	t.Helper()
	files, err := NewPipeline().Generate(g)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestPipelineGenerate(t *testing.T) {
	tests := []struct {
		name  string
		graph func() *graph.Graph
		paths string
		want  []string
	}{
		{"terraform", terraformPipeline, "pipeline/buildspec-terraform-apply.yml pipeline/buildspec-terraform-plan.yml", []string{
			"https://releases.hashicorp.com/terraform/1.11.4/terraform_1.11.4_SHA256SUMS",
			"sha256sum --check --strict -",
			"tflint/releases/download/v0.64.0/checksums.txt",
			"terraform -chdir=terraform fmt -check -recursive",
			`-backend-config="bucket=$TF_STATE_BUCKET" -backend-config="key=$TF_STATE_KEY" -backend-config="region=$AWS_REGION"`,
			"terraform -chdir=terraform validate",
			"tflint --chdir=terraform",
			"plan -input=false -no-color -out=tfplan",
			"terraform -chdir=terraform apply -input=false -no-color tfplan",
			"- pipeline/buildspec-terraform-apply.yml",
		}},
		{"cloudformation", cloudFormationPipeline, "pipeline/buildspec-cloudformation-validate.yml", []string{
			"pip install --quiet --no-cache-dir cfn-lint==1.51.0",
			"cfn-lint --format parseable --non-zero-exit-code warning -- cloudformation/vpc.yaml",
			"aws cloudformation validate-template --template-body file://cloudformation/vpc.yaml",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := generatePipeline(t, tt.graph())
			var paths []string
			var all []byte
			for _, f := range files {
				paths = append(paths, f.Path)
				all = append(all, f.Content...)
				if bytes.Contains(f.Content, []byte("<no value>")) {
					t.Errorf("%s has an unfilled template field", f.Path)
				}
			}
			if got := strings.Join(paths, " "); got != tt.paths {
				t.Errorf("files = %s, want %s", got, tt.paths)
			}
			for _, want := range tt.want {
				if !bytes.Contains(all, []byte(want)) {
					t.Errorf("build specifications lack %q", want)
				}
			}
			if err := CheckPipeline(tt.graph(), append(files, layout...)); err != nil {
				t.Errorf("CheckPipeline = %v", err)
			}
		})
	}
	if none, err := NewPipeline().Generate(&graph.Graph{}); err != nil || none != nil {
		t.Errorf("graph without Pipeline: %v, %v", none, err)
	}
}

// TestBuildspecCommandsAreBash runs every build specification's commands
// through bash -n, with the strict options the check script also puts in
// front of them, so a quoting slip fails here rather than in CodeBuild.
// shellcheck, in scripts/check-examples.sh, checks the same script for
// more than syntax.
func TestBuildspecCommandsAreBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Fatalf("bash is needed to check the buildspec commands: %v", err)
	}
	for _, g := range []*graph.Graph{terraformPipeline(), cloudFormationPipeline()} {
		for _, f := range generatePipeline(t, g) {
			commands, err := Commands(f.Content)
			if err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
			script := "set -euo pipefail\n" + strings.Join(commands, "\n") + "\n"
			cmd := exec.Command(bash, "-n")
			cmd.Stdin = strings.NewReader(script)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s: bash -n: %v\n%s\n%s", f.Path, err, out, script)
			}
		}
	}
}

func TestCheckPipelineRejects(t *testing.T) {
	tests := []struct {
		name   string
		graph  func() *graph.Graph
		modify func(g *graph.Graph, files []generators.File) []generators.File
		want   string
	}{
		{"quoted version", terraformPipeline, func(_ *graph.Graph, f []generators.File) []generators.File {
			return edit(f, "pipeline/buildspec-terraform-plan.yml", "version: 0.2", `version: "0.2"`)
		}, "version must be the unquoted 0.2"},
		{"unknown phase", terraformPipeline, func(_ *graph.Graph, f []generators.File) []generators.File {
			return edit(f, "pipeline/buildspec-terraform-apply.yml", "  build:", "  deploy:")
		}, `unknown phase "deploy"`},
		{"unknown section", cloudFormationPipeline, func(_ *graph.Graph, f []generators.File) []generators.File {
			return edit(f, "pipeline/buildspec-cloudformation-validate.yml", "phases:", "stages:")
		}, `unknown section "stages"`},
		{"empty phase", terraformPipeline, func(_ *graph.Graph, f []generators.File) []generators.File {
			for i := range f {
				if f[i].Path == "pipeline/buildspec-terraform-apply.yml" {
					content := string(f[i].Content)
					start, end := strings.Index(content, "  install:\n"), strings.Index(content, "  build:\n")
					f[i].Content = []byte(content[:start] + "  install:\n    commands: []\n" + content[end:])
				}
			}
			return f
		}, "phase install has no commands"},
		{"not bash", cloudFormationPipeline, func(_ *graph.Graph, f []generators.File) []generators.File {
			return edit(f, "pipeline/buildspec-cloudformation-validate.yml", "shell: bash", "shell: sh")
		}, `env.shell is "sh"`},
		{"variable the project does not set", terraformPipeline, func(g *graph.Graph, f []generators.File) []generators.File {
			g.Component("apply_build").Properties[1].Value = graph.Struct{{Key: "type", Value: graph.String("LINUX_CONTAINER")}}
			return f
		}, `reads $TF_STATE_BUCKET, which neither CodeBuild nor project "apply_build" sets`},
		{"project runs another file", cloudFormationPipeline, func(g *graph.Graph, f []generators.File) []generators.File {
			g.Component("validate_build").Properties[0].Value = graph.Struct{{Key: "buildspec", Value: graph.String("buildspec.yml")}}
			return f
		}, `project "validate_build" runs buildspec.yml, not this file`},
		{"missing file", terraformPipeline, func(_ *graph.Graph, f []generators.File) []generators.File {
			return drop(f, "pipeline/buildspec-terraform-apply.yml")
		}, "pipeline/buildspec-terraform-apply.yml: missing"},
		{"artifact matching nothing", terraformPipeline, func(_ *graph.Graph, f []generators.File) []generators.File {
			return edit(f, "pipeline/buildspec-terraform-plan.yml", "    - terraform/**/*\n", "    - terraform/**/*\n    - docs/*.md\n")
		}, `artifact files "docs/*.md" match nothing`},
		{"apply without its build specification", terraformPipeline, func(_ *graph.Graph, f []generators.File) []generators.File {
			return edit(f, "pipeline/buildspec-terraform-plan.yml", "    - pipeline/buildspec-terraform-apply.yml\n", "")
		}, "the Apply build needs pipeline/buildspec-terraform-apply.yml, which the Plan build's artifact leaves out"},
		{"no terraform code", terraformPipeline, func(_ *graph.Graph, f []generators.File) []generators.File {
			return drop(drop(f, "terraform/main.tf"), "terraform/versions.tf")
		}, "pipeline deploys terraform/, which holds no Terraform files"},
		{"no template", cloudFormationPipeline, func(_ *graph.Graph, f []generators.File) []generators.File {
			return drop(f, "cloudformation/vpc.yaml")
		}, "pipeline deploys cloudformation/vpc.yaml, which is not in the output"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := tt.graph()
			files := tt.modify(g, append(generatePipeline(t, tt.graph()), layout...))
			err := CheckPipeline(g, files)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("CheckPipeline = %v, want %q", err, tt.want)
			}
		})
	}
}

func drop(files []generators.File, path string) []generators.File {
	var out []generators.File
	for _, f := range files {
		if f.Path != path {
			out = append(out, f)
		}
	}
	return out
}

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"terraform/**/*", "terraform/main.tf", true},
		{"terraform/**/*", "terraform/modules/vpc/main.tf", true},
		{"terraform/**/*", "terraform/.terraform.lock.hcl", true},
		{"terraform/**/*", "cloudformation/vpc.yaml", false},
		{"terraform/*.tf", "terraform/modules/vpc/main.tf", false},
		{"pipeline/buildspec-terraform-apply.yml", "pipeline/buildspec-terraform-apply.yml", true},
		{"pipeline/buildspec-*.yml", "pipeline/README.md", false},
	}
	for _, tt := range tests {
		if got := globMatch(tt.pattern, tt.name); got != tt.want {
			t.Errorf("globMatch(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}

func TestPipelineReadme(t *testing.T) {
	f, err := PipelineReadme(terraformPipeline(), cloudFormationPipeline())
	if err != nil {
		t.Fatal(err)
	}
	text := string(f.Content)
	if f.Path != "pipeline/README.md" || strings.Contains(text, "<no value>") {
		t.Fatalf("%s:\n%s", f.Path, text)
	}
	for _, want := range []string{
		"# Deployment pipeline for lab-vpc",
		"## Terraform pipeline", "## CloudFormation pipeline",
		"terraform -chdir=pipeline/terraform apply",
		"zip -r source.zip terraform pipeline/buildspec-terraform-plan.yml pipeline/buildspec-terraform-apply.yml",
		`aws s3 cp source.zip "s3://$SOURCE_BUCKET/source/lab.zip" --region eu-west-1`,
		`aws codepipeline start-pipeline-execution --name "$PIPELINE"`,
		"put-approval-result",
		`-backend-config="key=$(terraform -chdir=pipeline/terraform output -raw state_key)"`,
		"aws cloudformation deploy --stack-name lab-vpc-pipeline",
		"zip -r source.zip cloudformation/vpc.yaml pipeline/buildspec-cloudformation-validate.yml",
		"--query \"Stacks[0].Outputs[?OutputKey=='$1'].OutputValue\"",
		"output SourceBucket", "output PipelineName",
		"describe-change-set --stack-name lab-vpc --change-set-name scaffold-pipeline",
		"aws cloudformation delete-stack --stack-name lab-vpc-pipeline",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("README lacks %q", want)
		}
	}
	if _, err := PipelineReadme(); err == nil {
		t.Error("PipelineReadme() without pipelines succeeded")
	}
	if _, err := PipelineReadme(&graph.Graph{Name: "x"}); err == nil || !strings.Contains(err.Error(), `graph "x" is not a pipeline`) {
		t.Errorf("PipelineReadme(not a pipeline) = %v", err)
	}
}
