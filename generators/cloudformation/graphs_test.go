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

// accountRoot is the ARN of the deploying account's root principal, which a
// key or topic policy names to hand control to the account's IAM policies.
var accountRoot = graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(":iam::"), graph.PseudoAccountID, graph.String(":root")}

// policy is an IAM policy document holding statements.
func policy(statements ...graph.Value) graph.Document {
	return graph.Document{
		{Key: "Version", Value: graph.String("2012-10-17")},
		{Key: "Statement", Value: graph.List(statements)},
	}
}

// denyInsecureTransport refuses every request made without TLS.
func denyInsecureTransport(action string, resource graph.Value) graph.Object {
	return graph.Object{
		{Key: "Sid", Value: graph.String("DenyInsecureTransport")},
		{Key: "Effect", Value: graph.String("Deny")},
		{Key: "Principal", Value: graph.String("*")},
		{Key: "Action", Value: graph.String(action)},
		{Key: "Resource", Value: resource},
		{Key: "Condition", Value: graph.Object{
			{Key: "Bool", Value: graph.Object{{Key: "aws:SecureTransport", Value: graph.String("false")}}},
		}},
	}
}

// keyPolicy lets the account administer the key and the given services
// encrypt and decrypt with it on the account's behalf only.
func keyPolicy(services ...string) graph.Document {
	return policy(
		graph.Object{
			{Key: "Sid", Value: graph.String("AllowAccountAdministration")},
			{Key: "Effect", Value: graph.String("Allow")},
			{Key: "Principal", Value: graph.Object{{Key: "AWS", Value: accountRoot}}},
			{Key: "Action", Value: graph.String("kms:*")},
			{Key: "Resource", Value: graph.String("*")},
		},
		graph.Object{
			{Key: "Sid", Value: graph.String("AllowServicesToUseTheKey")},
			{Key: "Effect", Value: graph.String("Allow")},
			{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.Strings(services...)}}},
			{Key: "Action", Value: graph.Strings("kms:GenerateDataKey*", "kms:Decrypt")},
			{Key: "Resource", Value: graph.String("*")},
			{Key: "Condition", Value: graph.Object{
				{Key: "StringEquals", Value: graph.Object{{Key: "aws:SourceAccount", Value: graph.PseudoAccountID}}},
			}},
		},
	)
}

