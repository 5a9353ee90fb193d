package graph

// Pipeline describes a deployment pipeline that a graph's components
// (CodePipeline, CodeBuild) make up, in the terms its non-IaC files need:
// which build specification each CodeBuild project runs, what the source
// holds and which tool versions the builds install. The components say
// where things run; this says what runs there, so that the build
// specifications can be generated from, and checked against, the same
// model.
type Pipeline struct {
	// Format is the kind of code the pipeline deploys: PipelineTerraform
	// or PipelineCloudFormation.
	Format string
	// Deployment names what the pipeline deploys ("lab-vpc") in titles.
	Deployment string
	// Stack is the CloudFormation stack name to deploy the pipeline
	// itself under ("lab-vpc-pipeline"), which the bootstrap notes use.
	Stack string
	// SourceKey is the S3 object key that the source zip is uploaded to
	// and the pipeline's source action watches ("source/lab.zip").
	SourceKey string
	// Builds are the CodeBuild projects of the pipeline, in stage order.
	Builds []Build
	// TerraformDir is the root module's directory inside the source
	// ("terraform"); empty for CloudFormation.
	TerraformDir string
	// Templates are the CloudFormation templates inside the source
	// ("cloudformation/vpc.yaml"), TargetStack the stack their change
	// sets update and ChangeSet the change sets' name; all empty for
	// Terraform.
	Templates   []string
	TargetStack string
	ChangeSet   string
	// Tools pins the versions the builds install.
	Tools Tools
	// Outputs name the graph outputs that the bootstrap notes read after
	// the pipeline is deployed.
	Outputs PipelineOutputs
}

// The formats a Pipeline deploys.
const (
	PipelineTerraform      = "terraform"
	PipelineCloudFormation = "cloudformation"
)

// Build is one CodeBuild project and the build it runs.
type Build struct {
	// Project is the component ID of the codebuild_project.
	Project string
	// Step is what the build does, one of the Step constants; the CI/CD
	// generator has one build specification per step.
	Step string
	// Buildspec is the build specification's path inside the source, the
	// value of the project's source.buildspec
	// ("pipeline/buildspec-terraform-plan.yml").
	Buildspec string
}

// Build steps.
const (
	// StepTerraformPlan checks the root module (fmt, validate, tflint)
	// and saves a plan as the build's artifact.
	StepTerraformPlan = "terraform-plan"
	// StepTerraformApply applies the saved plan it receives.
	StepTerraformApply = "terraform-apply"
	// StepCloudFormationValidate lints and validates the templates.
	StepCloudFormationValidate = "cloudformation-validate"
)

// Tools are the pinned versions of what the builds install.
type Tools struct {
	// Terraform and TFLint are release versions without a "v"
	// ("1.11.4", "0.64.0"); CFNLint is the cfn-lint version on PyPI.
	Terraform, TFLint, CFNLint string
}

// PipelineOutputs names outputs of the pipeline's graph.
type PipelineOutputs struct {
	// PipelineName holds the CodePipeline's name, SourceBucket the bucket
	// the source zip goes to and Key the ARN of the KMS key that encrypts
	// it. StateBucket and StateKey (Terraform only) locate the
	// deployment's state.
	PipelineName, SourceBucket, Key, StateBucket, StateKey string
}
