package pipeline

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// vpcKinds are the kinds the vpc blueprint uses with flow logs on.
var vpcKinds = []graph.Kind{
	graph.KindVPC, graph.KindSubnet, graph.KindInternetGateway, graph.KindElasticIP, graph.KindNATGateway,
	graph.KindRouteTable, graph.KindRoute, graph.KindRouteTableAssociation, graph.KindVPCGatewayEndpoint,
	graph.KindDefaultSecurityGroup, graph.KindLogGroup, graph.KindIAMRole, graph.KindIAMRolePolicy, graph.KindFlowLog,
}

func terraformParams() Params {
	return Params{Name: "lab", Blueprint: "vpc", Region: "us-east-1", Format: graph.PipelineTerraform,
		Kinds: vpcKinds, TerraformDir: "terraform", Tags: []graph.Tag{{Key: "Project", Value: "lab"}}}
}

func cloudFormationParams() Params {
	return Params{Name: "lab", Blueprint: "vpc", Region: "us-east-1", Format: graph.PipelineCloudFormation,
		Kinds: vpcKinds, Templates: []string{"cloudformation/vpc.yaml"}, StackName: "lab-vpc", Capabilities: []string{"CAPABILITY_IAM"}}
}

// TestEveryKindHasDeployAccess holds the permission table against the
// model: a kind added without deploy permissions would make every --ci
// pipeline of a blueprint that uses it fail at the first apply.
func TestEveryKindHasDeployAccess(t *testing.T) {
	for _, k := range graph.AllKinds() {
		a, ok := kindAccess[k]
		if !ok {
			t.Errorf("kind %q has no entry in kindAccess", k)
			continue
		}
		if len(a.services) == 0 && !a.roles {
			t.Errorf("kind %q grants neither a service nor role management", k)
		}
	}
	if len(kindAccess) != len(graph.AllKinds()) {
		t.Errorf("kindAccess has %d kinds, graph.AllKinds %d", len(kindAccess), len(graph.AllKinds()))
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		params Params
		modify func(*Params)
		want   string
	}{
		{"bad name", terraformParams(), func(p *Params) { p.Name = "Lab!" }, `invalid value "Lab!" for --name`},
		{"bad blueprint", terraformParams(), func(p *Params) { p.Blueprint = "V P C" }, `blueprint name "V P C" is not lowercase letters and hyphens`},
		{"no region", terraformParams(), func(p *Params) { p.Region = "" }, "no region"},
		{"no kinds", terraformParams(), func(p *Params) { p.Kinds = nil }, "the deployment has no resources to deploy"},
		{"unknown kinds", terraformParams(), func(p *Params) { p.Kinds = []graph.Kind{"zeta", "alpha", "zeta"} }, "no deploy permissions known for kind(s) alpha, zeta"},
		{"unknown format", terraformParams(), func(p *Params) { p.Format = "pulumi" }, `unknown format "pulumi"; want cloudformation or terraform`},
		{"no terraform dir", terraformParams(), func(p *Params) { p.TerraformDir = "" }, "no Terraform directory"},
		{"two templates", cloudFormationParams(), func(p *Params) { p.Templates = append(p.Templates, "cloudformation/b.yaml") }, "deploys one template, got 2"},
		{"no stack", cloudFormationParams(), func(p *Params) { p.StackName = "" }, "no stack name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.params
			tt.modify(&p)
			_, err := Build(p)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Build error = %v, want one containing %q", err, tt.want)
			}
		})
	}
	for _, p := range []Params{terraformParams(), cloudFormationParams()} {
		if err := p.Validate(); err != nil {
			t.Errorf("%s: Validate = %v", p.Format, err)
		}
	}
}

// ids lists a graph's component IDs.
func ids(g *graph.Graph) []string {
	var out []string
	for _, c := range g.Components {
		out = append(out, c.ID)
	}
	return out
}

