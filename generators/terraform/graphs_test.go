package terraform

import "github.com/scaffold-iac/scaffold/generators/graph"

// The graphs below are built by hand rather than by blueprints, so that this
// package's goldens change only when the generator does.

// vpcGraph is a two-AZ VPC with one NAT gateway, an S3 endpoint, flow logs
// and a locked-down default security group: every network kind the
// generator maps. fanoutGraph covers the messaging kinds.
func vpcGraph() *graph.Graph {
	name := func(suffix string) graph.Value { return graph.Join{graph.Param("name"), graph.String(suffix)} }
	g := &graph.Graph{
		Name:        "lab",
		Blueprint:   "vpc",
		Description: "A VPC with public and private subnets in two Availability Zones.",
		Region:      "eu-west-1",
		Tags: []graph.Tag{
			{Key: "Project", Value: "lab"},
			{Key: "cost-center", Value: "training"},
			{Key: "scaffold:blueprint", Value: "vpc"},
		},
		Parameters: []graph.Parameter{
			{
				Name:           "name",
				Type:           graph.ParamString,
				Description:    "Prefix for resource names.",
				Default:        graph.String("lab"),
				Pattern:        "^[a-z][a-z0-9-]*$",
				ConstraintHelp: "must start with a lowercase letter and contain only lowercase letters, digits and hyphens",
				MinLength:      1,
				MaxLength:      32,
			},
			{
				Name:          "flow_log_retention_days",
				Type:          graph.ParamNumber,
				Description:   "Days to keep VPC flow logs.",
				Default:       graph.Int(14),
				AllowedValues: []string{"1", "3", "5", "7", "14", "30", "60", "90", "365"},
			},
			{
				Name:          "flow_log_traffic_type",
				Type:          graph.ParamString,
				Description:   "Which traffic the flow logs record.",
				Default:       graph.String("REJECT"),
				AllowedValues: []string{"ACCEPT", "REJECT", "ALL"},
			},
		},
	}
	g.Add(
		graph.Component{
			ID: "vpc", Kind: graph.KindVPC, Label: "VPC", Group: "network",
			Properties: []graph.Property{
				{Name: "cidr_block", Value: graph.String("10.0.0.0/16")},
				{Name: "enable_dns_support", Value: graph.Bool(true)},
				{Name: "enable_dns_hostnames", Value: graph.Bool(true)},
			},
			Name: name("-vpc"),
		},
	)
	for i, az := range []string{"a", "b"} {
		g.Add(
			graph.Component{
				ID: "public_subnet_" + az, Kind: graph.KindSubnet, Label: "public subnet, AZ " + az, Group: "public subnets",
				Properties: []graph.Property{
					{Name: "vpc_id", Value: graph.RefID("vpc")},
					{Name: "cidr_block", Value: graph.String([]string{"10.0.0.0/20", "10.0.16.0/20"}[i])},
					{Name: "availability_zone", Value: graph.AZ{Index: i}},
					{Name: "map_public_ip_on_launch", Value: graph.Bool(true)},
				},
				Name: name("-public-" + az),
			},
			graph.Component{
				ID: "private_subnet_" + az, Kind: graph.KindSubnet, Label: "private subnet, AZ " + az, Group: "private subnets",
				Properties: []graph.Property{
					{Name: "vpc_id", Value: graph.RefID("vpc")},
					{Name: "cidr_block", Value: graph.String([]string{"10.0.128.0/20", "10.0.144.0/20"}[i])},
					{Name: "availability_zone", Value: graph.AZ{Index: i}},
				},
				Name: name("-private-" + az),
			},
		)
	}
	g.Add(
		graph.Component{
			ID: "internet_gateway", Kind: graph.KindInternetGateway, Label: "internet gateway",
			Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("vpc")}},
			Name:       name("-igw"),
		},
		graph.Component{
			ID: "nat_eip_a", Kind: graph.KindElasticIP, Label: "Elastic IP for the NAT gateway",
			Properties: []graph.Property{{Name: "domain", Value: graph.String("vpc")}},
			Name:       name("-nat-a"),
			DependsOn:  []string{"internet_gateway"},
		},
		graph.Component{
			ID: "nat_gateway_a", Kind: graph.KindNATGateway, Label: "NAT gateway, AZ a",
			Properties: []graph.Property{
				{Name: "allocation_id", Value: graph.RefID("nat_eip_a")},
				{Name: "subnet_id", Value: graph.RefID("public_subnet_a")},
			},
			Name:      name("-nat-a"),
			DependsOn: []string{"internet_gateway"},
		},
		graph.Component{
			ID: "public_route_table", Kind: graph.KindRouteTable, Label: "public route table",
			Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("vpc")}},
			Name:       name("-public"),
		},
		graph.Component{
			ID: "public_default_route", Kind: graph.KindRoute, Label: "default route to the internet gateway",
			Properties: []graph.Property{
				{Name: "route_table_id", Value: graph.RefID("public_route_table")},
				{Name: "destination_cidr_block", Value: graph.String("0.0.0.0/0")},
				{Name: "gateway_id", Value: graph.RefID("internet_gateway")},
			},
		},
		graph.Component{
			ID: "private_route_table", Kind: graph.KindRouteTable, Label: "private route table",
			Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("vpc")}},
			Name:       name("-private"),
		},
		graph.Component{
			ID: "private_default_route", Kind: graph.KindRoute, Label: "default route to the NAT gateway",
			Properties: []graph.Property{
				{Name: "route_table_id", Value: graph.RefID("private_route_table")},
				{Name: "destination_cidr_block", Value: graph.String("0.0.0.0/0")},
				{Name: "nat_gateway_id", Value: graph.RefID("nat_gateway_a")},
			},
		},
	)
	for _, az := range []string{"a", "b"} {
		for _, tier := range []string{"public", "private"} {
			g.Add(graph.Component{
				ID: tier + "_" + az, Kind: graph.KindRouteTableAssociation, Label: tier + " subnet " + az + " uses the " + tier + " route table",
				Properties: []graph.Property{
					{Name: "subnet_id", Value: graph.RefID(tier + "_subnet_" + az)},
					{Name: "route_table_id", Value: graph.RefID(tier + "_route_table")},
				},
			})
		}
	}
	g.Add(
		graph.Component{
			ID: "s3_endpoint", Kind: graph.KindVPCGatewayEndpoint, Label: "S3 gateway endpoint",
			Properties: []graph.Property{
				{Name: "vpc_id", Value: graph.RefID("vpc")},
				{Name: "service_name", Value: graph.Join{graph.String("com.amazonaws."), graph.PseudoRegion, graph.String(".s3")}},
				{Name: "route_table_ids", Value: graph.List{graph.RefID("public_route_table"), graph.RefID("private_route_table")}},
			},
			Name: name("-s3"),
		},
		graph.Component{
			ID: "flow_log_group", Kind: graph.KindLogGroup, Label: "log group for VPC flow logs",
			Properties: []graph.Property{
				{Name: "name", Value: graph.Join{graph.String("/aws/vpc-flow-logs/"), graph.Param("name")}},
				{Name: "retention_in_days", Value: graph.Param("flow_log_retention_days")},
			},
		},
		graph.Component{
			ID: "flow_log_role", Kind: graph.KindIAMRole, Label: "role the flow log service assumes",
			Properties: []graph.Property{
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
				{Name: "description", Value: graph.String("Lets VPC Flow Logs write to CloudWatch Logs.")},
			},
			Name: name("-flow-logs"),
		},
		graph.Component{
			ID: "flow_log_policy", Kind: graph.KindIAMRolePolicy, Label: "permission to write flow logs",
			Properties: []graph.Property{
				{Name: "role", Value: graph.Ref{Component: "flow_log_role", Attr: graph.AttrName}},
				{Name: "name", Value: graph.String("write-flow-logs")},
				{Name: "policy", Value: graph.Document{
					{Key: "Version", Value: graph.String("2012-10-17")},
					{Key: "Statement", Value: graph.List{graph.Object{
						{Key: "Effect", Value: graph.String("Allow")},
						{Key: "Action", Value: graph.Strings("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams")},
						{Key: "Resource", Value: graph.Join{graph.RefARN("flow_log_group"), graph.String(":*")}},
					}}},
				}},
			},
		},
		graph.Component{
			ID: "flow_log", Kind: graph.KindFlowLog, Label: "VPC flow log",
			Properties: []graph.Property{
				{Name: "vpc_id", Value: graph.RefID("vpc")},
				{Name: "traffic_type", Value: graph.Param("flow_log_traffic_type")},
				{Name: "log_destination_type", Value: graph.String("cloud-watch-logs")},
				{Name: "log_destination", Value: graph.RefARN("flow_log_group")},
				{Name: "iam_role_arn", Value: graph.RefARN("flow_log_role")},
				{Name: "max_aggregation_interval", Value: graph.Int(60)},
			},
			Name: name("-flow-log"),
		},
		graph.Component{
			ID: "default_security_group", Kind: graph.KindDefaultSecurityGroup, Label: "default security group, all rules removed",
			Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("vpc")}},
			Name:       name("-default-do-not-use"),
		},
	)
	g.Outputs = []graph.Output{
		{Name: "vpc_id", Description: "ID of the VPC.", Value: graph.RefID("vpc")},
		{Name: "public_subnet_ids", Description: "IDs of the public subnets, one per Availability Zone.",
			Value: graph.List{graph.RefID("public_subnet_a"), graph.RefID("public_subnet_b")}},
		{Name: "private_subnet_ids", Description: "IDs of the private subnets, one per Availability Zone.",
			Value: graph.List{graph.RefID("private_subnet_a"), graph.RefID("private_subnet_b")}},
		{Name: "flow_log_group_name", Description: "CloudWatch Logs group that receives the flow logs.",
			Value: graph.Ref{Component: "flow_log_group", Attr: graph.AttrName}},
	}
	return g
}

