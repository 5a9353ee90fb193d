// Package pipeline builds the deployment pipeline that `--ci` adds to a
// blueprint's output: an AWS CodePipeline that takes the generated code from
// an S3 upload, checks it, shows what would change, waits for a person to
// approve, and only then deploys. One graph is built per format: the
// Terraform flavour plans and applies the Terraform root module and keeps its
// state in a bucket of its own; the CloudFormation flavour lints the
// templates and deploys them through a change set.
//
// The builder knows the deployment it serves only through Params (names,
// region, tags, the kinds of resources it holds), so it works for any
// blueprint. Like every blueprint it imports the graph model and the shared
// blueprint helpers, never a generator.
package pipeline

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// Tool versions the builds install. They are pinned so that a build next
// month runs what was reviewed today; TerraformVersion is also the version
// the check scripts run, and the remote state backend needs 1.10 or later.
const (
	TerraformVersion = "1.11.4"
	TFLintVersion    = "0.64.0"
	CFNLintVersion   = "1.51.0"
)

// Params describe the deployment the pipeline deploys.
type Params struct {
	// Name is the deployment's name ("lab"), which prefixes every
	// resource name and the source object's key.
	Name string
	// Blueprint names the deployment's blueprint ("vpc"); it keeps the
	// pipelines of two blueprints with one name apart.
	Blueprint string
	// Region is where the pipeline and the deployment live.
	Region string
	// Tags are the deployment's tags; the pipeline's resources carry them
	// too, marked as part of the pipeline.
	Tags []graph.Tag
	// Format is the code the pipeline deploys: graph.PipelineTerraform or
	// graph.PipelineCloudFormation.
	Format string
	// Kinds are the kinds of resources the deployment holds. The role that
	// deploys it may manage exactly the AWS services behind them.
	Kinds []graph.Kind
	// TerraformDir is the root module's directory in the output
	// ("terraform"); Terraform only.
	TerraformDir string
	// Templates are the deployment's templates in the output
	// ("cloudformation/vpc.yaml") and StackName the stack they deploy to;
	// CloudFormation only. Capabilities are what the stack needs
	// acknowledged ("CAPABILITY_IAM").
	Templates    []string
	StackName    string
	Capabilities []string
}

// Validate reports every inconsistency in p. The parameters come from a
// blueprint that was already built, so a problem here is a bug in the
// caller rather than a user's typo; the messages still say what is wrong.
func (p Params) Validate() error {
	var errs []error
	if err := blueprints.ValidateName(p.Name); err != nil {
		errs = append(errs, err)
	}
	if p.Blueprint == "" || strings.Trim(p.Blueprint, "abcdefghijklmnopqrstuvwxyz-") != "" {
		errs = append(errs, fmt.Errorf("pipeline: blueprint name %q is not lowercase letters and hyphens", p.Blueprint))
	}
	if p.Region == "" {
		errs = append(errs, errors.New("pipeline: no region"))
	}
	if len(p.Kinds) == 0 {
		errs = append(errs, errors.New("pipeline: the deployment has no resources to deploy"))
	}
	var unknown []string
	for _, k := range p.Kinds {
		if _, ok := kindAccess[k]; !ok {
			unknown = append(unknown, string(k))
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		errs = append(errs, fmt.Errorf("pipeline: no deploy permissions known for kind(s) %s", strings.Join(slices.Compact(unknown), ", ")))
	}
	switch p.Format {
	case graph.PipelineTerraform:
		if p.TerraformDir == "" {
			errs = append(errs, errors.New("pipeline: no Terraform directory"))
		}
	case graph.PipelineCloudFormation:
		// One change set deploys one stack; a deployment of several
		// stacks needs an ordered pipeline that this builder does not
		// make yet.
		if len(p.Templates) != 1 {
			errs = append(errs, fmt.Errorf("pipeline: a CloudFormation pipeline deploys one template, got %d", len(p.Templates)))
		}
		if p.StackName == "" {
			errs = append(errs, errors.New("pipeline: no stack name"))
		}
	default:
		errs = append(errs, fmt.Errorf("pipeline: unknown format %q; want %s or %s", p.Format, graph.PipelineCloudFormation, graph.PipelineTerraform))
	}
	return errors.Join(errs...)
}
