package cmdutil

import (
	"fmt"
	"slices"
	"strings"

	"github.com/scaffold-iac/scaffold/blueprints/pipeline"
	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cicd"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// withPipeline returns the deployment as --ci changes it: with Terraform
// selected its state moves to the pipeline's bucket, and its README points
// at the pipeline's. The caller's graph is left as it was.
func withPipeline(g *graph.Graph, selected []generators.Generator) *graph.Graph {
	target := *g
	target.RemoteState = slices.ContainsFunc(selected, func(gen generators.Generator) bool { return gen.Name() == graph.PipelineTerraform })
	target.Docs.Notes = append(slices.Clone(g.Docs.Notes), graph.Note{
		Title: "Deployment pipeline",
		Body: "`pipeline/` holds an AWS CodePipeline that deploys this code after a person approves what would change, " +
			"and the CodeBuild build specifications it runs. `pipeline/README.md` shows how to deploy it once, upload the code, " +
			"approve and tear down.",
	})
	return &target
}

// RenderPipelines builds one pipeline per selected format for the
// deployment g, whose files are already rendered (files), and returns the
// pipelines' files: each pipeline's code under pipeline/ (rendered by the
// generator of its own format), the build specifications and
// pipeline/README.md. The build specifications are checked against the
// whole output, since they name files the other generators wrote.
func RenderPipelines(g *graph.Graph, selected []generators.Generator, files []generators.File) ([]generators.File, error) {
	var out []generators.File
	var graphs []*graph.Graph
	for _, gen := range selected {
		params := pipeline.Params{
			Name: g.Name, Blueprint: g.Blueprint, Region: g.Region, Tags: g.Tags,
			Format: gen.Name(), Kinds: g.Kinds(),
		}
		switch gen.Name() {
		case graph.PipelineTerraform:
			params.TerraformDir = "terraform"
		case graph.PipelineCloudFormation:
			for _, f := range files {
				if strings.HasPrefix(f.Path, "cloudformation/") && strings.HasSuffix(f.Path, ".yaml") {
					params.Templates = append(params.Templates, f.Path)
				}
			}
			params.StackName = g.Name + "-" + g.Blueprint
			params.Capabilities = capabilities(g)
		default:
			return nil, fmt.Errorf("--ci: no pipeline for format %q", gen.Name())
		}
		p, err := pipeline.Build(params)
		if err != nil {
			return nil, fmt.Errorf("building the %s pipeline: %w", gen.Name(), err)
		}
		rendered, err := gen.Generate(p)
		if err != nil {
			return nil, fmt.Errorf("rendering the %s pipeline: %w", gen.Name(), err)
		}
		for _, f := range rendered {
			f.Path = pipeline.Dir + "/" + f.Path
			out = append(out, f)
		}
		buildspecs, err := cicd.NewPipeline().Generate(p)
		if err != nil {
			return nil, fmt.Errorf("rendering the %s pipeline: %w", gen.Name(), err)
		}
		out = append(out, buildspecs...)
		graphs = append(graphs, p)
	}
	readme, err := cicd.PipelineReadme(graphs...)
	if err != nil {
		return nil, err
	}
	out = append(out, readme)
	all := append(slices.Clone(files), out...)
	for _, p := range graphs {
		if err := cicd.CheckPipeline(p, all); err != nil {
			return nil, fmt.Errorf("checking the %s pipeline: %w", p.Pipeline.Format, err)
		}
	}
	generators.SortFiles(out)
	return out, nil
}

// capabilities are what CloudFormation must be told the stack does: IAM
// resources need CAPABILITY_IAM, and IAM names chosen by the template
// CAPABILITY_NAMED_IAM as well.
func capabilities(g *graph.Graph) []string {
	var out []string
	for _, c := range g.Components {
		switch c.Kind {
		case graph.KindIAMRole, graph.KindIAMInstanceProfile, graph.KindIAMRolePolicy, graph.KindIAMRolePolicyAttachment:
			if len(out) == 0 {
				out = append(out, "CAPABILITY_IAM")
			}
			named := c.Kind == graph.KindIAMRole || c.Kind == graph.KindIAMInstanceProfile
			if named && c.Property("name") != nil && !slices.Contains(out, "CAPABILITY_NAMED_IAM") {
				out = append(out, "CAPABILITY_NAMED_IAM")
			}
		}
	}
	return out
}
