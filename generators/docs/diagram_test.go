package docs

import (
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

func TestMermaidHasEveryComponent(t *testing.T) {
	g := &graph.Graph{Components: []graph.Component{
		{ID: "vpc", Kind: graph.KindVPC, Label: "VPC", Group: "network"},
		{ID: "subnet_a", Kind: graph.KindSubnet, Label: `subnet "a" <public>`, Group: "public subnets",
			Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("vpc")}}},
		{ID: "route", Kind: graph.KindRoute, Label: "route", DependsOn: []string{"vpc"},
			Properties: []graph.Property{{Name: "x", Value: graph.List{graph.RefID("subnet_a"), graph.RefID("subnet_a")}}}},
	}}
	got := Mermaid(g)
	for _, want := range []string{
		"flowchart LR\n",
		"  subgraph g0[\"network\"]\n    c_vpc[\"VPC\"]\n  end\n",
		`    c_subnet_a["subnet #quot;a#quot; #lt;public#gt;"]`,
		"  subgraph g2[\"route\"]\n",
		"  c_subnet_a --> c_vpc\n",
		"  c_route --> c_subnet_a\n  c_route --> c_vpc\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagram lacks %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "c_route --> c_subnet_a") != 1 {
		t.Errorf("duplicate edges:\n%s", got)
	}
}
