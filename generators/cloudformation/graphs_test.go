package cloudformation_test

import (
	"fmt"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// The graphs below are what the tests render. vpcGraph mirrors what the vpc
// blueprint builds (two zones, NAT per zone, endpoints, flow logs); the
// others isolate corners of the value vocabulary.

// named is the Name tag of a component: the stack name plus a suffix, the
// way blueprints name things.
func named(suffix string) graph.Value {
	return graph.Join{graph.Param("name"), graph.String("-" + suffix)}
}

func vpcGraph() *graph.Graph {
	g := &graph.Graph{
		Name:        "lab",
		Blueprint:   "vpc",
		Description: "Multi-AZ VPC with public and private subnets, NAT per zone, S3 and DynamoDB gateway endpoints and VPC flow logs.",
		Region:      "us-east-1",
		Parameters: []graph.Parameter{
			{
				Name:           "name",
				Type:           graph.ParamString,
				Description:    "Prefix for resource names.",
				Default:        graph.String("lab"),
				Pattern:        "^[a-z][a-z0-9-]*$",
				ConstraintHelp: "Lowercase letters, digits and hyphens, starting with a letter.",
				MinLength:      1,
				MaxLength:      32,
			},
			{
				Name:           "flow_log_retention_days",
				Type:           graph.ParamNumber,
				Description:    "Days to keep VPC flow logs.",
				Default:        graph.Int(30),
				AllowedValues:  []string{"1", "3", "5", "7", "14", "30", "60", "90", "180", "365"},
				ConstraintHelp: "One of the retention periods CloudWatch Logs supports.",
			},
		},
		Tags: []graph.Tag{
			{Key: "project", Value: "scaffold"},
			{Key: "managed-by", Value: "scaffold"},
		},
	}
	g.Add(graph.Component{
		ID: "vpc", Kind: graph.KindVPC, Label: "the VPC", Group: "network", Name: named("vpc"),
		Properties: []graph.Property{
			{Name: "cidr_block", Value: graph.String("10.0.0.0/16")},
			{Name: "enable_dns_support", Value: graph.Bool(true)},
			{Name: "enable_dns_hostnames", Value: graph.Bool(true)},
		},
	})
	zones := []string{"a", "b"}
	for i, zone := range zones {
		g.Add(subnet("public_subnet_"+zone, "public-"+zone, fmt.Sprintf("10.0.%d.0/24", i), i, true))
	}
	for i, zone := range zones {
		g.Add(subnet("private_subnet_"+zone, "private-"+zone, fmt.Sprintf("10.0.%d.0/24", 10+i), i, false))
	}
	g.Add(graph.Component{
		ID: "igw", Kind: graph.KindInternetGateway, Label: "internet gateway", Name: named("igw"),
		Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("vpc")}},
	})
	for _, zone := range zones {
		g.Add(graph.Component{
			ID: "nat_eip_" + zone, Kind: graph.KindElasticIP, Label: "NAT address, zone " + zone,
			Name:       named("nat-" + zone),
			Properties: []graph.Property{{Name: "domain", Value: graph.String("vpc")}},
			DependsOn:  []string{"igw"},
		})
		g.Add(graph.Component{
			ID: "nat_gateway_" + zone, Kind: graph.KindNATGateway, Label: "NAT gateway, zone " + zone,
			Name: named("nat-" + zone),
			Properties: []graph.Property{
				{Name: "allocation_id", Value: graph.RefID("nat_eip_" + zone)},
				{Name: "subnet_id", Value: graph.RefID("public_subnet_" + zone)},
			},
		})
	}
	g.Add(
		graph.Component{
			ID: "public_route_table", Kind: graph.KindRouteTable, Label: "public route table", Name: named("public"),
			Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("vpc")}},
		},
		graph.Component{
			ID: "public_default_route", Kind: graph.KindRoute, Label: "default route to the internet",
			Properties: []graph.Property{
				{Name: "route_table_id", Value: graph.RefID("public_route_table")},
				{Name: "destination_cidr_block", Value: graph.String("0.0.0.0/0")},
				{Name: "gateway_id", Value: graph.RefID("igw")},
			},
		},
	)
	for _, zone := range zones {
		g.Add(graph.Component{
			ID: "public_subnet_" + zone + "_routes", Kind: graph.KindRouteTableAssociation,
			Properties: []graph.Property{
				{Name: "subnet_id", Value: graph.RefID("public_subnet_" + zone)},
				{Name: "route_table_id", Value: graph.RefID("public_route_table")},
			},
		})
	}
	for _, zone := range zones {
		g.Add(
			graph.Component{
				ID: "private_route_table_" + zone, Kind: graph.KindRouteTable, Name: named("private-" + zone),
				Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("vpc")}},
			},
			graph.Component{
				ID: "private_default_route_" + zone, Kind: graph.KindRoute,
				Properties: []graph.Property{
					{Name: "route_table_id", Value: graph.RefID("private_route_table_" + zone)},
					{Name: "destination_cidr_block", Value: graph.String("0.0.0.0/0")},
					{Name: "nat_gateway_id", Value: graph.RefID("nat_gateway_" + zone)},
				},
			},
			graph.Component{
				ID: "private_subnet_" + zone + "_routes", Kind: graph.KindRouteTableAssociation,
				Properties: []graph.Property{
					{Name: "subnet_id", Value: graph.RefID("private_subnet_" + zone)},
					{Name: "route_table_id", Value: graph.RefID("private_route_table_" + zone)},
				},
			},
		)
	}
	routeTables := graph.List{
		graph.RefID("public_route_table"), graph.RefID("private_route_table_a"), graph.RefID("private_route_table_b"),
	}
	for _, service := range []string{"s3", "dynamodb"} {
		g.Add(graph.Component{
			ID: service + "_endpoint", Kind: graph.KindVPCGatewayEndpoint, Label: service + " gateway endpoint",
			Name: named(service),
			Properties: []graph.Property{
				{Name: "vpc_id", Value: graph.RefID("vpc")},
				{Name: "service_name", Value: graph.Join{graph.String("com.amazonaws."), graph.PseudoRegion, graph.String("." + service)}},
				{Name: "route_table_ids", Value: routeTables},
			},
		})
	}
	g.Add(
		graph.Component{
			ID: "default_sg", Kind: graph.KindDefaultSecurityGroup, Label: "default security group, emptied",
			Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("vpc")}},
		},
		graph.Component{
			ID: "flow_log_group", Kind: graph.KindLogGroup, Label: "flow log destination", Name: named("flow-logs"),
			Properties: []graph.Property{
				{Name: "name", Value: graph.Join{graph.String("/aws/vpc-flow-logs/"), graph.Param("name")}},
				{Name: "retention_in_days", Value: graph.Param("flow_log_retention_days")},
			},
		},
		graph.Component{
			ID: "flow_log_role", Kind: graph.KindIAMRole, Label: "role the flow log service assumes",
			Name: named("flow-logs"),
			Properties: []graph.Property{
				{Name: "description", Value: graph.String("Lets VPC flow logs write to CloudWatch Logs.")},
				{Name: "assume_role_policy", Value: graph.Document{
					{Key: "Version", Value: graph.String("2012-10-17")},
					{Key: "Statement", Value: graph.List{graph.Object{
						{Key: "Effect", Value: graph.String("Allow")},
						{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.String("vpc-flow-logs.amazonaws.com")}}},
						{Key: "Action", Value: graph.String("sts:AssumeRole")},
						{Key: "Condition", Value: graph.Object{
							{Key: "StringEquals", Value: graph.Object{{Key: "aws:SourceAccount", Value: graph.PseudoAccountID}}},
							{Key: "ArnLike", Value: graph.Object{{Key: "aws:SourceArn", Value: graph.Join{
								graph.String("arn:"), graph.PseudoPartition, graph.String(":ec2:"), graph.PseudoRegion,
								graph.String(":"), graph.PseudoAccountID, graph.String(":vpc-flow-log/*"),
							}}}},
						}},
					}}},
				}},
			},
		},
		graph.Component{
			ID: "flow_log_policy", Kind: graph.KindIAMRolePolicy, Label: "what the flow log role may do",
			Properties: []graph.Property{
				{Name: "role", Value: graph.Ref{Component: "flow_log_role", Attr: graph.AttrName}},
				{Name: "name", Value: graph.String("flow-logs-to-cloudwatch")},
				{Name: "policy", Value: graph.Document{
					{Key: "Version", Value: graph.String("2012-10-17")},
					{Key: "Statement", Value: graph.List{graph.Object{
						{Key: "Effect", Value: graph.String("Allow")},
						{Key: "Action", Value: graph.Strings("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams")},
						{Key: "Resource", Value: graph.List{
							graph.RefARN("flow_log_group"),
							graph.Join{graph.RefARN("flow_log_group"), graph.String(":*")},
						}},
					}}},
				}},
			},
		},
		graph.Component{
			ID: "flow_log", Kind: graph.KindFlowLog, Label: "VPC flow log", Name: named("flow-log"),
			Properties: []graph.Property{
				{Name: "vpc_id", Value: graph.RefID("vpc")},
				{Name: "traffic_type", Value: graph.String("ALL")},
				{Name: "log_destination_type", Value: graph.String("cloud-watch-logs")},
				{Name: "log_destination", Value: graph.RefARN("flow_log_group")},
				{Name: "iam_role_arn", Value: graph.RefARN("flow_log_role")},
				{Name: "max_aggregation_interval", Value: graph.Int(60)},
			},
			// The role is useless to the service until its policy exists.
			DependsOn: []string{"flow_log_policy"},
		},
	)
	g.Outputs = []graph.Output{
		{Name: "vpc_id", Description: "ID of the VPC.", Value: graph.RefID("vpc")},
		{Name: "public_subnet_ids", Description: "Public subnet IDs, one per zone.", Value: graph.List{graph.RefID("public_subnet_a"), graph.RefID("public_subnet_b")}},
		{Name: "private_subnet_ids", Description: "Private subnet IDs, one per zone.", Value: graph.List{graph.RefID("private_subnet_a"), graph.RefID("private_subnet_b")}},
		{Name: "flow_log_group_name", Description: "Log group receiving the flow logs.", Value: graph.Ref{Component: "flow_log_group", Attr: graph.AttrName}},
	}
	return g
}