func TestBuild(t *testing.T) {
	tests := []struct {
		name     string
		params   Params
		want     []string
		unwanted []string
		stages   []string
		builds   []string
	}{
		{
			name:   "terraform",
			params: terraformParams(),
			want: []string{keyID, artifactBucketID, artifactBucketID + "_versioning", artifactBucketID + "_policy", stateBucketID,
				stateBucketID + "_encryption", "plan_build", "plan_read_only", "apply_build", "apply_deploy_policy", pipelineID},
			unwanted: []string{deployRoleID, "validate_build"},
			stages:   []string{"Source", "Plan", "Approve", "Apply"},
			builds:   []string{"pipeline/buildspec-terraform-plan.yml", "pipeline/buildspec-terraform-apply.yml"},
		},
		{
			name:     "cloudformation",
			params:   cloudFormationParams(),
			want:     []string{keyID, artifactBucketID, "validate_build", deployRoleID, deployPolicyID, pipelineID},
			unwanted: []string{stateBucketID, "plan_build", "apply_build"},
			stages:   []string{"Source", "Validate", "CreateChangeSet", "Approve", "ExecuteChangeSet"},
			builds:   []string{"pipeline/buildspec-cloudformation-validate.yml"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Build(tt.params)
			if err != nil {
				t.Fatal(err)
			}
			got := ids(g)
			for _, id := range tt.want {
				if !slices.Contains(got, id) {
					t.Errorf("no component %q", id)
				}
			}
			for _, id := range tt.unwanted {
				if slices.Contains(got, id) {
					t.Errorf("unexpected component %q", id)
				}
			}
			var stages []string
			for _, s := range g.Component(pipelineID).Property("stage").(graph.List) {
				stages = append(stages, string(s.(graph.Struct)[0].Value.(graph.String)))
			}
			if !slices.Equal(stages, tt.stages) {
				t.Errorf("stages = %v, want %v", stages, tt.stages)
			}
			if g.Pipeline == nil || g.Pipeline.Format != tt.params.Format || g.Pipeline.Deployment != "lab-vpc" || g.Pipeline.SourceKey != "source/lab.zip" {
				t.Fatalf("Pipeline = %+v", g.Pipeline)
			}
			var buildspecs []string
			for _, b := range g.Pipeline.Builds {
				buildspecs = append(buildspecs, b.Buildspec)
				project := g.Component(b.Project)
				source := project.Property("source").(graph.Struct)
				if source[1].Value != graph.String(b.Buildspec) {
					t.Errorf("project %s runs %v, the model says %s", b.Project, source[1].Value, b.Buildspec)
				}
			}
			if !slices.Equal(buildspecs, tt.builds) {
				t.Errorf("build specifications = %v, want %v", buildspecs, tt.builds)
			}
			for _, o := range []string{g.Pipeline.Outputs.PipelineName, g.Pipeline.Outputs.SourceBucket, g.Pipeline.Outputs.Key, g.Pipeline.Outputs.StateBucket, g.Pipeline.Outputs.StateKey} {
				if o != "" && !slices.ContainsFunc(g.Outputs, func(out graph.Output) bool { return out.Name == o }) {
					t.Errorf("Pipeline.Outputs names %q, which the graph does not output", o)
				}
			}
		})
	}
}

// TestEncryptedAndPrivate checks what every bucket, log group and project
// promises: the pipeline's key everywhere, TLS only, no public access, no
// ACLs, versioning.
func TestEncryptedAndPrivate(t *testing.T) {
	for _, p := range []Params{terraformParams(), cloudFormationParams()} {
		g, err := Build(p)
		if err != nil {
			t.Fatal(err)
		}
		settings := map[string][]graph.Kind{}
		for _, c := range g.Components {
			switch c.Kind {
			case graph.KindS3BucketVersioning, graph.KindS3BucketEncryption, graph.KindS3BucketPublicAccessBlock,
				graph.KindS3BucketOwnershipControls, graph.KindS3BucketPolicy:
				bucket := c.Property("bucket").(graph.Ref).Component
				settings[bucket] = append(settings[bucket], c.Kind)
				if c.Kind == graph.KindS3BucketPublicAccessBlock {
					for _, flag := range c.Properties[1:] {
						if flag.Value != graph.Bool(true) {
							t.Errorf("%s: %s is %v", c.ID, flag.Name, flag.Value)
						}
					}
				}
				if c.Kind == graph.KindS3BucketPolicy && !strings.Contains(fmt.Sprint(c.Property("policy")), "aws:SecureTransport") {
					t.Errorf("%s: the policy does not deny plain HTTP", c.ID)
				}
			case graph.KindLogGroup:
				if c.Property("kms_key_id") != graph.RefARN(keyID) {
					t.Errorf("%s is not encrypted with the pipeline's key", c.ID)
				}
			case graph.KindCodeBuildProject:
				if c.Property("encryption_key") != graph.RefARN(keyID) {
					t.Errorf("%s does not encrypt its artifacts with the pipeline's key", c.ID)
				}
			}
		}
		for _, c := range g.Components {
			if c.Kind == graph.KindS3Bucket && len(settings[c.ID]) != 5 {
				t.Errorf("%s: bucket %s has settings %v, want all five", p.Format, c.ID, settings[c.ID])
			}
		}
	}
}

