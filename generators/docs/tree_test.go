package docs

import (
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

func testGraph() *graph.Graph {
	return &graph.Graph{Name: "t", Region: "eu-west-1", Description: `a "quoted" \ graph`, Components: []graph.Component{
		{ID: "vpc", Kind: graph.KindVPC, Label: "VPC", Properties: []graph.Property{{Name: "cidr_block", Value: graph.String("10.0.0.0/16")}}},
		{ID: "eip", Kind: graph.KindElasticIP, Label: "address"},
		{ID: "subnet_b", Kind: graph.KindSubnet, Label: "subnet b", Properties: []graph.Property{
			{Name: "vpc_id", Value: graph.RefID("vpc")}, {Name: "availability_zone", Value: graph.AZ{Index: 1}}}},
		{ID: "nat", Kind: graph.KindNATGateway, Label: "nat", Properties: []graph.Property{
			{Name: "allocation_id", Value: graph.RefID("eip")}, {Name: "subnet_id", Value: graph.RefID("subnet_b")}}},
		{ID: "dlq", Kind: graph.KindSQSQueue, Label: "dead letters"},
		{ID: "queue", Kind: graph.KindSQSQueue, Label: "queue", Properties: []graph.Property{
			{Name: "redrive_policy", Value: graph.Document{{Key: "deadLetterTargetArn", Value: graph.RefARN("dlq")}}}}},
		{ID: "alarm", Kind: graph.KindMetricAlarm, Label: "alarm", Properties: []graph.Property{
			{Name: "dimensions", Value: graph.Object{{Key: "QueueName", Value: graph.Ref{Component: "dlq", Attr: graph.AttrName}}}}}},
		// Two roles naming each other as their container: neither may
		// vanish from the drawing.
		{ID: "x", Kind: graph.KindIAMRole, Label: "x", Properties: []graph.Property{{Name: "role", Value: graph.RefID("y")}}},
		{ID: "y", Kind: graph.KindIAMRole, Label: "y", Properties: []graph.Property{{Name: "role", Value: graph.RefID("x")}}},
	}}
}

func TestTreeNestsByReference(t *testing.T) {
	got := Tree(testGraph())
	want := `AWS Region eu-west-1
├── VPC 10.0.0.0/16 [vpc]
│   └── Availability Zone 2 (the region's second zone)
│       └── subnet b [subnet_b]
│           └── nat [nat]
│               └── address [eip]
├── queue [queue]
│   └── dead letters [dlq]
│       └── alarm [alarm]
└── x [x]
    └── y [y]
`
	if got != want {
		t.Errorf("tree:\n%s\nwant:\n%s", got, want)
	}
}

func TestDOTQuotesEverything(t *testing.T) {
	got := DOT(testGraph())
	for _, want := range []string{
		`label="a \"quoted\" \\ graph";`,
		`"nat" -> "eip";`,
		`"queue" -> "dlq";`,
		`"vpc" [label="VPC"];`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("DOT lacks %s:\n%s", want, got)
		}
	}
	if strings.Count(got, "{") != strings.Count(got, "}") {
		t.Errorf("unbalanced braces:\n%s", got)
	}
}

func TestNamePlan(t *testing.T) {
	g := &graph.Graph{
		Parameters: []graph.Parameter{{Name: "name", Type: graph.ParamString, Default: graph.String("shop")}},
		Components: []graph.Component{
			{ID: "vpc", Name: graph.Join{graph.Param("name"), graph.String("-main")}},
			{ID: "unnamed"},
			{ID: "regional", Name: graph.Join{graph.Param("name"), graph.String("-"), graph.PseudoRegion}},
			{ID: "orphan", Name: graph.Join{graph.Param("missing"), graph.String("-x")}},
		},
	}
	got := NamePlan(g).Rows
	want := [][]string{{"vpc", "shop-main"}, {"regional", "shop-<region>"}, {"orphan", "<missing>-x"}}
	if len(got) != len(want) {
		t.Fatalf("rows %q, want %q", got, want)
	}
	for i := range want {
		if got[i][0] != want[i][0] || got[i][1] != want[i][1] {
			t.Errorf("row %d = %q, want %q", i, got[i], want[i])
		}
	}
}