func subnet(id, suffix, cidr string, zone int, public bool) graph.Component {
	return graph.Component{
		ID: id, Kind: graph.KindSubnet, Name: named(suffix),
		Properties: []graph.Property{
			{Name: "vpc_id", Value: graph.RefID("vpc")},
			{Name: "cidr_block", Value: graph.String(cidr)},
			{Name: "availability_zone", Value: graph.AZ{Index: zone}},
			{Name: "map_public_ip_on_launch", Value: graph.Bool(public)},
		},
	}
}

// minimalGraph has no parameters, tags, names or outputs: every optional
// section must disappear rather than render empty.
func minimalGraph() *graph.Graph {
	g := &graph.Graph{Blueprint: "minimal"}
	g.Add(graph.Component{
		ID: "vpc", Kind: graph.KindVPC,
		Properties: []graph.Property{{Name: "cidr_block", Value: graph.String("10.1.0.0/16")}},
	})
	return g
}

// valuesGraph exercises the value vocabulary: strings YAML would misread,
// !Join fallback around an Availability Zone, "${" escaping, built ARNs,
// joins that collapse to a literal or a single reference, and outputs of
// every shape.
func valuesGraph() *graph.Graph {
	g := &graph.Graph{
		Blueprint:   "values",
		Description: "Every kind of value the model has.",
		Parameters: []graph.Parameter{
			{Name: "name", Type: graph.ParamString, Description: "Prefix for names.", Default: graph.String("on")},
			{Name: "env", Type: graph.ParamString, Description: "Environment.", AllowedValues: []string{"dev", "prod"}, Default: graph.String("dev"), ConstraintHelp: "dev or prod."},
		},
		Tags: []graph.Tag{{Key: "backup", Value: "on"}, {Key: "cost-center", Value: "10"}, {Key: "Name", Value: "overridden"}},
	}
	g.Add(
		graph.Component{
			ID: "vpc", Kind: graph.KindVPC, Name: graph.Join{graph.Param("name")},
			Properties: []graph.Property{
				{Name: "cidr_block", Value: graph.Join{graph.String("10.2."), graph.Int(0), graph.String(".0/16")}},
				{Name: "enable_dns_support", Value: graph.Bool(false)},
			},
		},
		graph.Component{
			ID: "subnet_b", Kind: graph.KindSubnet,
			Name: graph.Join{graph.Param("name"), graph.String("-"), graph.AZ{Index: 1}, graph.String("-"), graph.Bool(true)},
			Properties: []graph.Property{
				{Name: "vpc_id", Value: graph.RefID("vpc")},
				{Name: "cidr_block", Value: graph.String("10.2.1.0/24")},
				{Name: "availability_zone", Value: graph.AZ{Index: 1}},
			},
		},
		graph.Component{
			ID: "eip", Kind: graph.KindElasticIP, Name: graph.Join{graph.Param("env"), graph.String("-${literal}")},
		},
		graph.Component{
			ID: "role", Kind: graph.KindIAMRole,
			Properties: []graph.Property{
				{Name: "description", Value: graph.Join{graph.String("Reads ${AWS::Region} literally in "), graph.PseudoRegion}},
				{Name: "assume_role_policy", Value: graph.Document{
					{Key: "Version", Value: graph.String("2012-10-17")},
					{Key: "Statement", Value: graph.List{graph.Object{
						{Key: "Effect", Value: graph.String("Allow")},
						{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.Join{graph.String("ec2."), graph.PseudoURLSuffix}}}},
						{Key: "Action", Value: graph.List{graph.String("sts:AssumeRole")}},
					}}},
				}},
			},
		},
	)
	g.Outputs = []graph.Output{
		{Name: "vpc_arn", Description: "ARN of the VPC, built from its ID.", Value: graph.RefARN("vpc")},
		{Name: "allocation_id", Value: graph.RefID("eip")},
		{Name: "zone", Description: "Second zone.", Value: graph.AZ{Index: 1}},
		{Name: "partition", Value: graph.PseudoPartition},
		{Name: "literal", Value: graph.Join{graph.String("10"), graph.String("")}},
		{Name: "mixed_list", Value: graph.List{graph.String("first"), graph.RefID("subnet_b"), graph.Ref{Component: "role", Attr: graph.AttrARN}}},
	}
	return g
}
