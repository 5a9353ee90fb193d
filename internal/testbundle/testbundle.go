// Package testbundle builds the bundles that the generators' bundle tests
// and scripts/check-bundle.sh render: two VPC stacks in two regions, built
// by the vpc blueprint, and a small third stack that reads an output of
// each. It is smaller than the pilot-light blueprint and exercises what
// pilot light does not: two stacks that can share one Terraform module,
// and a stack wired from two others.
//
// It is internal and used only by tests; it imports the model and the vpc
// blueprint, like any blueprint, and nothing that renders.
package testbundle

import (
	"fmt"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// Name is the bundle's name, and so the default CloudFormation stack name
// prefix.
const Name = "lab"

// Regions are the stacks' default regions.
const (
	PrimaryRegion = "us-east-1"
	DRRegion      = "us-west-2"
)

// TwoRegions is the main test bundle: stacks "primary" (10.0.0.0/16 in
// us-east-1), "dr" (10.1.0.0/16 in us-west-2) and "replication", which
// puts a security group into the primary VPC that admits PostgreSQL from
// the DR VPC's range. Its two parameters are wired from the primary's
// vpc_id and the DR's vpc_cidr_block, so both kinds of output cross: a
// reference and a literal.
func TwoRegions() (*graph.Bundle, error) {
	return build("10.0.0.0/16", "10.1.0.0/16")
}

// SharedModule is TwoRegions with the same range in both regions, so that
// their networks render as the same Terraform module.
func SharedModule() (*graph.Bundle, error) {
	return build("10.0.0.0/16", "10.0.0.0/16")
}

func build(primaryCIDR, drCIDR string) (*graph.Bundle, error) {
	primary, err := network(PrimaryRegion, primaryCIDR)
	if err != nil {
		return nil, fmt.Errorf("primary stack: %w", err)
	}
	dr, err := network(DRRegion, drCIDR)
	if err != nil {
		return nil, fmt.Errorf("dr stack: %w", err)
	}
	b := &graph.Bundle{
		Name:        Name,
		Blueprint:   "two-region",
		Description: "Two VPCs in two regions and a security group in the first that admits the second (a test bundle).",
		Tags:        blueprints.StandardTags("two-region", Name, nil),
		Docs: graph.Docs{Notes: []graph.Note{{
			Title: "Why this bundle exists",
			Body:  "It exercises multi-region rendering until the pilot-light blueprint uses it.",
		}}},
		Stacks: []graph.Stack{
			{Name: "primary", Graph: primary},
			{Name: "dr", Graph: dr},
			{Name: "replication", Graph: replication(), Inputs: []graph.Input{
				{Parameter: "primary_vpc_id", Stack: "primary", Output: "vpc_id"},
				{Parameter: "dr_vpc_cidr", Stack: "dr", Output: "vpc_cidr_block"},
			}},
		},
	}
	for i := range b.Stacks {
		s := &b.Stacks[i]
		// A tag only this stack's resources carry, which the bundle's
		// tags do not set: the renderers must merge it in.
		s.Graph.Tags = append(s.Graph.Tags, graph.Tag{Key: "Stack", Value: s.Name})
	}
	if err := b.Validate(); err != nil {
		return nil, err
	}
	return b, nil
}

// network is a two-zone VPC with one NAT gateway, the cheap lab shape.
func network(region, cidr string) (*graph.Graph, error) {
	p := vpc.Defaults()
	p.Name = Name
	p.Region = region
	p.CIDR = cidr
	p.NAT = vpc.NATSingle
	p.Endpoints = []string{"s3"}
	return vpc.Build(p)
}

// replication is the third stack: one security group and one rule.
func replication() *graph.Graph {
	g := &graph.Graph{
		Name:        Name,
		Blueprint:   "two-region",
		Description: "A security group in the primary VPC that admits PostgreSQL from the DR VPC.",
		Region:      PrimaryRegion,
		Tags:        blueprints.StandardTags("two-region", Name, nil),
		Parameters: []graph.Parameter{
			blueprints.NameParameter(Name),
			{
				Name: "primary_vpc_id", Type: graph.ParamString,
				Description: "ID of the primary region's VPC.",
				Pattern:     `^vpc-[0-9a-f]+$`, ConstraintHelp: "The VPC ID must look like vpc-0123456789abcdef0.",
			},
			{
				Name: "dr_vpc_cidr", Type: graph.ParamString,
				Description: "IPv4 range of the DR region's VPC.",
				Pattern:     `^[0-9]{1,3}(\.[0-9]{1,3}){3}/[0-9]{1,2}$`, ConstraintHelp: "The range must be an IPv4 CIDR block such as 10.1.0.0/16.",
			},
		},
	}
	g.Add(graph.Component{
		ID: "replication_security_group", Kind: graph.KindSecurityGroup, Group: "replication",
		Label: "security group: PostgreSQL from the DR VPC", Name: blueprints.Named("replication"),
		Why: "Gives the database port in the primary VPC a firewall that admits only the DR region's range.",
		Properties: []graph.Property{
			{Name: "name", Value: blueprints.Named("replication")},
			{Name: "description", Value: graph.String("PostgreSQL from the DR VPC")},
			{Name: "vpc_id", Value: graph.Param("primary_vpc_id")},
		},
	}, graph.Component{
		ID: "replication_ingress", Kind: graph.KindSecurityGroupIngress, Group: "replication",
		Label: "ingress: PostgreSQL from the DR VPC",
		Why:   "Admits PostgreSQL from the DR VPC's range, which arrives as a parameter from the DR stack.",
		Properties: []graph.Property{
			{Name: "security_group_id", Value: graph.RefID("replication_security_group")},
			{Name: "ip_protocol", Value: graph.String("tcp")},
			{Name: "from_port", Value: graph.Int(5432)},
			{Name: "to_port", Value: graph.Int(5432)},
			{Name: "cidr_ipv4", Value: graph.Param("dr_vpc_cidr")},
			{Name: "description", Value: graph.String("PostgreSQL from the DR VPC")},
		},
	})
	g.Outputs = []graph.Output{{
		Name: "security_group_id", Description: "ID of the replication security group.",
		Value: graph.RefID("replication_security_group"),
	}}
	return g
}