// fanoutGraph mirrors what the fanout blueprint builds: an encrypted SNS
// topic delivering to two SQS queues, each with a dead-letter queue whose
// alarm notifies a second topic. One queue pair uses SQS-managed
// encryption, the other a customer-managed key, so both paths are covered.
func fanoutGraph() *graph.Graph {
	g := &graph.Graph{
		Name:        "lab",
		Blueprint:   "fanout",
		Description: "SNS topic fanning out to two SQS queues, each with a dead-letter queue and an alarm on it.",
		Region:      "us-east-1",
		Parameters: []graph.Parameter{{
			Name:           "name",
			Type:           graph.ParamString,
			Description:    "Prefix for resource names.",
			Default:        graph.String("lab"),
			Pattern:        "^[a-z][a-z0-9-]*$",
			ConstraintHelp: "Lowercase letters, digits and hyphens, starting with a letter.",
			MinLength:      1,
			MaxLength:      32,
		}},
		Tags: []graph.Tag{
			{Key: "project", Value: "scaffold"},
			{Key: "managed-by", Value: "scaffold"},
		},
	}
	g.Add(
		graph.Component{
			ID: "topic_key", Kind: graph.KindKMSKey, Label: "key for both topics", Group: "encryption", Name: named("topics"),
			Properties: []graph.Property{
				{Name: "description", Value: graph.String("Encrypts the orders and alarms topics.")},
				{Name: "enable_key_rotation", Value: graph.Bool(true)},
				{Name: "deletion_window_in_days", Value: graph.Int(7)},
				// CloudWatch publishes the alarms, so it must encrypt too.
				{Name: "policy", Value: keyPolicy("sns.amazonaws.com", "cloudwatch.amazonaws.com")},
			},
		},
		graph.Component{
			ID: "queue_key", Kind: graph.KindKMSKey, Label: "key for the billing queues", Group: "encryption", Name: named("queues"),
			Properties: []graph.Property{
				{Name: "description", Value: graph.String("Encrypts the billing queue and its dead-letter queue.")},
				{Name: "enable_key_rotation", Value: graph.Bool(true)},
				{Name: "deletion_window_in_days", Value: graph.Int(7)},
				{Name: "policy", Value: keyPolicy("sns.amazonaws.com")},
			},
		},
		graph.Component{
			ID: "topic", Kind: graph.KindSNSTopic, Label: "the orders topic", Group: "messaging", Name: named("orders"),
			Properties: []graph.Property{
				{Name: "name", Value: named("orders")},
				{Name: "kms_master_key_id", Value: graph.RefARN("topic_key")},
			},
		},
		graph.Component{
			ID: "topic_policy", Kind: graph.KindSNSTopicPolicy, Label: "who may use the orders topic", Group: "messaging",
			Properties: []graph.Property{
				{Name: "arn", Value: graph.RefARN("topic")},
				{Name: "policy", Value: policy(
					graph.Object{
						{Key: "Sid", Value: graph.String("AllowAccount")},
						{Key: "Effect", Value: graph.String("Allow")},
						{Key: "Principal", Value: graph.Object{{Key: "AWS", Value: accountRoot}}},
						{Key: "Action", Value: graph.Strings("sns:Publish", "sns:Subscribe")},
						{Key: "Resource", Value: graph.RefARN("topic")},
					},
					denyInsecureTransport("sns:Publish", graph.RefARN("topic")),
				)},
			},
		},
		graph.Component{
			ID: "alarms_topic", Kind: graph.KindSNSTopic, Label: "where the dead-letter alarms go", Group: "monitoring",
			Name: named("alarms"),
			Properties: []graph.Property{
				{Name: "name", Value: named("alarms")},
				{Name: "kms_master_key_id", Value: graph.RefARN("topic_key")},
			},
		},
	)
	consumers := []struct {
		id string
		// encryption are the queue properties that encrypt both queues.
		encryption []graph.Property
		// filter, when set, is the subscription's filter policy.
		filter graph.Document
	}{
		{
			id: "billing",
			encryption: []graph.Property{
				{Name: "kms_master_key_id", Value: graph.RefARN("queue_key")},
				{Name: "kms_data_key_reuse_period_seconds", Value: graph.Int(300)},
			},
		},
		{
			id:         "shipping",
			encryption: []graph.Property{{Name: "sqs_managed_sse_enabled", Value: graph.Bool(true)}},
			filter:     graph.Document{{Key: "eventType", Value: graph.Strings("OrderPlaced")}},
		},
	}
	for _, c := range consumers {
		queue, dlq := c.id+"_queue", c.id+"_dlq"
		g.Add(
			graph.Component{
				ID: dlq, Kind: graph.KindSQSQueue, Label: c.id + " dead-letter queue", Group: c.id, Name: named(c.id + "-dlq"),
				Properties: append([]graph.Property{
					{Name: "name", Value: named(c.id + "-dlq")},
					{Name: "message_retention_seconds", Value: graph.Int(1209600)},
				}, c.encryption...),
			},
			graph.Component{
				ID: queue, Kind: graph.KindSQSQueue, Label: c.id + " queue", Group: c.id, Name: named(c.id),
				Properties: append(append([]graph.Property{
					{Name: "name", Value: named(c.id)},
					{Name: "visibility_timeout_seconds", Value: graph.Int(30)},
					{Name: "message_retention_seconds", Value: graph.Int(345600)},
					{Name: "receive_wait_time_seconds", Value: graph.Int(20)},
				}, c.encryption...), graph.Property{Name: "redrive_policy", Value: graph.Document{
					{Key: "deadLetterTargetArn", Value: graph.RefARN(dlq)},
					{Key: "maxReceiveCount", Value: graph.Int(5)},
				}}),
			},
			graph.Component{
				ID: queue + "_policy", Kind: graph.KindSQSQueuePolicy, Label: "lets the orders topic deliver to " + c.id, Group: c.id,
				Properties: []graph.Property{
					{Name: "queue_url", Value: graph.Ref{Component: queue, Attr: graph.AttrURL}},
					{Name: "policy", Value: policy(
						graph.Object{
							{Key: "Sid", Value: graph.String("AllowOrdersTopic")},
							{Key: "Effect", Value: graph.String("Allow")},
							{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.String("sns.amazonaws.com")}}},
							{Key: "Action", Value: graph.String("sqs:SendMessage")},
							{Key: "Resource", Value: graph.RefARN(queue)},
							{Key: "Condition", Value: graph.Object{
								{Key: "ArnEquals", Value: graph.Object{{Key: "aws:SourceArn", Value: graph.RefARN("topic")}}},
							}},
						},
						denyInsecureTransport("sqs:*", graph.RefARN(queue)),
					)},
				},
			},
		)
		subscription := []graph.Property{
			{Name: "topic_arn", Value: graph.RefARN("topic")},
			{Name: "protocol", Value: graph.String("sqs")},
			{Name: "endpoint", Value: graph.RefARN(queue)},
			{Name: "raw_message_delivery", Value: graph.Bool(true)},
		}
		if c.filter != nil {
			subscription = append(subscription,
				graph.Property{Name: "filter_policy", Value: c.filter},
				graph.Property{Name: "filter_policy_scope", Value: graph.String("MessageAttributes")},
			)
		}
		g.Add(
			graph.Component{
				ID: c.id + "_subscription", Kind: graph.KindSNSSubscription, Label: "delivers orders to " + c.id, Group: c.id,
				Properties: subscription,
				// Messages published before the queue policy exists would
				// be refused by the queue and lost.
				DependsOn: []string{queue + "_policy"},
			},
			graph.Component{
				ID: dlq + "_alarm", Kind: graph.KindMetricAlarm, Label: "raised when " + c.id + " gives up on a message", Group: c.id,
				Name: named(c.id + "-dlq-not-empty"),
				Properties: []graph.Property{
					{Name: "alarm_name", Value: named(c.id + "-dlq-not-empty")},
					{Name: "alarm_description", Value: graph.String("Messages " + c.id + " could not process are waiting in its dead-letter queue.")},
					{Name: "namespace", Value: graph.String("AWS/SQS")},
					{Name: "metric_name", Value: graph.String("ApproximateNumberOfMessagesVisible")},
					{Name: "dimensions", Value: graph.Object{{Key: "QueueName", Value: graph.Ref{Component: dlq, Attr: graph.AttrName}}}},
					{Name: "statistic", Value: graph.String("Maximum")},
					{Name: "period", Value: graph.Int(300)},
					{Name: "evaluation_periods", Value: graph.Int(1)},
					{Name: "threshold", Value: graph.Int(0)},
					{Name: "comparison_operator", Value: graph.String("GreaterThanThreshold")},
					{Name: "treat_missing_data", Value: graph.String("notBreaching")},
					{Name: "alarm_actions", Value: graph.List{graph.RefARN("alarms_topic")}},
				},
			},
		)
	}
	g.Outputs = []graph.Output{
		{Name: "topic_arn", Description: "ARN of the orders topic.", Value: graph.RefARN("topic")},
		{Name: "alarms_topic_arn", Description: "ARN of the topic the dead-letter alarms notify.", Value: graph.RefARN("alarms_topic")},
	}
	for _, c := range consumers {
		g.Outputs = append(g.Outputs,
			graph.Output{Name: c.id + "_queue_url", Description: "URL of the " + c.id + " queue.", Value: graph.Ref{Component: c.id + "_queue", Attr: graph.AttrURL}},
			graph.Output{Name: c.id + "_queue_arn", Description: "ARN of the " + c.id + " queue.", Value: graph.RefARN(c.id + "_queue")},
			graph.Output{Name: c.id + "_dlq_url", Description: "URL of the " + c.id + " dead-letter queue.", Value: graph.Ref{Component: c.id + "_dlq", Attr: graph.AttrURL}},
		)
	}
	return g
}

