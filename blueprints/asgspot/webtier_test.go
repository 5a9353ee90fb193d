package asgspot

import (
	"testing"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// TestAddWebTierStandby builds the shape a pilot light's recovery region
// needs: On-Demand only, no instances, no CodeDeploy, and one extra egress
// rule towards a database security group.
func TestAddWebTierStandby(t *testing.T) {
	n := vpc.Defaults()
	g := &graph.Graph{Name: n.Name, Region: n.Region, Parameters: []graph.Parameter{blueprints.NameParameter(n.Name)}}
	network, err := vpc.AddTo(g, n)
	if err != nil {
		t.Fatal(err)
	}
	g.Add(graph.Component{ID: "db_security_group", Kind: graph.KindSecurityGroup, Why: "the database"})
	tier, err := AddWebTier(g, network, WebTierParams{
		InstanceTypes: []string{"t3.small"}, OnDemandPercent: 100, TargetCPU: 60, HealthCheckGrace: 300, RootVolumeGiB: 20,
		App:    WebApp(),
		Egress: []EgressRule{{ID: "instance_db_egress", Port: 5432, SecurityGroup: "db_security_group", Description: "PostgreSQL", Why: "reach the database"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
	if tier.CodeDeployApp != "" || g.Component("codedeploy_app") != nil {
		t.Error("CodeDeploy was added without a deployment config")
	}
	asg := g.Component(tier.AutoScalingGroup)
	for _, name := range []string{"min_size", "max_size", "desired_capacity"} {
		if v := asg.Property(name); v != graph.Int(0) {
			t.Errorf("%s = %v, want 0", name, v)
		}
	}
	if asg.Property("capacity_rebalance") != nil {
		t.Error("an On-Demand group got capacity_rebalance")
	}
	distribution := asg.Property("mixed_instances_policy").(graph.Struct)[1].Value.(graph.Struct)
	for _, f := range distribution {
		if f.Key == "spot_allocation_strategy" {
			t.Error("an On-Demand group got a Spot allocation strategy")
		}
	}
	if c := g.Component("instance_db_egress"); c == nil || c.Property("to_port") != graph.Int(5432) {
		t.Errorf("egress rule missing or wrong: %+v", c)
	}
	for _, c := range g.Components {
		if c.Why == "" {
			t.Errorf("component %q has no Why", c.ID)
		}
	}
}

func TestAddWebTierRejectsInconsistentParams(t *testing.T) {
	tests := []struct {
		name string
		p    WebTierParams
	}{
		{"no types", WebTierParams{OnDemandPercent: 100}},
		{"desired above max", WebTierParams{InstanceTypes: []string{"t3.small"}, OnDemandPercent: 100, Desired: 2, Max: 1}},
		{"Spot share without a strategy", WebTierParams{InstanceTypes: []string{"t3.small"}, OnDemandPercent: 50, Max: 1}},
		{"egress without a group", WebTierParams{InstanceTypes: []string{"t3.small"}, OnDemandPercent: 100, Max: 1, Egress: []EgressRule{{ID: "x", Port: 5432}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := AddWebTier(&graph.Graph{}, vpc.Network{}, tt.p); err == nil {
				t.Error("no error")
			}
		})
	}
}
