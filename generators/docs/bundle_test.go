package docs

import (
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/internal/testbundle"
)

func bundleReadme(t *testing.T, formats ...string) string {
	t.Helper()
	b, err := testbundle.TwoRegions()
	if err != nil {
		t.Fatal(err)
	}
	gen, err := New(formats, cost.DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	files, err := gen.GenerateBundle(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Path != "README.md" {
		t.Fatalf("GenerateBundle returned %v, want README.md alone", files)
	}
	return string(files[0].Content)
}

func TestBundleReadme(t *testing.T) {
	readme := bundleReadme(t, "terraform", "cloudformation")
	for _, want := range []string{
		"# lab — two-region blueprint\n",
		"| 1 | primary | `us-east-1` |",
		"| 2 | dr | `us-west-2` |",
		"| 3 | replication | `us-east-1` | A security group in the primary VPC that admits PostgreSQL from the DR VPC. | `primary_vpc_id` ← primary's `vpc_id`; `dr_vpc_cidr` ← dr's `vpc_cidr_block` |",
		"Tags on every resource: `Blueprint=two-region`, `ManagedBy=scaffold`, `Project=lab`;",
		"## Why this bundle exists\n",
		"- primary: ≈ $37 per month in us-east-1",
		"## Stack 2: dr\n",
		"its own tags: `Stack=dr`.",
		"| primary_vpc_id | `module.primary.vpc_id` | `PrimaryVpcId` | output `vpc_id` of primary |",
		"| name | `var.dr_name` | `Name` | `lab` |",
		"| vpc_id | `dr_vpc_id` | `VpcId` |",
		// A note both VPC stacks carry is shown once, naming both.
		"## NAT gateways (primary, dr)\n",
		"-var dr_region=us-west-2",
		"./cloudformation/deploy.sh",
		"`DR_REGION` (default `us-west-2`)",
		"such\nas `PRIMARY_NAME`; unset, it keeps the template's default.",
		"STACK=lab-dr REGION=us-west-2\n",
	} {
		if !strings.Contains(readme, want) {
			t.Errorf("README lacks %q", want)
		}
	}
	if n := strings.Count(readme, "```mermaid\nflowchart LR\n"); n != 3 {
		t.Errorf("README has %d diagrams, want one per stack (3)", n)
	}
	if n := strings.Count(readme, "## NAT gateways"); n != 1 {
		t.Errorf("the NAT gateway note appears %d times, want once", n)
	}
	if strings.Contains(readme, "\n\n\n") {
		t.Error("README has two blank lines in a row")
	}
}

// TestBundleReadmeFormats: only the formats generated get a deploy
// section.
func TestBundleReadmeFormats(t *testing.T) {
	terraformOnly := bundleReadme(t, "terraform")
	if !strings.Contains(terraformOnly, "## Deploy with Terraform") || strings.Contains(terraformOnly, "## Deploy with CloudFormation") ||
		strings.Contains(terraformOnly, "deploy.sh") {
		t.Error("a Terraform-only README should explain Terraform and nothing of CloudFormation")
	}
	cloudFormationOnly := bundleReadme(t, "cloudformation")
	if strings.Contains(cloudFormationOnly, "## Deploy with Terraform") || !strings.Contains(cloudFormationOnly, "## Deploy with CloudFormation") {
		t.Error("a CloudFormation-only README should explain CloudFormation only")
	}
}

func TestBundleReadmeErrors(t *testing.T) {
	gen, err := New(nil, cost.DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gen.GenerateBundle(nil); err == nil {
		t.Error("GenerateBundle(nil) returned no error")
	}
	b, err := testbundle.TwoRegions()
	if err != nil {
		t.Fatal(err)
	}
	b.Stacks[1].Name = "primary"
	if _, err := gen.GenerateBundle(b); err == nil || !strings.Contains(err.Error(), `duplicate stack "primary"`) {
		t.Errorf("GenerateBundle() error = %v, want the duplicate stack", err)
	}
}