// asgGraph mirrors what the Auto Scaling group blueprint builds inside a
// minimal VPC: an internet-facing Application Load Balancer in front of a
// Spot and On-Demand mix of instances from a launch template, with target
// tracking, a weekday schedule and a CodeDeploy in-place deployment group.
// It exercises Structs (nested, flattened and repeated), Base64 user data,
// translated and attribute-list properties, an omitted property and policy
// attachments that merge into their roles.
func asgGraph() *graph.Graph {
	g := &graph.Graph{
		Name:        "web",
		Blueprint:   "asg",
		Description: "Auto Scaling group of Spot and On-Demand instances behind an Application Load Balancer, deployed with CodeDeploy.",
		Region:      "us-east-1",
		Parameters: []graph.Parameter{{
			Name:           "name",
			Type:           graph.ParamString,
			Description:    "Prefix for resource names.",
			Default:        graph.String("web"),
			Pattern:        "^[a-z][a-z0-9-]*$",
			ConstraintHelp: "Lowercase letters, digits and hyphens, starting with a letter.",
			MinLength:      1,
			MaxLength:      20,
		}},
		Tags: []graph.Tag{
			{Key: "project", Value: "scaffold"},
			{Key: "managed-by", Value: "scaffold"},
		},
	}
	g.Add(
		graph.Component{
			ID: "vpc", Kind: graph.KindVPC, Label: "the VPC", Name: named("vpc"),
			Properties: []graph.Property{
				{Name: "cidr_block", Value: graph.String("10.0.0.0/16")},
				{Name: "enable_dns_support", Value: graph.Bool(true)},
				{Name: "enable_dns_hostnames", Value: graph.Bool(true)},
			},
		},
		subnet("subnet_a", "a", "10.0.0.0/24", 0, true),
		subnet("subnet_b", "b", "10.0.1.0/24", 1, true),
		// An internet-facing load balancer needs a VPC with an attached
		// internet gateway; AWS refuses to create it otherwise.
		graph.Component{
			ID: "igw", Kind: graph.KindInternetGateway, Label: "internet gateway", Name: named("igw"),
			Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("vpc")}},
		},
	)
	g.Add(securityGroups()...)
	g.Add(instanceRole()...)
	g.Add(
		graph.Component{
			ID: "launch_template", Kind: graph.KindLaunchTemplate, Label: "what every instance starts from",
			Properties: []graph.Property{
				{Name: "name", Value: named("lt")},
				{Name: "image_id", Value: graph.String("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")},
				{Name: "update_default_version", Value: graph.Bool(true)},
				{Name: "vpc_security_group_ids", Value: graph.List{graph.RefID("instance_sg")}},
				{Name: "iam_instance_profile", Value: graph.Struct{{Key: "arn", Value: graph.RefARN("instance_profile")}}},
				{Name: "metadata_options", Value: graph.Struct{
					{Key: "http_endpoint", Value: graph.String("enabled")},
					{Key: "http_tokens", Value: graph.String("required")},
					{Key: "http_put_response_hop_limit", Value: graph.Int(1)},
					{Key: "instance_metadata_tags", Value: graph.String("enabled")},
				}},
				{Name: "block_device_mappings", Value: graph.List{graph.Struct{
					{Key: "device_name", Value: graph.String("/dev/xvda")},
					{Key: "ebs", Value: graph.Struct{
						{Key: "volume_size", Value: graph.Int(20)},
						{Key: "volume_type", Value: graph.String("gp3")},
						{Key: "encrypted", Value: graph.Bool(true)},
						{Key: "delete_on_termination", Value: graph.Bool(true)},
					}},
				}}},
				{Name: "monitoring", Value: graph.Struct{{Key: "enabled", Value: graph.Bool(true)}}},
				{Name: "user_data", Value: graph.Base64{Value: graph.String(asgUserData)}},
				{Name: "tag_specifications", Value: graph.List{
					graph.Struct{
						{Key: "resource_type", Value: graph.String("instance")},
						{Key: "tags", Value: graph.Object{{Key: "Name", Value: named("instance")}}},
					},
					graph.Struct{
						{Key: "resource_type", Value: graph.String("volume")},
						{Key: "tags", Value: graph.Object{{Key: "Name", Value: named("volume")}}},
					},
				}},
			},
		},
		graph.Component{
			ID: "target_group", Kind: graph.KindLBTargetGroup, Label: "the instances, as the load balancer sees them", Name: named("tg"),
			Properties: []graph.Property{
				{Name: "name", Value: named("tg")},
				{Name: "port", Value: graph.Int(80)},
				{Name: "protocol", Value: graph.String("HTTP")},
				{Name: "vpc_id", Value: graph.RefID("vpc")},
				{Name: "target_type", Value: graph.String("instance")},
				{Name: "deregistration_delay", Value: graph.Int(30)},
				{Name: "health_check", Value: graph.Struct{
					{Key: "enabled", Value: graph.Bool(true)},
					{Key: "path", Value: graph.String("/health")},
					{Key: "matcher", Value: graph.String("200")},
					{Key: "interval", Value: graph.Int(15)},
					{Key: "timeout", Value: graph.Int(5)},
					{Key: "healthy_threshold", Value: graph.Int(2)},
					{Key: "unhealthy_threshold", Value: graph.Int(3)},
				}},
			},
		},
		graph.Component{
			ID: "alb", Kind: graph.KindLoadBalancer, Label: "internet-facing Application Load Balancer", Name: named("alb"),
			Properties: []graph.Property{
				{Name: "name", Value: named("alb")},
				{Name: "internal", Value: graph.Bool(false)},
				{Name: "load_balancer_type", Value: graph.String("application")},
				{Name: "security_groups", Value: graph.List{graph.RefID("alb_sg")}},
				{Name: "subnets", Value: graph.List{graph.RefID("subnet_a"), graph.RefID("subnet_b")}},
				{Name: "drop_invalid_header_fields", Value: graph.Bool(true)},
			},
			DependsOn: []string{"igw"},
			Waivers:   []graph.Waiver{{Rule: graph.RulePublicLoadBalancer, Reason: "The load balancer is the public entry point."}},
		},
		graph.Component{
			ID: "http_listener", Kind: graph.KindLBListener, Label: "HTTP listener, forwarding to the instances",
			Properties: []graph.Property{
				{Name: "load_balancer_arn", Value: graph.RefARN("alb")},
				{Name: "port", Value: graph.Int(80)},
				{Name: "protocol", Value: graph.String("HTTP")},
				{Name: "default_action", Value: graph.List{graph.Struct{
					{Key: "type", Value: graph.String("forward")},
					{Key: "target_group_arn", Value: graph.RefARN("target_group")},
				}}},
			},
			Waivers: []graph.Waiver{{Rule: graph.RulePlainHTTP, Reason: "A lab without a domain has no certificate."}},
		},
		graph.Component{
			ID: "asg", Kind: graph.KindAutoScalingGroup, Label: "the instances: a Spot and On-Demand mix across both zones",
			Properties: []graph.Property{
				{Name: "name", Value: named("asg")},
				{Name: "min_size", Value: graph.Int(2)},
				{Name: "max_size", Value: graph.Int(20)},
				{Name: "desired_capacity", Value: graph.Int(4)},
				{Name: "vpc_zone_identifier", Value: graph.List{graph.RefID("subnet_a"), graph.RefID("subnet_b")}},
				{Name: "target_group_arns", Value: graph.List{graph.RefARN("target_group")}},
				{Name: "health_check_type", Value: graph.String("ELB")},
				{Name: "health_check_grace_period", Value: graph.Int(300)},
				{Name: "capacity_rebalance", Value: graph.Bool(true)},
				{Name: "mixed_instances_policy", Value: graph.Struct{
					{Key: "launch_template", Value: graph.Struct{
						{Key: "launch_template_specification", Value: graph.Struct{
							{Key: "launch_template_id", Value: graph.RefID("launch_template")},
							{Key: "version", Value: graph.Ref{Component: "launch_template", Attr: graph.AttrLatestVersion}},
						}},
						{Key: "override", Value: graph.List{
							graph.Struct{{Key: "instance_type", Value: graph.String("m5.xlarge")}},
							graph.Struct{{Key: "instance_type", Value: graph.String("m5a.xlarge")}},
							graph.Struct{{Key: "instance_type", Value: graph.String("m6i.xlarge")}},
						}},
					}},
					{Key: "instances_distribution", Value: graph.Struct{
						{Key: "on_demand_base_capacity", Value: graph.Int(2)},
						{Key: "on_demand_percentage_above_base_capacity", Value: graph.Int(20)},
						{Key: "spot_allocation_strategy", Value: graph.String("price-capacity-optimized")},
					}},
				}},
			},
		},
		graph.Component{
			ID: "cpu_target", Kind: graph.KindAutoScalingPolicy, Label: "keep average CPU near 60 %",
			Properties: []graph.Property{
				{Name: "name", Value: named("cpu-60")},
				{Name: "autoscaling_group_name", Value: graph.Ref{Component: "asg", Attr: graph.AttrName}},
				{Name: "policy_type", Value: graph.String("TargetTrackingScaling")},
				{Name: "target_tracking_configuration", Value: graph.Struct{
					{Key: "predefined_metric_specification", Value: graph.Struct{
						{Key: "predefined_metric_type", Value: graph.String("ASGAverageCPUUtilization")},
					}},
					{Key: "target_value", Value: graph.Int(60)},
				}},
			},
		},
		graph.Component{
			ID: "weekday_morning", Kind: graph.KindAutoScalingSchedule, Label: "scale out for weekday business hours",
			Properties: []graph.Property{
				{Name: "scheduled_action_name", Value: named("weekday-morning")},
				{Name: "autoscaling_group_name", Value: graph.Ref{Component: "asg", Attr: graph.AttrName}},
				{Name: "recurrence", Value: graph.String("0 8 * * MON-FRI")},
				{Name: "time_zone", Value: graph.String("UTC")},
				{Name: "desired_capacity", Value: graph.Int(6)},
			},
		},
	)
	g.Add(codeDeploy()...)
	g.Outputs = []graph.Output{
		{Name: "load_balancer_dns_name", Description: "Address of the load balancer.", Value: graph.Ref{Component: "alb", Attr: graph.AttrDNSName}},
		{Name: "autoscaling_group_name", Description: "Name of the Auto Scaling group.", Value: graph.Ref{Component: "asg", Attr: graph.AttrName}},
		{Name: "deployment_group_name", Description: "CodeDeploy deployment group.", Value: graph.Ref{Component: "deployment_group", Attr: graph.AttrName}},
	}
	return g
}

