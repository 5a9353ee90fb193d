package vpc

import (
	"errors"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/blueprints/regions"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*Params)
		want   string
	}{
		{"zero azs", func(p *Params) { p.AZs = 0 }, `invalid value "0" for --azs: us-east-1 has 6 Availability Zones; use 1 to 6`},
		{"too many azs", func(p *Params) { p.AZs = 7 }, `invalid value "7" for --azs: us-east-1 has 6 Availability Zones; use 1 to 6`},
		{"too many azs us-west-1", func(p *Params) { p.Region = "us-west-1"; p.AZs = 3 }, `invalid value "3" for --azs: us-west-1 has 2 Availability Zones; use 1 to 2`},
		{"cidr /8", func(p *Params) { p.CIDR = "10.0.0.0/8" }, `invalid value "10.0.0.0/8" for --cidr: prefix length must be between /16 and /24`},
		{"cidr /25", func(p *Params) { p.CIDR = "10.0.0.0/25" }, `invalid value "10.0.0.0/25" for --cidr: prefix length must be between /16 and /24`},
		{"cidr banana", func(p *Params) { p.CIDR = "banana" }, `invalid value "banana" for --cidr: not an IPv4 CIDR block such as 10.0.0.0/16`},
		{"cidr host bits", func(p *Params) { p.CIDR = "10.0.1.0/16" }, `invalid value "10.0.1.0/16" for --cidr: host bits are set; did you mean 10.0.0.0/16?`},
		{"/24 has room for 4 zones", func(p *Params) { p.CIDR = "10.0.0.0/24"; p.AZs = 5 }, `invalid value "5" for --azs: a /24 VPC has room for 4 zones per tier; use a /23 or larger --cidr`},
		{"nat maybe", func(p *Params) { p.NAT = "maybe" }, `invalid value "maybe" for --nat: must be one of none, per-az, single`},
		{"bad name", func(p *Params) { p.Name = "My_Lab" }, `invalid value "My_Lab" for --name: want ` + blueprints.NameRule},
		{"bad endpoint", func(p *Params) { p.Endpoints = []string{"sqs"} }, `invalid value "sqs" for --endpoints: must be one of dynamodb, s3 (or none)`},
		{"duplicate endpoint", func(p *Params) { p.Endpoints = []string{"s3", "s3"} }, `invalid value "s3" for --endpoints: is listed twice`},
		{"bad retention", func(p *Params) { p.FlowLogRetentionDays = 2 }, `invalid value "2" for --flow-log-retention: CloudWatch Logs accepts 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653`},
		{"bad kms key", func(p *Params) { p.FlowLogKMSKeyARN = "my-key" }, `invalid value "my-key" for --flow-log-kms-key: want a KMS key ARN such as arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`},
		{"kms alias", func(p *Params) { p.FlowLogKMSKeyARN = "arn:aws:kms:us-east-1:111122223333:alias/logs" }, `invalid value "arn:aws:kms:us-east-1:111122223333:alias/logs" for --flow-log-kms-key: want a KMS key ARN such as arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`},
		{"kms key in another region", func(p *Params) {
			p.FlowLogKMSKeyARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
		}, `invalid value "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" for --flow-log-kms-key: the key is in eu-west-1, but a log group can only use a key in its own region (us-east-1)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Defaults()
			tt.modify(&p)
			err := p.Validate()
			if err == nil || err.Error() != tt.want {
				t.Fatalf("Validate() = %v\nwant %s", err, tt.want)
			}
			var paramErr *blueprints.ParamError
			if !errors.As(err, &paramErr) {
				t.Errorf("error %T is not a *blueprints.ParamError", err)
			}
			if _, err := Build(p); err == nil {
				t.Error("Build accepted parameters that Validate rejects")
			}
		})
	}
}

func TestUnknownRegion(t *testing.T) {
	p := Defaults()
	p.Region = "us-east-7"
	err := p.Validate()
	if err == nil || !strings.HasPrefix(err.Error(), `invalid value "us-east-7" for --region: unknown region (did you mean us-east-1?); known regions: af-south-1, `) {
		t.Fatalf("Validate() = %v", err)
	}
}

func TestWarnings(t *testing.T) {
	p := Defaults()
	if w := p.Warnings(); len(w) != 0 {
		t.Errorf("defaults warn: %v", w)
	}
	p.CIDR = "100.64.0.0/16"
	p.NAT = NATSingle
	w := p.Warnings()
	if len(w) != 2 || !strings.Contains(w[0], "--cidr 100.64.0.0/16 is not a private (RFC 1918) range") ||
		w[1] != "--nat single: private subnets in every zone lose internet access if zone a fails" {
		t.Errorf("Warnings() = %q", w)
	}
	p.AZs = 1
	if w := p.Warnings(); len(w) != 1 {
		t.Errorf("single NAT in one zone should not warn: %q", w)
	}
}

func count(g *graph.Graph, kind graph.Kind) int {
	n := 0
	for _, c := range g.Components {
		if c.Kind == kind {
			n++
		}
	}
	return n
}

func TestBuildCounts(t *testing.T) {
	tests := []struct {
		name                                 string
		modify                               func(*Params)
		subnets, nats, eips, tables, routes  int
		endpoints, flowLogs, outputs, params int
	}{
		{"defaults", func(p *Params) {}, 4, 2, 2, 3, 3, 2, 1, 7, 2},
		{"3 azs single nat isolated", func(p *Params) { p.AZs = 3; p.NAT = NATSingle; p.Isolated = true }, 9, 1, 1, 5, 4, 2, 1, 8, 2},
		{"1 az no nat no extras", func(p *Params) { p.AZs = 1; p.NAT = NATNone; p.FlowLogs = false; p.Endpoints = nil }, 2, 0, 0, 2, 1, 0, 0, 6, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Defaults()
			tt.modify(&p)
			g, err := Build(p)
			if err != nil {
				t.Fatal(err)
			}
			got := []int{count(g, graph.KindSubnet), count(g, graph.KindNATGateway), count(g, graph.KindElasticIP), count(g, graph.KindRouteTable), count(g, graph.KindRoute), count(g, graph.KindVPCGatewayEndpoint), count(g, graph.KindFlowLog), len(g.Outputs), len(g.Parameters)}
			want := []int{tt.subnets, tt.nats, tt.eips, tt.tables, tt.routes, tt.endpoints, tt.flowLogs, tt.outputs, tt.params}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("counts (subnets, nats, eips, tables, routes, endpoints, flow logs, outputs, params) = %v, want %v", got, want)
				}
			}
		})
	}
}

// TestSubnetsStable is the promise of the CIDR plan: growing from 2 zones
// to 3, or adding the isolated tier, leaves existing subnets where they are.
func TestSubnetsStable(t *testing.T) {
	small := Defaults()
	big := Defaults()
	big.AZs = 3
	big.Isolated = true
	cidrs := func(p Params) map[string]string {
		g, err := Build(p)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, c := range g.Components {
			if c.Kind == graph.KindSubnet {
				out[c.ID] = string(c.Property("cidr_block").(graph.String))
			}
		}
		return out
	}
	before, after := cidrs(small), cidrs(big)
	for id, block := range before {
		if after[id] != block {
			t.Errorf("%s moved from %s to %s", id, block, after[id])
		}
	}
	if after["isolated_subnet_c"] != "10.0.144.0/21" {
		t.Errorf("isolated_subnet_c = %s", after["isolated_subnet_c"])
	}
	// The grid must not depend on the region, or a change to the region
	// table would move deployed subnets.
	for _, region := range regions.Names() {
		p := Defaults()
		p.Region = region
		p.AZs = 2
		for id, block := range cidrs(p) {
			if before[id] != block {
				t.Errorf("%s: %s is %s, in us-east-1 %s", region, id, block, before[id])
			}
		}
	}
}

func TestDescriptionFollowsFlags(t *testing.T) {
	p := Defaults()
	p.AZs = 1
	p.NAT = NATNone
	p.FlowLogs = false
	p.Endpoints = nil
	g, err := Build(p)
	if err != nil {
		t.Fatal(err)
	}
	want := "VPC 10.0.0.0/16 across 1 Availability Zone with public and private subnets, no NAT gateway (generated by scaffold)."
	if g.Description != want {
		t.Errorf("Description = %q, want %q", g.Description, want)
	}
	g, err = Build(Defaults())
	if err != nil {
		t.Fatal(err)
	}
	want = "VPC 10.0.0.0/16 across 2 Availability Zones with public and private subnets, a NAT gateway per zone, s3 and dynamodb gateway endpoints, flow logs to CloudWatch Logs (generated by scaffold)."
	if g.Description != want {
		t.Errorf("Description = %q, want %q", g.Description, want)
	}
}

func TestSingleNATRoutesToZoneA(t *testing.T) {
	p := Defaults()
	p.AZs = 3
	p.NAT = NATSingle
	g, err := Build(p)
	if err != nil {
		t.Fatal(err)
	}
	route := g.Component("private_default_route_c")
	if route == nil {
		t.Fatal("no private_default_route_c")
	}
	if got := route.Property("nat_gateway_id"); got != graph.RefID("nat_gateway_a") {
		t.Errorf("zone c routes to %v, want nat_gateway_a", got)
	}
}

func TestTagsMerge(t *testing.T) {
	p := Defaults()
	p.Tags = []graph.Tag{{Key: "Project", Value: "override"}, {Key: "team", Value: "core"}}
	g, err := Build(p)
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.Tag{{Key: "Blueprint", Value: "vpc"}, {Key: "ManagedBy", Value: "scaffold"}, {Key: "Project", Value: "override"}, {Key: "team", Value: "core"}}
	if len(g.Tags) != len(want) {
		t.Fatalf("tags = %v", g.Tags)
	}
	for i := range want {
		if g.Tags[i] != want[i] {
			t.Fatalf("tags = %v, want %v", g.Tags, want)
		}
	}
}
