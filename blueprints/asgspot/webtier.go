package asgspot

import (
	"errors"
	"fmt"

	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// WebTierParams are the inputs of AddWebTier: the web tier without its
// network, so that another blueprint (pilot light) can put the same tier
// into a VPC it built itself.
type WebTierParams struct {
	// InstanceTypes are the launch template's overrides; the first one's
	// architecture picks the AMI.
	InstanceTypes []string
	// OnDemandBase and OnDemandPercent split capacity between On-Demand
	// and Spot. SpotStrategy is the Spot allocation strategy, or empty for
	// an On-Demand-only group: then OnDemandPercent must be 100 and
	// neither a Spot strategy nor capacity rebalancing is written.
	OnDemandBase    int
	OnDemandPercent int
	SpotStrategy    string
	// Min, Max and Desired are the group's capacity; all three may be 0
	// for a group that stands ready without instances (a pilot light's
	// recovery region).
	Min, Max, Desired int
	TargetCPU         int
	Schedules         []string
	CertificateARN    string
	// DeploymentConfig is CodeDeploy's deployment config, or empty for a
	// tier without CodeDeploy.
	DeploymentConfig string
	HealthCheckGrace int
	RootVolumeGiB    int
	ArtifactBucket   string
	// App is what the user data installs and the target group checks.
	App graph.App
	// Egress adds outbound rules to the instances' security group, each
	// towards another security group of the graph (a database's, say).
	Egress []EgressRule
}

// EgressRule lets the web instances open TCP connections to one port of
// another security group.
type EgressRule struct {
	// ID is the rule's component ID, Label its short description.
	ID, Label string
	// Port is the destination port, SecurityGroup the destination
	// group's component ID.
	Port          int
	SecurityGroup string
	// Description reaches the rendered rule; Why is the sentence describe
	// shows.
	Description, Why string
}

// WebTier names the components AddWebTier created, for the caller to
// reference.
type WebTier struct {
	LoadBalancer          string
	TargetGroup           string
	AutoScalingGroup      string
	LaunchTemplate        string
	InstanceSecurityGroup string
	InstanceRole          string
	// CodeDeployApp and CodeDeployGroup are empty without CodeDeploy.
	CodeDeployApp, CodeDeployGroup string
}

// WebApp is the application the web tier serves: nginx on port 80 with a
// health page.
func WebApp() graph.App {
	return graph.App{Name: "web", Port: appPort, HealthPath: healthPath, ContentDir: contentDir}
}

// webTier is the part of p that AddWebTier takes.
func (p Params) webTier(app graph.App) WebTierParams {
	return WebTierParams{
		InstanceTypes: p.InstanceTypes, OnDemandBase: p.OnDemandBase, OnDemandPercent: p.OnDemandPercent,
		SpotStrategy: p.SpotStrategy, Min: p.Min, Max: p.Max, Desired: p.Desired, TargetCPU: p.TargetCPU,
		Schedules: p.Schedules, CertificateARN: p.CertificateARN, DeploymentConfig: p.DeploymentConfig,
		HealthCheckGrace: p.HealthCheckGrace, RootVolumeGiB: p.RootVolumeGiB, ArtifactBucket: p.ArtifactBucket,
		App: app,
	}
}

// check catches what would make the tier inconsistent. The callers'
// Validate methods speak to users about their flags; these are guards
// against a caller's bug, so they name the field rather than a flag.
func (p WebTierParams) check() error {
	var errs []error
	if len(p.InstanceTypes) == 0 {
		errs = append(errs, errors.New("web tier: no instance types"))
	} else if _, err := ParseInstanceTypes(p.InstanceTypes); err != nil {
		errs = append(errs, fmt.Errorf("web tier: instance types %q: %w", p.InstanceTypes, err))
	}
	if p.Min < 0 || p.Min > p.Max || p.Desired < p.Min || p.Desired > p.Max {
		errs = append(errs, fmt.Errorf("web tier: capacity min %d, desired %d, max %d is not ordered", p.Min, p.Desired, p.Max))
	}
	if p.SpotStrategy == "" && p.OnDemandPercent != 100 {
		errs = append(errs, fmt.Errorf("web tier: no Spot strategy, yet %d%% On-Demand above the base; an On-Demand-only group needs 100", p.OnDemandPercent))
	}
	for _, e := range p.Egress {
		if e.ID == "" || e.SecurityGroup == "" || e.Port < 1 || e.Port > 65535 {
			errs = append(errs, fmt.Errorf("web tier: egress rule %q needs an ID, a security group and a port (got port %d)", e.ID, e.Port))
		}
	}
	return errors.Join(errs...)
}

// AddWebTier adds the web tier to g inside network: security groups, the
// instances' role, an Application Load Balancer in the public subnets, a
// launch template and an Auto Scaling group in the private subnets with CPU
// target tracking, and CodeDeploy when p asks for it. Every component gets
// its Why. Component IDs are the same whoever calls it, so an asg-spot
// deployment and a pilot light's web tier line up.
func AddWebTier(g *graph.Graph, network vpc.Network, p WebTierParams) (WebTier, error) {
	if err := p.check(); err != nil {
		return WebTier{}, err
	}
	userData, err := renderUserData(&p.App)
	if err != nil {
		return WebTier{}, err
	}
	first := len(g.Components)
	addSecurityGroups(g, p, network)
	addEgress(g, p)
	addInstanceRole(g, p)
	addLoadBalancer(g, p, network)
	addAutoScaling(g, p, network, userData)
	tier := WebTier{
		LoadBalancer: "load_balancer", TargetGroup: "target_group", AutoScalingGroup: "autoscaling_group",
		LaunchTemplate: "launch_template", InstanceSecurityGroup: "instance_security_group", InstanceRole: "instance_role",
	}
	if p.DeploymentConfig != "" {
		addCodeDeploy(g, p)
		tier.CodeDeployApp, tier.CodeDeployGroup = "codedeploy_app", "codedeploy_group"
	}
	for i := first; i < len(g.Components); i++ {
		if c := &g.Components[i]; c.Why == "" {
			c.Why = why(c.ID, p)
		}
	}
	return tier, nil
}

// addEgress writes p's extra outbound rules of the instances.
func addEgress(g *graph.Graph, p WebTierParams) {
	for _, e := range p.Egress {
		to := graph.Property{Name: "referenced_security_group_id", Value: graph.RefID(e.SecurityGroup)}
		c := rule(e.ID, graph.KindSecurityGroupEgress, e.Label, "security groups", ingress("instance_security_group", e.Port, to, e.Description))
		c.Why = e.Why
		g.Add(c)
	}
}

// architectureOf the validated instance types.
func architectureOf(instanceTypes []string) Architecture {
	types, err := ParseInstanceTypes(instanceTypes)
	if err != nil || len(types) == 0 {
		return X8664
	}
	return types[0].Arch
}

// capacityLabel describes the group's size and purchase options.
func capacityLabel(p WebTierParams) string {
	if p.SpotStrategy == "" {
		return fmt.Sprintf("Auto Scaling group: %d–%d instances, On-Demand only", p.Min, p.Max)
	}
	return fmt.Sprintf("Auto Scaling group: %d–%d instances, On-Demand base %d + %d%% above, Spot %s", p.Min, p.Max, p.OnDemandBase, p.OnDemandPercent, p.SpotStrategy)
}