// asgUserData serves the target group's health check path.
const asgUserData = "#!/bin/bash\nset -euo pipefail\ndnf install -y httpd\n" +
	"echo ok > /var/www/html/health\nsystemctl enable --now httpd\n"

// securityGroups are the load balancer's and the instances' groups and
// their rules: the world reaches the load balancer, the load balancer the
// instances, and the instances only HTTPS endpoints.
func securityGroups() []graph.Component {
	rule := func(id string, kind graph.Kind, label, group string, port int, peer graph.Property, waivers ...graph.Waiver) graph.Component {
		return graph.Component{
			ID: id, Kind: kind, Label: label, Waivers: waivers,
			Properties: []graph.Property{
				{Name: "security_group_id", Value: graph.RefID(group)},
				{Name: "ip_protocol", Value: graph.String("tcp")},
				{Name: "from_port", Value: graph.Int(port)},
				{Name: "to_port", Value: graph.Int(port)},
				peer,
				{Name: "description", Value: graph.String(label)},
			},
		}
	}
	anywhere := graph.Property{Name: "cidr_ipv4", Value: graph.String("0.0.0.0/0")}
	public := graph.Waiver{Rule: graph.RulePublicIngress, Reason: "The load balancer serves the internet."}
	return []graph.Component{
		{
			ID: "alb_sg", Kind: graph.KindSecurityGroup, Label: "load balancer security group", Name: named("alb"),
			Properties: []graph.Property{
				{Name: "name", Value: named("alb")},
				{Name: "description", Value: graph.String("Load balancer: HTTP and HTTPS from anywhere")},
				{Name: "vpc_id", Value: graph.RefID("vpc")},
			},
		},
		{
			ID: "instance_sg", Kind: graph.KindSecurityGroup, Label: "instance security group", Name: named("instances"),
			Properties: []graph.Property{
				{Name: "name", Value: named("instances")},
				{Name: "description", Value: graph.String("Instances: HTTP from the load balancer only")},
				{Name: "vpc_id", Value: graph.RefID("vpc")},
			},
		},
		rule("alb_http_in", graph.KindSecurityGroupIngress, "HTTP from anywhere", "alb_sg", 80, anywhere, public),
		rule("alb_https_in", graph.KindSecurityGroupIngress, "HTTPS from anywhere", "alb_sg", 443, anywhere, public),
		rule("alb_to_instances", graph.KindSecurityGroupEgress, "HTTP to the instances", "alb_sg", 80,
			graph.Property{Name: "referenced_security_group_id", Value: graph.RefID("instance_sg")}),
		rule("instances_from_alb", graph.KindSecurityGroupIngress, "HTTP from the load balancer", "instance_sg", 80,
			graph.Property{Name: "referenced_security_group_id", Value: graph.RefID("alb_sg")}),
		rule("instances_https_out", graph.KindSecurityGroupEgress, "HTTPS to AWS APIs and package mirrors", "instance_sg", 443, anywhere,
			graph.Waiver{Rule: graph.RulePublicEgress, Reason: "Instances reach AWS APIs and package mirrors over HTTPS."}),
	}
}

