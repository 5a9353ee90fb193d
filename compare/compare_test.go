package compare

import (
	"testing"

	"github.com/scaffold-iac/scaffold/blueprints/asgspot"
	"github.com/scaffold-iac/scaffold/blueprints/fanout"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

func graphs(t *testing.T) map[string]*graph.Graph {
	t.Helper()
	out := map[string]*graph.Graph{}
	v := vpc.Defaults()
	v.Isolated = true
	g, err := vpc.Build(v)
	if err != nil {
		t.Fatal(err)
	}
	out["vpc"] = g
	f := fanout.Defaults()
	f.Queues = []string{"a", "b"}
	f.KMS = true
	f.AlarmEmail = "ops@example.com"
	if out["fanout"], err = fanout.Build(f); err != nil {
		t.Fatal(err)
	}
	if out["asg-spot"], err = asgspot.Build(asgspot.Defaults()); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestEveryComponentAppears is the alignment promise: every component has
// its Terraform block, and a CloudFormation block unless the mapping says
// why not.
func TestEveryComponentAppears(t *testing.T) {
	for name, g := range graphs(t) {
		c, err := Build(g)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Rows) != len(g.Components) {
			t.Errorf("%s: %d rows for %d components", name, len(c.Rows), len(g.Components))
		}
		tf, cfn := 0, 0
		for _, r := range c.Rows {
			tf += len(r.Terraform)
			cfn += len(r.CloudFormation)
			if len(r.Terraform) != 1 {
				t.Errorf("%s: %s has %d Terraform blocks", name, r.ID, len(r.Terraform))
			}
			if len(r.CloudFormation) == 0 && r.Note == "" {
				t.Errorf("%s: %s has no CloudFormation and no note", name, r.ID)
			}
			for _, b := range append(r.Terraform, r.CloudFormation...) {
				if b.Text == "" || b.Type == "" {
					t.Errorf("%s: %s: empty block %+v", name, r.ID, b)
				}
			}
		}
		if tf != c.Summary.TerraformResources || cfn != c.Summary.CloudFormationResources {
			t.Errorf("%s: rows hold %d/%d resources, files have %d/%d", name, tf, cfn, c.Summary.TerraformResources, c.Summary.CloudFormationResources)
		}
	}
}
