package docs

import (
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

func TestNewRejectsBadAssumptions(t *testing.T) {
	_, err := New([]string{"terraform"}, cost.Assumptions{HoursPerMonth: 730, GBPerMonth: -3})
	if err == nil || !strings.Contains(err.Error(), "GB processed per month must be a finite number of 0 or more, got -3") {
		t.Errorf("err = %v", err)
	}
}

func TestReadmeCostSection(t *testing.T) {
	g := &graph.Graph{Name: "lab", Blueprint: "vpc", Region: "eu-west-1", Components: []graph.Component{
		{ID: "vpc", Kind: graph.KindVPC, Label: "VPC"},
		{ID: "nat_eip_a", Kind: graph.KindElasticIP, Label: "address"},
	}}
	a := cost.DefaultAssumptions()
	a.GBPerMonth = 40
	gen, err := New([]string{"terraform"}, a)
	if err != nil {
		t.Fatal(err)
	}
	files, err := gen.Generate(g)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(files[0].Content)
	section := readme[strings.Index(readme, "## Cost estimate\n"):strings.Index(readme, "## Parameters\n")]
	// One address: 730 × $0.005 = 3.65, the same in every region.
	for _, want := range []string{
		"≈ $4 per month in eu-west-1 (730 h, 40 GB processed), 100% of it public IPv4 address hours. The table",
		"| nat_eip_a | public IPv4 address hours | 730      | $0.005 per hour | $3.65   |\n",
		"| total     |                           |          |                 | $3.65   |\n",
		"Assumed: 730 hours a month; 40 GB processed a month by each NAT gateway and each load balancer.",
		"compiled by scaffold on 2026-11-27 (aws.amazon.com/vpc/pricing",
		"- VPC: no charge for the network itself",
		"- Prices for eu-west-1 are us-east-1 list prices × 1.05",
	} {
		if !strings.Contains(section, want) {
			t.Errorf("cost section lacks %q:\n%s", want, section)
		}
	}
}