// managedPolicy is the ARN of an AWS-managed policy in the deployment's
// partition.
func managedPolicy(name string) graph.Value {
	return graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(":iam::aws:policy/" + name)}
}

// assumedBy is a trust policy for one AWS service.
func assumedBy(service string) graph.Document {
	return policy(graph.Object{
		{Key: "Effect", Value: graph.String("Allow")},
		{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.String(service)}}},
		{Key: "Action", Value: graph.String("sts:AssumeRole")},
	})
}

// instanceRole is the instances' role, with Systems Manager access, and
// its instance profile.
func instanceRole() []graph.Component {
	return []graph.Component{
		{
			ID: "instance_role", Kind: graph.KindIAMRole, Label: "role the instances run as",
			Properties: []graph.Property{
				{Name: "description", Value: graph.String("Instances of the Auto Scaling group.")},
				{Name: "assume_role_policy", Value: assumedBy("ec2.amazonaws.com")},
			},
		},
		{
			ID: "instance_ssm", Kind: graph.KindIAMRolePolicyAttachment, Label: "Systems Manager access, instead of SSH",
			Properties: []graph.Property{
				{Name: "role", Value: graph.Ref{Component: "instance_role", Attr: graph.AttrName}},
				{Name: "policy_arn", Value: managedPolicy("AmazonSSMManagedInstanceCore")},
			},
		},
		{
			ID: "instance_profile", Kind: graph.KindIAMInstanceProfile, Label: "hands the role to the instances",
			Properties: []graph.Property{{Name: "role", Value: graph.Ref{Component: "instance_role", Attr: graph.AttrName}}},
		},
	}
}