// minimalGraph has one component and nothing else: no region, tags,
// parameters, outputs or data sources. It pins down what the fixed files say
// when there is little to say.
func minimalGraph() *graph.Graph {
	return &graph.Graph{
		Name: "minimal",
		Components: []graph.Component{{
			ID: "vpc", Kind: graph.KindVPC, Label: "VPC",
			Properties: []graph.Property{{Name: "cidr_block", Value: graph.String("10.0.0.0/16")}},
		}},
	}
}

// valuesGraph exercises the value vocabulary's corners: escaping in
// literals and templates, quoted object keys, nested joins, every pseudo
// value, numbers and booleans inside strings, and text that must not break
// out of a comment.
func valuesGraph() *graph.Graph {
	return &graph.Graph{
		Name:   "values",
		Region: "us-gov-west-1",
		Tags:   []graph.Tag{{Key: "aws-cdk:x", Value: `quote " and ${not_interpolated}`}, {Key: "true", Value: "keyword key"}},
		Parameters: []graph.Parameter{
			{Name: "env", Type: graph.ParamString, Description: "Environment the log group belongs to.",
				AllowedValues: []string{"dev", "prod"}, ConstraintHelp: "use dev or prod"},
			{Name: "code", Type: graph.ParamString, Description: "Short code in the log group name.", MaxLength: 8},
			{Name: "size", Type: graph.ParamNumber, Description: "Days to keep the log events."},
		},
		Components: []graph.Component{
			{
				ID: "log_group", Kind: graph.KindLogGroup, Label: "label with\na newline",
				Properties: []graph.Property{
					// A literal "${" and "%{" stay literal; a "$" right before an
					// interpolation must not turn it into an escape.
					{Name: "name", Value: graph.Join{
						graph.String("/${literal}/%{if}/cost$"), graph.Param("code"),
						graph.Join{graph.String("-"), graph.Int(7), graph.String("-"), graph.Bool(false), graph.String("-")},
						graph.AZ{Index: 2}, graph.String("100%"), graph.Param("env"),
					}},
					{Name: "retention_in_days", Value: graph.Param("size")},
					{Name: "kms_key_id", Value: graph.Join{graph.Param("env")}},
				},
				Name: graph.Join{graph.String("suffix-"), graph.PseudoURLSuffix},
			},
			{
				ID: "role", Kind: graph.KindIAMRole, Label: "role",
				Properties: []graph.Property{
					{Name: "assume_role_policy", Value: graph.Document{
						{Key: "Statement", Value: graph.List{}},
						{Key: "null", Value: graph.Object{}},
						{Key: "with-dash", Value: graph.List{graph.Int(1), graph.Bool(true), graph.String("multi\nline\ttab \\ backslash")}},
						{Key: "Nested", Value: graph.Object{{Key: "Ref", Value: graph.Ref{Component: "log_group", Attr: graph.AttrID}}}},
					}},
					{Name: "description", Value: graph.Join{}},
				},
			},
		},
	}
}