// TestPilotLightAccess checks what the pilot light's kinds add to the
// deploy policy: RDS with the services its handler calls and its
// service-linked role, Route 53, and passing the replication role to S3.
func TestPilotLightAccess(t *testing.T) {
	a := deployAccess([]graph.Kind{
		graph.KindS3Bucket, graph.KindS3BucketReplication, graph.KindDBSubnetGroup, graph.KindDBInstance,
		graph.KindRoute53HealthCheck, graph.KindRoute53Record,
	})
	if got := strings.Join(a.services, ","); got != "ec2,kms,rds,route53,s3,secretsmanager" {
		t.Errorf("services = %s", got)
	}
	if got := strings.Join(a.passTo, ","); got != "s3.amazonaws.com" {
		t.Errorf("passTo = %s", got)
	}
	if got := strings.Join(a.linkedRoles, ","); got != "rds.amazonaws.com" {
		t.Errorf("linkedRoles = %s", got)
	}
}

// TestDeployPolicy checks the one policy with wildcards: services derived
// from the kinds, IAM limited to roles, PassRole only to the services that
// take the deployment's roles, and a waiver with a reason.
func TestDeployPolicy(t *testing.T) {
	g, err := Build(cloudFormationParams())
	if err != nil {
		t.Fatal(err)
	}
	c := g.Component(deployPolicyID)
	if len(c.Waivers) != 1 || c.Waivers[0].Rule != graph.RuleBroadDeployPermissions || !strings.Contains(c.Waivers[0].Reason, "ec2, logs") {
		t.Errorf("waivers = %+v", c.Waivers)
	}
	policy := render(c.Property("policy"))
	for _, want := range []string{`"ec2:*"`, `"logs:*"`, `"iam:CreateRole"`, `"iam:PassedToService":["vpc-flow-logs.amazonaws.com"]`} {
		if !strings.Contains(policy, want) {
			t.Errorf("deploy policy lacks %s:\n%s", want, policy)
		}
	}
	for _, unwanted := range []string{`"iam:*"`, `"iam:CreateUser"`, `"iam:CreateAccessKey"`, `"sns:*"`, `"*:*"`} {
		if strings.Contains(policy, unwanted) {
			t.Errorf("deploy policy grants %s:\n%s", unwanted, policy)
		}
	}
	// The order of the kinds must not change the policy.
	reversed := cloudFormationParams()
	slices.Reverse(reversed.Kinds)
	again, err := Build(reversed)
	if err != nil {
		t.Fatal(err)
	}
	if render(again.Component(deployPolicyID).Property("policy")) != policy {
		t.Error("the deploy policy depends on the order of the kinds")
	}

	// Every other policy names its resources.
	for _, c := range g.Components {
		if c.Kind != graph.KindIAMRolePolicy || c.ID == deployPolicyID {
			continue
		}
		if text := strings.ReplaceAll(render(c.Property("policy")), `.name>:*"`, `.name>:streams"`); strings.Contains(text, `:*"`) {
			t.Errorf("%s grants a whole service:\n%s", c.ID, text)
		}
	}
}

// render writes a model value as JSON-ish text for substring checks:
// references become <component.attr>, joins are concatenated.
func render(v graph.Value) string {
	var b strings.Builder
	encoder := json.NewEncoder(&b)
	encoder.SetEscapeHTML(false)
	_ = encoder.Encode(plain(v))
	return strings.TrimSpace(b.String())
}

func plain(v graph.Value) any {
	switch v := v.(type) {
	case graph.String:
		return string(v)
	case graph.Bool:
		return bool(v)
	case graph.Int:
		return int64(v)
	case graph.List:
		out := make([]any, len(v))
		for i, item := range v {
			out[i] = plain(item)
		}
		return out
	case graph.Document:
		return plain(graph.Object(v))
	case graph.Object:
		// json.Marshal sorts map keys, which is fine for substring checks.
		out := map[string]any{}
		for _, f := range v {
			out[f.Key] = plain(f.Value)
		}
		return out
	case graph.Join:
		var b strings.Builder
		for _, part := range v {
			fmt.Fprint(&b, plain(part))
		}
		return b.String()
	case graph.Ref:
		return "<" + v.Component + "." + string(v.Attr) + ">"
	default:
		return fmt.Sprintf("<%v>", v)
	}
}