// codeDeploy is the application, its service role and an in-place
// deployment group that takes instances out of the load balancer while
// it updates them.
func codeDeploy() []graph.Component {
	return []graph.Component{
		{
			ID: "codedeploy_role", Kind: graph.KindIAMRole, Label: "role CodeDeploy acts as",
			Properties: []graph.Property{
				{Name: "description", Value: graph.String("CodeDeploy deployments to the Auto Scaling group.")},
				{Name: "assume_role_policy", Value: assumedBy("codedeploy.amazonaws.com")},
			},
		},
		{
			ID: "codedeploy_managed", Kind: graph.KindIAMRolePolicyAttachment, Label: "what CodeDeploy needs for EC2 deployments",
			Properties: []graph.Property{
				{Name: "role", Value: graph.Ref{Component: "codedeploy_role", Attr: graph.AttrName}},
				{Name: "policy_arn", Value: managedPolicy("service-role/AWSCodeDeployRole")},
			},
		},
		{
			ID: "codedeploy_launch", Kind: graph.KindIAMRolePolicy,
			Label: "what the managed policy lacks for groups that use a launch template",
			Properties: []graph.Property{
				{Name: "role", Value: graph.Ref{Component: "codedeploy_role", Attr: graph.AttrName}},
				{Name: "name", Value: graph.String("launch-template-instances")},
				{Name: "policy", Value: policy(
					graph.Object{
						{Key: "Effect", Value: graph.String("Allow")},
						{Key: "Action", Value: graph.Strings("ec2:RunInstances", "ec2:CreateTags")},
						{Key: "Resource", Value: graph.String("*")},
					},
					graph.Object{
						{Key: "Effect", Value: graph.String("Allow")},
						{Key: "Action", Value: graph.String("iam:PassRole")},
						{Key: "Resource", Value: graph.RefARN("instance_role")},
					},
				)},
			},
		},
		{
			ID: "app", Kind: graph.KindCodeDeployApp, Label: "the CodeDeploy application", Name: named("app"),
			Properties: []graph.Property{
				{Name: "name", Value: named("app")},
				{Name: "compute_platform", Value: graph.String("Server")},
			},
		},
		{
			ID: "deployment_group", Kind: graph.KindCodeDeployDeploymentGroup, Label: "in-place deployments, one instance at a time",
			Name: named("deploy"),
			Properties: []graph.Property{
				{Name: "app_name", Value: graph.Ref{Component: "app", Attr: graph.AttrName}},
				{Name: "deployment_group_name", Value: named("deploy")},
				{Name: "service_role_arn", Value: graph.RefARN("codedeploy_role")},
				{Name: "deployment_config_name", Value: graph.String("CodeDeployDefault.OneAtATime")},
				{Name: "autoscaling_groups", Value: graph.List{graph.Ref{Component: "asg", Attr: graph.AttrName}}},
				{Name: "auto_rollback_configuration", Value: graph.Struct{
					{Key: "enabled", Value: graph.Bool(true)},
					{Key: "events", Value: graph.Strings("DEPLOYMENT_FAILURE")},
				}},
				{Name: "deployment_style", Value: graph.Struct{
					{Key: "deployment_option", Value: graph.String("WITH_TRAFFIC_CONTROL")},
					{Key: "deployment_type", Value: graph.String("IN_PLACE")},
				}},
				{Name: "load_balancer_info", Value: graph.Struct{
					{Key: "target_group_info", Value: graph.List{graph.Struct{
						{Key: "name", Value: graph.Ref{Component: "target_group", Attr: graph.AttrName}},
					}}},
				}},
			},
			// CodeDeploy checks its permissions when the group is created.
			DependsOn: []string{"codedeploy_managed", "codedeploy_launch"},
		},
	}
}