// fanoutGraph is what the fanout blueprint builds: an orders topic that
// fans out to two queues, each with a dead-letter queue, an access policy,
// a subscription and an alarm on its dead-letter queue. One queue pair uses
// SQS-managed encryption and the other a customer-managed key, so both
// spellings of encryption are pinned, as are the three policy-shaped string
// arguments (policy, redrive_policy, filter_policy) and the dimensions map.
func fanoutGraph() *graph.Graph {
	name := func(suffix string) graph.Value { return graph.Join{graph.Param("name"), graph.String(suffix)} }
	accountRoot := graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(":iam::"), graph.PseudoAccountID, graph.String(":root")}
	statement := func(fields ...graph.Field) graph.Object { return graph.Object(fields) }
	policy := func(statements ...graph.Value) graph.Document {
		return graph.Document{
			{Key: "Version", Value: graph.String("2012-10-17")},
			{Key: "Statement", Value: graph.List(statements)},
		}
	}
	// Key policies replace the default one, so each starts by giving the
	// account itself full control; without it nobody could manage the key.
	keyPolicy := func(extra ...graph.Value) graph.Document {
		return policy(append([]graph.Value{
			statement(
				graph.Field{Key: "Sid", Value: graph.String("AccountAdministers")},
				graph.Field{Key: "Effect", Value: graph.String("Allow")},
				graph.Field{Key: "Principal", Value: graph.Object{{Key: "AWS", Value: accountRoot}}},
				graph.Field{Key: "Action", Value: graph.String("kms:*")},
				graph.Field{Key: "Resource", Value: graph.String("*")},
			),
			statement(
				graph.Field{Key: "Sid", Value: graph.String("SNSEncrypts")},
				graph.Field{Key: "Effect", Value: graph.String("Allow")},
				graph.Field{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.String("sns.amazonaws.com")}}},
				graph.Field{Key: "Action", Value: graph.Strings("kms:GenerateDataKey*", "kms:Decrypt")},
				graph.Field{Key: "Resource", Value: graph.String("*")},
				graph.Field{Key: "Condition", Value: graph.Object{
					{Key: "StringEquals", Value: graph.Object{{Key: "aws:SourceAccount", Value: graph.PseudoAccountID}}},
				}},
			),
		}, extra...)...)
	}
	denyInsecure := func(action string, resource graph.Value) graph.Object {
		return statement(
			graph.Field{Key: "Sid", Value: graph.String("DenyInsecureTransport")},
			graph.Field{Key: "Effect", Value: graph.String("Deny")},
			graph.Field{Key: "Principal", Value: graph.String("*")},
			graph.Field{Key: "Action", Value: graph.String(action)},
			graph.Field{Key: "Resource", Value: resource},
			graph.Field{Key: "Condition", Value: graph.Object{
				{Key: "Bool", Value: graph.Object{{Key: "aws:SecureTransport", Value: graph.String("false")}}},
			}},
		)
	}

	g := &graph.Graph{
		Name:        "orders",
		Blueprint:   "fanout",
		Description: "An SNS topic that fans orders out to SQS queues, each with a dead-letter queue and an alarm on it.",
		Region:      "eu-west-1",
		Tags:        []graph.Tag{{Key: "Project", Value: "orders"}, {Key: "scaffold:blueprint", Value: "fanout"}},
		Parameters: []graph.Parameter{{
			Name:           "name",
			Type:           graph.ParamString,
			Description:    "Prefix for resource names.",
			Default:        graph.String("orders"),
			Pattern:        "^[a-z][a-z0-9-]*$",
			ConstraintHelp: "must start with a lowercase letter and contain only lowercase letters, digits and hyphens",
			MinLength:      1,
			MaxLength:      32,
		}},
	}
	g.Add(
		graph.Component{
			// CloudWatch publishes alarms to a topic under this key, which
			// an AWS managed key could not allow. The statement is the one
			// AWS documents for alarms, without a source condition.
			ID: "topic_key", Kind: graph.KindKMSKey, Label: "key for the topics", Group: "encryption",
			Properties: []graph.Property{
				{Name: "description", Value: graph.String("Encrypts the orders and alarms topics.")},
				{Name: "enable_key_rotation", Value: graph.Bool(true)},
				{Name: "deletion_window_in_days", Value: graph.Int(30)},
				{Name: "policy", Value: keyPolicy(statement(
					graph.Field{Key: "Sid", Value: graph.String("CloudWatchAlarmsEncrypt")},
					graph.Field{Key: "Effect", Value: graph.String("Allow")},
					graph.Field{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.String("cloudwatch.amazonaws.com")}}},
					graph.Field{Key: "Action", Value: graph.Strings("kms:GenerateDataKey*", "kms:Decrypt")},
					graph.Field{Key: "Resource", Value: graph.String("*")},
				))},
			},
			Name: name("-topics"),
		},
		graph.Component{
			ID: "queue_key", Kind: graph.KindKMSKey, Label: "key for the shipping queues", Group: "encryption",
			Properties: []graph.Property{
				{Name: "description", Value: graph.String("Encrypts the shipping queue and its dead-letter queue.")},
				{Name: "enable_key_rotation", Value: graph.Bool(true)},
				{Name: "deletion_window_in_days", Value: graph.Int(30)},
				{Name: "policy", Value: keyPolicy()},
			},
			Name: name("-queues"),
		},
		graph.Component{
			ID: "orders_topic", Kind: graph.KindSNSTopic, Label: "orders topic", Group: "topics",
			Properties: []graph.Property{
				{Name: "name", Value: name("-orders")},
				{Name: "kms_master_key_id", Value: graph.RefARN("topic_key")},
			},
		},
		graph.Component{
			ID: "orders_topic_policy", Kind: graph.KindSNSTopicPolicy, Label: "who may use the orders topic", Group: "topics",
			Properties: []graph.Property{
				{Name: "arn", Value: graph.RefARN("orders_topic")},
				{Name: "policy", Value: policy(
					statement(
						graph.Field{Key: "Sid", Value: graph.String("AccountPublishesAndSubscribes")},
						graph.Field{Key: "Effect", Value: graph.String("Allow")},
						graph.Field{Key: "Principal", Value: graph.Object{{Key: "AWS", Value: accountRoot}}},
						graph.Field{Key: "Action", Value: graph.Strings("sns:Publish", "sns:Subscribe")},
						graph.Field{Key: "Resource", Value: graph.RefARN("orders_topic")},
					),
					denyInsecure("sns:Publish", graph.RefARN("orders_topic")),
				)},
			},
		},
		graph.Component{
			ID: "alarms_topic", Kind: graph.KindSNSTopic, Label: "topic for dead-letter alarms", Group: "topics",
			Properties: []graph.Property{
				{Name: "name", Value: name("-alarms")},
				{Name: "kms_master_key_id", Value: graph.RefARN("topic_key")},
			},
		},
	)

	consumers := []struct {
		id string
		// kms, when set, encrypts the pair with the queue key instead of
		// SQS-managed keys.
		kms    bool
		filter graph.Document
	}{
		{id: "billing", filter: graph.Document{{Key: "eventType", Value: graph.Strings("OrderPlaced")}}},
		{id: "shipping", kms: true},
	}
	for _, c := range consumers {
		encryption := []graph.Property{{Name: "sqs_managed_sse_enabled", Value: graph.Bool(true)}}
		if c.kms {
			encryption = []graph.Property{
				{Name: "kms_master_key_id", Value: graph.RefARN("queue_key")},
				{Name: "kms_data_key_reuse_period_seconds", Value: graph.Int(300)},
			}
		}
		queue, dlq := c.id+"_queue", c.id+"_dlq"
		subscription := []graph.Property{
			{Name: "topic_arn", Value: graph.RefARN("orders_topic")},
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
				ID: dlq, Kind: graph.KindSQSQueue, Label: c.id + " dead-letter queue", Group: c.id,
				Properties: append([]graph.Property{
					{Name: "name", Value: name("-" + c.id + "-dlq")},
					{Name: "message_retention_seconds", Value: graph.Int(1209600)},
				}, encryption...),
			},
			graph.Component{
				ID: queue, Kind: graph.KindSQSQueue, Label: c.id + " queue", Group: c.id,
				Properties: append(append([]graph.Property{
					{Name: "name", Value: name("-" + c.id)},
					{Name: "visibility_timeout_seconds", Value: graph.Int(30)},
					{Name: "receive_wait_time_seconds", Value: graph.Int(20)},
				}, encryption...), graph.Property{Name: "redrive_policy", Value: graph.Document{
					{Key: "deadLetterTargetArn", Value: graph.RefARN(dlq)},
					{Key: "maxReceiveCount", Value: graph.Int(5)},
				}}),
			},
			graph.Component{
				ID: c.id + "_queue_policy", Kind: graph.KindSQSQueuePolicy, Label: "the orders topic may send to the " + c.id + " queue", Group: c.id,
				Properties: []graph.Property{
					{Name: "queue_url", Value: graph.Ref{Component: queue, Attr: graph.AttrURL}},
					{Name: "policy", Value: policy(
						statement(
							graph.Field{Key: "Sid", Value: graph.String("OrdersTopicSends")},
							graph.Field{Key: "Effect", Value: graph.String("Allow")},
							graph.Field{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.String("sns.amazonaws.com")}}},
							graph.Field{Key: "Action", Value: graph.String("sqs:SendMessage")},
							graph.Field{Key: "Resource", Value: graph.RefARN(queue)},
							graph.Field{Key: "Condition", Value: graph.Object{
								{Key: "ArnEquals", Value: graph.Object{{Key: "aws:SourceArn", Value: graph.RefARN("orders_topic")}}},
							}},
						),
						denyInsecure("sqs:*", graph.RefARN(queue)),
					)},
				},
			},
			graph.Component{
				// Until the queue policy exists, SNS cannot deliver, and the
				// first messages would be lost.
				ID: c.id + "_subscription", Kind: graph.KindSNSSubscription, Label: c.id + " queue subscribes to orders", Group: c.id,
				Properties: subscription,
				DependsOn:  []string{c.id + "_queue_policy"},
			},
			graph.Component{
				ID: c.id + "_dlq_alarm", Kind: graph.KindMetricAlarm, Label: "messages in the " + c.id + " dead-letter queue", Group: c.id,
				Properties: []graph.Property{
					{Name: "alarm_name", Value: name("-" + c.id + "-dlq-not-empty")},
					{Name: "alarm_description", Value: graph.String("Messages the " + c.id + " consumer failed to process reached its dead-letter queue.")},
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
		{Name: "orders_topic_arn", Description: "ARN of the orders topic; publish order events here.", Value: graph.RefARN("orders_topic")},
		{Name: "queue_urls", Description: "URLs of the billing and shipping queues.",
			Value: graph.List{graph.Ref{Component: "billing_queue", Attr: graph.AttrURL}, graph.Ref{Component: "shipping_queue", Attr: graph.AttrURL}}},
		{Name: "alarms_topic_arn", Description: "ARN of the topic the dead-letter alarms notify; subscribe to it.", Value: graph.RefARN("alarms_topic")},
	}
	return g
}