// pipelineGraph is a small delivery pipeline: a KMS key, an artifact
// bucket with every setting that is a kind of its own in Terraform (and a
// property of the bucket here), a CodeBuild project that logs to an
// encrypted group, and a CodePipeline whose S3 source feeds the build and
// a manual approval.
func pipelineGraph() *graph.Graph {
	g := &graph.Graph{
		Name:        "lab",
		Blueprint:   "pipeline",
		Description: "A pipeline that builds what is uploaded to its bucket.",
		Region:      "eu-west-1",
		Tags:        []graph.Tag{{Key: "Project", Value: "lab"}},
		Parameters: []graph.Parameter{{
			Name: "name", Type: graph.ParamString, Description: "Prefix for resource names.", Default: graph.String("lab"),
		}},
	}
	bucketARN := graph.RefARN("artifacts")
	objects := graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(":s3:::"), graph.RefID("artifacts"), graph.String("/*")}
	g.Add(
		graph.Component{
			ID: "key", Kind: graph.KindKMSKey, Label: "key for artifacts and logs",
			Properties: []graph.Property{
				{Name: "description", Value: graph.String("Pipeline artifacts and build logs.")},
				{Name: "enable_key_rotation", Value: graph.Bool(true)},
				{Name: "policy", Value: keyPolicy("logs.amazonaws.com")},
			},
		},
		graph.Component{
			ID: "artifacts", Kind: graph.KindS3Bucket, Label: "bucket for sources and artifacts", Group: "artifacts",
			Name:       named("artifacts"),
			Properties: []graph.Property{{Name: "force_destroy", Value: graph.Bool(true)}},
		},
		graph.Component{
			ID: "artifacts_versioning", Kind: graph.KindS3BucketVersioning, Label: "versioning, which S3 sources need", Group: "artifacts",
			Properties: []graph.Property{
				{Name: "bucket", Value: graph.RefID("artifacts")},
				{Name: "versioning_configuration", Value: graph.Struct{{Key: "status", Value: graph.String("Enabled")}}},
			},
		},
		graph.Component{
			ID: "artifacts_encryption", Kind: graph.KindS3BucketEncryption, Label: "default encryption with the key", Group: "artifacts",
			Properties: []graph.Property{
				{Name: "bucket", Value: graph.RefID("artifacts")},
				{Name: "rule", Value: graph.Struct{
					{Key: "apply_server_side_encryption_by_default", Value: graph.Struct{
						{Key: "sse_algorithm", Value: graph.String("aws:kms")},
						{Key: "kms_master_key_id", Value: graph.RefARN("key")},
					}},
					{Key: "bucket_key_enabled", Value: graph.Bool(true)},
				}},
			},
		},
		graph.Component{
			ID: "artifacts_public_access", Kind: graph.KindS3BucketPublicAccessBlock, Label: "no public access", Group: "artifacts",
			Properties: []graph.Property{
				{Name: "bucket", Value: graph.RefID("artifacts")},
				{Name: "block_public_acls", Value: graph.Bool(true)},
				{Name: "block_public_policy", Value: graph.Bool(true)},
				{Name: "ignore_public_acls", Value: graph.Bool(true)},
				{Name: "restrict_public_buckets", Value: graph.Bool(true)},
			},
		},
		graph.Component{
			ID: "artifacts_ownership", Kind: graph.KindS3BucketOwnershipControls, Label: "no ACLs: the bucket owns every object", Group: "artifacts",
			Properties: []graph.Property{
				{Name: "bucket", Value: graph.RefID("artifacts")},
				{Name: "rule", Value: graph.Struct{{Key: "object_ownership", Value: graph.String("BucketOwnerEnforced")}}},
			},
		},
		graph.Component{
			ID: "artifacts_policy", Kind: graph.KindS3BucketPolicy, Label: "TLS only", Group: "artifacts",
			Properties: []graph.Property{
				{Name: "bucket", Value: graph.RefID("artifacts")},
				{Name: "policy", Value: policy(denyInsecureTransport("s3:*", graph.List{bucketARN, objects}))},
			},
			DependsOn: []string{"artifacts_public_access"},
		},
		graph.Component{
			ID: "build_logs", Kind: graph.KindLogGroup, Label: "build logs",
			Properties: []graph.Property{
				{Name: "name", Value: graph.Join{graph.String("/aws/codebuild/"), graph.Param("name"), graph.String("-build")}},
				{Name: "retention_in_days", Value: graph.Int(30)},
				{Name: "kms_key_id", Value: graph.RefARN("key")},
			},
		},
		graph.Component{
			ID: "build_role", Kind: graph.KindIAMRole, Label: "role the build runs as",
			Properties: []graph.Property{{Name: "assume_role_policy", Value: assumedBy("codebuild.amazonaws.com")}},
		},
		graph.Component{
			ID: "build_policy", Kind: graph.KindIAMRolePolicy, Label: "deploy anything in two services",
			Properties: []graph.Property{
				{Name: "role", Value: graph.Ref{Component: "build_role", Attr: graph.AttrName}},
				{Name: "name", Value: graph.String("deploy")},
				{Name: "policy", Value: policy(graph.Object{
					{Key: "Effect", Value: graph.String("Allow")},
					{Key: "Action", Value: graph.Strings("ec2:*", "sns:*")},
					{Key: "Resource", Value: graph.String("*")},
				})},
			},
			Waivers: []graph.Waiver{{Rule: graph.RuleBroadDeployPermissions, Reason: "the build deploys whatever the stack holds."}},
		},
		graph.Component{
			ID: "build", Kind: graph.KindCodeBuildProject, Label: "the build",
			Name: named("build"),
			Properties: []graph.Property{
				{Name: "name", Value: named("build")},
				{Name: "description", Value: graph.String("Builds the uploaded source.")},
				{Name: "service_role", Value: graph.RefARN("build_role")},
				{Name: "build_timeout", Value: graph.Int(30)},
				{Name: "queued_timeout", Value: graph.Int(60)},
				{Name: "encryption_key", Value: graph.RefARN("key")},
				{Name: "source", Value: graph.Struct{
					{Key: "type", Value: graph.String("CODEPIPELINE")},
					{Key: "buildspec", Value: graph.String("buildspec.yml")},
				}},
				{Name: "artifacts", Value: graph.Struct{{Key: "type", Value: graph.String("CODEPIPELINE")}}},
				{Name: "environment", Value: graph.Struct{
					{Key: "compute_type", Value: graph.String("BUILD_GENERAL1_SMALL")},
					{Key: "image", Value: graph.String("aws/codebuild/amazonlinux-x86_64-standard:5.0")},
					{Key: "type", Value: graph.String("LINUX_CONTAINER")},
					{Key: "image_pull_credentials_type", Value: graph.String("CODEBUILD")},
					{Key: "environment_variable", Value: graph.List{
						graph.Struct{
							{Key: "name", Value: graph.String("BUCKET")},
							{Key: "value", Value: graph.RefID("artifacts")},
							{Key: "type", Value: graph.String("PLAINTEXT")},
						},
						graph.Struct{
							{Key: "name", Value: graph.String("STAGE")},
							{Key: "value", Value: graph.String("test")},
						},
					}},
				}},
				{Name: "logs_config", Value: graph.Struct{
					{Key: "cloudwatch_logs", Value: graph.Struct{
						{Key: "status", Value: graph.String("ENABLED")},
						{Key: "group_name", Value: graph.RefID("build_logs")},
					}},
					{Key: "s3_logs", Value: graph.Struct{{Key: "status", Value: graph.String("DISABLED")}}},
				}},
			},
		},
		graph.Component{
			ID: "pipeline_role", Kind: graph.KindIAMRole, Label: "role the pipeline runs as",
			Properties: []graph.Property{{Name: "assume_role_policy", Value: assumedBy("codepipeline.amazonaws.com")}},
		},
		graph.Component{
			ID: "pipeline", Kind: graph.KindCodePipeline, Label: "source, build, approval",
			Name: named("pipeline"),
			Properties: []graph.Property{
				{Name: "name", Value: named("pipeline")},
				{Name: "pipeline_type", Value: graph.String("V2")},
				{Name: "execution_mode", Value: graph.String("SUPERSEDED")},
				{Name: "role_arn", Value: graph.RefARN("pipeline_role")},
				{Name: "artifact_store", Value: graph.Struct{
					{Key: "location", Value: graph.RefID("artifacts")},
					{Key: "type", Value: graph.String("S3")},
					{Key: "encryption_key", Value: graph.Struct{
						{Key: "id", Value: graph.RefARN("key")},
						{Key: "type", Value: graph.String("KMS")},
					}},
				}},
				{Name: "stage", Value: graph.List{
					graph.Struct{
						{Key: "name", Value: graph.String("Source")},
						{Key: "action", Value: graph.List{graph.Struct{
							{Key: "name", Value: graph.String("Upload")},
							{Key: "category", Value: graph.String("Source")},
							{Key: "owner", Value: graph.String("AWS")},
							{Key: "provider", Value: graph.String("S3")},
							{Key: "version", Value: graph.String("1")},
							{Key: "output_artifacts", Value: graph.Strings("source")},
							{Key: "configuration", Value: graph.Object{
								{Key: "S3Bucket", Value: graph.RefID("artifacts")},
								{Key: "S3ObjectKey", Value: graph.String("source/lab.zip")},
								{Key: "PollForSourceChanges", Value: graph.String("false")},
							}},
						}}},
					},
					graph.Struct{
						{Key: "name", Value: graph.String("Build")},
						{Key: "action", Value: graph.List{
							graph.Struct{
								{Key: "name", Value: graph.String("Build")},
								{Key: "category", Value: graph.String("Build")},
								{Key: "owner", Value: graph.String("AWS")},
								{Key: "provider", Value: graph.String("CodeBuild")},
								{Key: "version", Value: graph.String("1")},
								{Key: "run_order", Value: graph.Int(1)},
								{Key: "input_artifacts", Value: graph.Strings("source")},
								{Key: "output_artifacts", Value: graph.Strings("built")},
								{Key: "configuration", Value: graph.Object{{Key: "ProjectName", Value: graph.Ref{Component: "build", Attr: graph.AttrName}}}},
							},
							graph.Struct{
								{Key: "name", Value: graph.String("Approve")},
								{Key: "category", Value: graph.String("Approval")},
								{Key: "owner", Value: graph.String("AWS")},
								{Key: "provider", Value: graph.String("Manual")},
								{Key: "version", Value: graph.String("1")},
								{Key: "run_order", Value: graph.Int(2)},
							},
						}},
					},
				}},
			},
		},
	)
	g.Outputs = []graph.Output{
		{Name: "pipeline_arn", Description: "The pipeline's ARN.", Value: graph.RefARN("pipeline")},
		{Name: "build_arn", Description: "The build's ARN.", Value: graph.RefARN("build")},
		{Name: "bucket_name", Description: "Where sources go.", Value: graph.Ref{Component: "artifacts", Attr: graph.AttrName}},
	}
	return g
}