// asgGraph is a web tier behind an Application Load Balancer: an Auto
// Scaling group of mixed instance types launched from a hardened launch
// template, scaled by CPU and by a schedule, and deployed to by CodeDeploy.
// It covers every compute kind, nested blocks (single, nested and repeated)
// from Structs, and user data from Base64. The VPC is the least the group
// needs; the vpc graph covers networking.
func asgGraph() *graph.Graph {
	name := func(suffix string) graph.Value { return graph.Join{graph.Param("name"), graph.String(suffix)} }
	partitionARN := func(suffix string) graph.Value {
		return graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(suffix)}
	}
	assumeRole := func(service string) graph.Document {
		return graph.Document{
			{Key: "Version", Value: graph.String("2012-10-17")},
			{Key: "Statement", Value: graph.List{graph.Object{
				{Key: "Effect", Value: graph.String("Allow")},
				{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.String(service)}}},
				{Key: "Action", Value: graph.String("sts:AssumeRole")},
			}}},
		}
	}
	rule := func(id string, kind graph.Kind, label, group string, port int, peer graph.Property, waivers ...graph.Waiver) graph.Component {
		return graph.Component{
			ID: id, Kind: kind, Label: label,
			Properties: []graph.Property{
				{Name: "security_group_id", Value: graph.RefID(group)},
				{Name: "ip_protocol", Value: graph.String("tcp")},
				{Name: "from_port", Value: graph.Int(port)},
				{Name: "to_port", Value: graph.Int(port)},
				peer,
				{Name: "description", Value: graph.String(label)},
			},
			Waivers: waivers,
		}
	}
	// ec2ARN is an EC2 resource ARN in this account and Region; Amazon's
	// images have no account in theirs.
	ec2ARN := func(suffix string) graph.Value {
		return graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(":ec2:"), graph.PseudoRegion,
			graph.String(":"), graph.PseudoAccountID, graph.String(suffix)}
	}
	ec2AmazonImages := graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(":ec2:"), graph.PseudoRegion, graph.String("::image/*")}
	anywhere := graph.Property{Name: "cidr_ipv4", Value: graph.String("0.0.0.0/0")}
	publicWeb := graph.Waiver{Rule: graph.RulePublicIngress, Reason: "The load balancer serves the public web site."}

	g := &graph.Graph{
		Name:        "web",
		Blueprint:   "asg",
		Description: "An Auto Scaling group of web servers behind an Application Load Balancer, deployed by CodeDeploy.",
		Region:      "eu-west-1",
		Tags:        []graph.Tag{{Key: "Project", Value: "web"}, {Key: "scaffold:blueprint", Value: "asg"}},
		Parameters: []graph.Parameter{{
			Name:           "name",
			Type:           graph.ParamString,
			Description:    "Prefix for resource names.",
			Default:        graph.String("web"),
			Pattern:        "^[a-z][a-z0-9-]*$",
			ConstraintHelp: "must start with a lowercase letter and contain only lowercase letters, digits and hyphens",
			MinLength:      1,
			// Load balancer and target group names end in "-alb" or
			// "-tg" and may not exceed 32 characters.
			MaxLength: 20,
		}},
	}
	g.Add(
		graph.Component{
			ID: "vpc", Kind: graph.KindVPC, Label: "VPC", Group: "network",
			Properties: []graph.Property{{Name: "cidr_block", Value: graph.String("10.0.0.0/16")}},
			Name:       name("-vpc"),
		},
	)
	for i, az := range []string{"a", "b"} {
		g.Add(graph.Component{
			ID: "subnet_" + az, Kind: graph.KindSubnet, Label: "subnet, AZ " + az, Group: "network",
			Properties: []graph.Property{
				{Name: "vpc_id", Value: graph.RefID("vpc")},
				{Name: "cidr_block", Value: graph.String([]string{"10.0.0.0/24", "10.0.1.0/24"}[i])},
				{Name: "availability_zone", Value: graph.AZ{Index: i}},
			},
			Name: name("-" + az),
		})
	}
	g.Add(
		graph.Component{
			ID: "alb_security_group", Kind: graph.KindSecurityGroup, Label: "load balancer security group", Group: "security groups",
			Properties: []graph.Property{
				{Name: "name", Value: name("-alb")},
				{Name: "description", Value: graph.String("Admits web traffic to the load balancer.")},
				{Name: "vpc_id", Value: graph.RefID("vpc")},
			},
			Name: name("-alb"),
		},
		graph.Component{
			ID: "instance_security_group", Kind: graph.KindSecurityGroup, Label: "instance security group", Group: "security groups",
			Properties: []graph.Property{
				{Name: "name", Value: name("-instances")},
				{Name: "description", Value: graph.String("Admits traffic from the load balancer to the web servers.")},
				{Name: "vpc_id", Value: graph.RefID("vpc")},
			},
			Name: name("-instances"),
		},
		rule("alb_http_in", graph.KindSecurityGroupIngress, "HTTP from the internet", "alb_security_group", 80, anywhere, publicWeb),
		rule("alb_https_in", graph.KindSecurityGroupIngress, "HTTPS from the internet", "alb_security_group", 443, anywhere, publicWeb),
		rule("alb_to_instances", graph.KindSecurityGroupEgress, "HTTP to the web servers", "alb_security_group", 80,
			graph.Property{Name: "referenced_security_group_id", Value: graph.RefID("instance_security_group")}),
		rule("instances_from_alb", graph.KindSecurityGroupIngress, "HTTP from the load balancer", "instance_security_group", 80,
			graph.Property{Name: "referenced_security_group_id", Value: graph.RefID("alb_security_group")}),
		rule("instances_https_out", graph.KindSecurityGroupEgress, "HTTPS to AWS APIs and package repositories", "instance_security_group", 443, anywhere,
			graph.Waiver{Rule: graph.RulePublicEgress, Reason: "Instances reach Systems Manager, CodeDeploy and package repositories over HTTPS."}),
	)
	g.Add(
		graph.Component{
			ID: "instance_role", Kind: graph.KindIAMRole, Label: "role the web servers assume", Group: "instances",
			Properties: []graph.Property{
				{Name: "assume_role_policy", Value: assumeRole("ec2.amazonaws.com")},
				{Name: "description", Value: graph.String("Lets the web servers use Systems Manager.")},
			},
			Name: name("-instances"),
		},
		graph.Component{
			ID: "instance_ssm", Kind: graph.KindIAMRolePolicyAttachment, Label: "Systems Manager access for the web servers", Group: "instances",
			Properties: []graph.Property{
				{Name: "role", Value: graph.Ref{Component: "instance_role", Attr: graph.AttrName}},
				{Name: "policy_arn", Value: partitionARN(":iam::aws:policy/AmazonSSMManagedInstanceCore")},
			},
		},
		graph.Component{
			ID: "instance_profile", Kind: graph.KindIAMInstanceProfile, Label: "instance profile of the web servers", Group: "instances",
			Properties: []graph.Property{
				{Name: "name", Value: name("-instances")},
				{Name: "role", Value: graph.Ref{Component: "instance_role", Attr: graph.AttrName}},
			},
		},
		graph.Component{
			ID: "launch_template", Kind: graph.KindLaunchTemplate, Label: "launch template of the web servers", Group: "instances",
			Properties: []graph.Property{
				{Name: "name", Value: name("-web")},
				{Name: "description", Value: graph.String("Amazon Linux 2023 web server.")},
				{Name: "image_id", Value: graph.String("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")},
				{Name: "user_data", Value: graph.Base64{Value: graph.String("#!/bin/bash\n" +
					"set -euo pipefail\n" +
					"dnf install -y httpd\n" +
					"echo \"ok\" > /var/www/html/health\n" +
					"systemctl enable --now httpd\n")}},
				{Name: "vpc_security_group_ids", Value: graph.List{graph.RefID("instance_security_group")}},
				{Name: "update_default_version", Value: graph.Bool(true)},
				{Name: "metadata_options", Value: graph.Struct{
					{Key: "http_endpoint", Value: graph.String("enabled")},
					{Key: "http_tokens", Value: graph.String("required")},
					{Key: "http_put_response_hop_limit", Value: graph.Int(1)},
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
				{Name: "iam_instance_profile", Value: graph.Struct{{Key: "arn", Value: graph.RefARN("instance_profile")}}},
				{Name: "monitoring", Value: graph.Struct{{Key: "enabled", Value: graph.Bool(true)}}},
				{Name: "tag_specifications", Value: graph.List{
					graph.Struct{
						{Key: "resource_type", Value: graph.String("instance")},
						{Key: "tags", Value: graph.Object{{Key: "Name", Value: name("-web")}}},
					},
					graph.Struct{
						{Key: "resource_type", Value: graph.String("volume")},
						{Key: "tags", Value: graph.Object{{Key: "Name", Value: name("-web")}}},
					},
				}},
			},
			Name: name("-web"),
		},
	)
	g.Add(
		graph.Component{
			ID: "load_balancer", Kind: graph.KindLoadBalancer, Label: "Application Load Balancer", Group: "load balancing",
			Properties: []graph.Property{
				{Name: "name", Value: name("-alb")},
				{Name: "internal", Value: graph.Bool(false)},
				{Name: "load_balancer_type", Value: graph.String("application")},
				{Name: "security_groups", Value: graph.List{graph.RefID("alb_security_group")}},
				{Name: "subnets", Value: graph.List{graph.RefID("subnet_a"), graph.RefID("subnet_b")}},
				{Name: "drop_invalid_header_fields", Value: graph.Bool(true)},
			},
			Name:    name("-alb"),
			Waivers: []graph.Waiver{{Rule: graph.RulePublicLoadBalancer, Reason: "The web site is public."}},
		},
		graph.Component{
			ID: "target_group", Kind: graph.KindLBTargetGroup, Label: "web servers as load balancer targets", Group: "load balancing",
			Properties: []graph.Property{
				{Name: "name", Value: name("-tg")},
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
					{Key: "healthy_threshold", Value: graph.Int(2)},
					{Key: "unhealthy_threshold", Value: graph.Int(3)},
				}},
			},
			Name: name("-tg"),
		},
		graph.Component{
			ID: "http_listener", Kind: graph.KindLBListener, Label: "HTTP listener", Group: "load balancing",
			Properties: []graph.Property{
				{Name: "load_balancer_arn", Value: graph.RefARN("load_balancer")},
				{Name: "port", Value: graph.Int(80)},
				{Name: "protocol", Value: graph.String("HTTP")},
				{Name: "default_action", Value: graph.List{graph.Struct{
					{Key: "type", Value: graph.String("forward")},
					{Key: "target_group_arn", Value: graph.RefARN("target_group")},
				}}},
			},
			Waivers: []graph.Waiver{{Rule: graph.RulePlainHTTP, Reason: "A lab without a domain has no certificate for HTTPS."}},
		},
	)
	group := graph.Ref{Component: "autoscaling_group", Attr: graph.AttrName}
	g.Add(
		graph.Component{
			ID: "autoscaling_group", Kind: graph.KindAutoScalingGroup, Label: "web servers", Group: "instances",
			Properties: []graph.Property{
				{Name: "name", Value: name("-web")},
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
			ID: "cpu_target_tracking", Kind: graph.KindAutoScalingPolicy, Label: "keep average CPU near 60%", Group: "scaling",
			Properties: []graph.Property{
				{Name: "name", Value: name("-cpu60")},
				{Name: "autoscaling_group_name", Value: group},
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
			ID: "business_hours", Kind: graph.KindAutoScalingSchedule, Label: "more capacity on weekday mornings", Group: "scaling",
			Properties: []graph.Property{
				{Name: "scheduled_action_name", Value: name("-business-hours")},
				{Name: "autoscaling_group_name", Value: group},
				{Name: "recurrence", Value: graph.String("0 8 * * MON-FRI")},
				{Name: "time_zone", Value: graph.String("UTC")},
				{Name: "desired_capacity", Value: graph.Int(6)},
			},
		},
	)
	g.Add(
		graph.Component{
			ID: "codedeploy_role", Kind: graph.KindIAMRole, Label: "role CodeDeploy assumes", Group: "deployment",
			Properties: []graph.Property{
				{Name: "assume_role_policy", Value: assumeRole("codedeploy.amazonaws.com")},
				{Name: "description", Value: graph.String("Lets CodeDeploy deploy to the web servers.")},
			},
			Name: name("-codedeploy"),
		},
		graph.Component{
			ID: "codedeploy_managed_policy", Kind: graph.KindIAMRolePolicyAttachment, Label: "CodeDeploy's managed permissions", Group: "deployment",
			Properties: []graph.Property{
				{Name: "role", Value: graph.Ref{Component: "codedeploy_role", Attr: graph.AttrName}},
				{Name: "policy_arn", Value: partitionARN(":iam::aws:policy/service-role/AWSCodeDeployRole")},
			},
		},
		graph.Component{
			// AWSCodeDeployRole predates launch templates: a group that
			// launches from one also needs ec2:RunInstances, ec2:CreateTags
			// and iam:PassRole. AWS documents them on "*"; here they are
			// held to this account and Region, Amazon's images, tagging
			// at launch and the instance role.
			ID: "codedeploy_launch_template", Kind: graph.KindIAMRolePolicy, Label: "CodeDeploy may launch from the template", Group: "deployment",
			Properties: []graph.Property{
				{Name: "role", Value: graph.Ref{Component: "codedeploy_role", Attr: graph.AttrName}},
				{Name: "name", Value: graph.String("launch-from-template")},
				{Name: "policy", Value: graph.Document{
					{Key: "Version", Value: graph.String("2012-10-17")},
					{Key: "Statement", Value: graph.List{
						graph.Object{
							{Key: "Sid", Value: graph.String("RunInstances")},
							{Key: "Effect", Value: graph.String("Allow")},
							{Key: "Action", Value: graph.String("ec2:RunInstances")},
							{Key: "Resource", Value: graph.List{ec2ARN(":*"), ec2AmazonImages}},
						},
						graph.Object{
							{Key: "Sid", Value: graph.String("TagAtLaunch")},
							{Key: "Effect", Value: graph.String("Allow")},
							{Key: "Action", Value: graph.String("ec2:CreateTags")},
							{Key: "Resource", Value: ec2ARN(":*")},
							{Key: "Condition", Value: graph.Object{
								{Key: "StringEquals", Value: graph.Object{{Key: "ec2:CreateAction", Value: graph.String("RunInstances")}}},
							}},
						},
						graph.Object{
							{Key: "Sid", Value: graph.String("PassInstanceRole")},
							{Key: "Effect", Value: graph.String("Allow")},
							{Key: "Action", Value: graph.String("iam:PassRole")},
							{Key: "Resource", Value: graph.RefARN("instance_role")},
							{Key: "Condition", Value: graph.Object{
								{Key: "StringEquals", Value: graph.Object{{Key: "iam:PassedToService", Value: graph.String("ec2.amazonaws.com")}}},
							}},
						},
					}},
				}},
			},
		},
		graph.Component{
			ID: "codedeploy_app", Kind: graph.KindCodeDeployApp, Label: "CodeDeploy application", Group: "deployment",
			Properties: []graph.Property{
				{Name: "name", Value: name("-web")},
				{Name: "compute_platform", Value: graph.String("Server")},
			},
		},
		graph.Component{
			ID: "deployment_group", Kind: graph.KindCodeDeployDeploymentGroup, Label: "deploys to the web servers one at a time", Group: "deployment",
			Properties: []graph.Property{
				{Name: "app_name", Value: graph.Ref{Component: "codedeploy_app", Attr: graph.AttrName}},
				{Name: "deployment_group_name", Value: name("-web")},
				{Name: "service_role_arn", Value: graph.RefARN("codedeploy_role")},
				{Name: "deployment_config_name", Value: graph.String("CodeDeployDefault.OneAtATime")},
				{Name: "autoscaling_groups", Value: graph.List{group}},
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
			// CodeDeploy checks the role's permissions when the group is
			// created, and nothing else orders the two.
			DependsOn: []string{"codedeploy_managed_policy", "codedeploy_launch_template"},
		},
	)
	g.Outputs = []graph.Output{
		{Name: "url", Description: "Address of the web site.",
			Value: graph.Join{graph.String("http://"), graph.Ref{Component: "load_balancer", Attr: graph.AttrDNSName}}},
		{Name: "autoscaling_group_name", Description: "Name of the Auto Scaling group.", Value: group},
		{Name: "codedeploy_application_name", Description: "CodeDeploy application to deploy revisions to.",
			Value: graph.Ref{Component: "codedeploy_app", Attr: graph.AttrName}},
		{Name: "codedeploy_deployment_group_name", Description: "CodeDeploy deployment group of the web servers.",
			Value: graph.Ref{Component: "deployment_group", Attr: graph.AttrName}},
	}
	return g
}

// pipelineGraph is a small delivery pipeline: a KMS key, an artifact
// bucket with every setting that is a kind of its own in Terraform (and a
// property of the bucket here), a CodeBuild project that logs to an
// encrypted group, and a CodePipeline whose S3 source feeds the build and
// a manual approval.
func pipelineGraph() *graph.Graph {
	named := func(suffix string) graph.Value { return graph.Join{graph.Param("name"), graph.String("-" + suffix)} }
	policy := func(statements ...graph.Value) graph.Document {
		return graph.Document{
			{Key: "Version", Value: graph.String("2012-10-17")},
			{Key: "Statement", Value: graph.List(statements)},
		}
	}
	assumedBy := func(service string) graph.Document {
		return policy(graph.Object{
			{Key: "Effect", Value: graph.String("Allow")},
			{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.String(service)}}},
			{Key: "Action", Value: graph.String("sts:AssumeRole")},
		})
	}
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
				{Name: "policy", Value: policy(graph.Object{
					{Key: "Effect", Value: graph.String("Allow")},
					{Key: "Principal", Value: graph.Object{{Key: "AWS", Value: graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(":iam::"), graph.PseudoAccountID, graph.String(":root")}}}},
					{Key: "Action", Value: graph.String("kms:*")},
					{Key: "Resource", Value: graph.String("*")},
				})},
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
				{Name: "policy", Value: policy(graph.Object{
					{Key: "Effect", Value: graph.String("Deny")},
					{Key: "Principal", Value: graph.String("*")},
					{Key: "Action", Value: graph.String("s3:*")},
					{Key: "Resource", Value: graph.List{bucketARN, objects}},
					{Key: "Condition", Value: graph.Object{{Key: "Bool", Value: graph.Object{{Key: "aws:SecureTransport", Value: graph.String("false")}}}}},
				})},
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
