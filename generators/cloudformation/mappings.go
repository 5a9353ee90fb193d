package cloudformation

import (
	"slices"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// TypeMapping says how components of one graph kind become CloudFormation
// resources. The table is data rather than code so that
// `scaffold compare --mapping` can print it next to the Terraform one, and
// so that a test can hold every type, property and attribute name against
// the CloudFormation resource specification.
type TypeMapping struct {
	// Kind is the neutral resource kind.
	Kind graph.Kind
	// Resources are the resources one component becomes. The first is the
	// primary resource: its logical ID is the component's, and references
	// to the component read it. Unsupported kinds have none.
	Resources []ResourceMapping
	// Attributes maps the neutral attributes a Ref may read to the way
	// CloudFormation reads them. A Ref to any other attribute is an error.
	Attributes []AttributeMapping
	// DependencySuffix names, by its suffix, the resource that stands for
	// the component when another component depends on it or references
	// it. An internet gateway is usable only once attached, so its
	// dependants wait for "<Id>Attachment" rather than for the gateway.
	DependencySuffix string
	// Unsupported, when set, says why CloudFormation cannot express the
	// kind. The generator leaves such components out of the template and
	// records them, with Remedy, in the template's Metadata and a comment.
	Unsupported string
	// Remedy lists the shell commands that do by hand what the template
	// cannot. "{vpc}" stands for the logical ID of the component's VPC.
	Remedy []string
}

// ResourceMapping is one CloudFormation resource made from a component.
type ResourceMapping struct {
	// Suffix is appended to the component's logical ID; it is empty for
	// the primary resource.
	Suffix string
	// Type is the CloudFormation resource type ("AWS::EC2::VPC").
	Type string
	// Properties maps the model properties this resource carries. Every
	// property of a component must be mapped by exactly one resource of its
	// kind; anything else is an error, which catches a blueprint typo
	// before CloudFormation would.
	Properties []PropertyMapping
	// Implied are properties the kind fixes, written first unless the
	// component sets a property with the same CloudFormation name. A
	// gateway endpoint is always of type Gateway, so the model does not
	// carry that.
	Implied []ImpliedProperty
	// ListProperties are CloudFormation properties that take a list where
	// the model holds one value: an inline policy names its one role in
	// AWS::IAM::Policy's Roles list.
	ListProperties []string
	// NameValueProperties are CloudFormation properties that take a list
	// of Name/Value pairs where the model holds an Object keyed by name: a
	// metric alarm's dimensions {QueueName: x} become
	// [{Name: QueueName, Value: x}]. The model keeps the Object because
	// that is also the shape of Terraform's map argument, and the keys'
	// order survives into the list.
	NameValueProperties []string
	// PrimaryRef names the property that receives `!Ref` of the primary
	// resource: a secondary resource exists to act on the primary one.
	PrimaryRef string
	// Tags reports whether the type takes a Tags property, as the resource
	// specification says. Only such resources get the Name and graph tags.
	Tags bool
}

// PropertyMapping is one model property and the CloudFormation property
// that holds it.
type PropertyMapping struct {
	// Name is the model's snake_case property name ("cidr_block").
	Name string
	// Property is the CloudFormation property name ("CidrBlock").
	Property string
}

// Renamed reports whether the CloudFormation name differs from the
// PascalCase of the model name, which is what a mapping table should
// highlight ("log_destination" is LogDestination, but "vpc_id" on a flow
// log is ResourceId).
func (p PropertyMapping) Renamed() bool { return p.Property != PascalCase(p.Name) }

// ImpliedProperty is a literal property a kind always carries.
type ImpliedProperty struct {
	// Property is the CloudFormation property name.
	Property string
	// Value is its literal string value.
	Value string
}

// AttributeMapping is one neutral attribute and how CloudFormation reads
// it from the primary resource. Exactly one way applies: GetAtt, ARN, or
// (when both are empty) Ref.
type AttributeMapping struct {
	// Attr is the neutral attribute a Ref names.
	Attr graph.Attr
	// GetAtt is the Fn::GetAtt attribute name; empty means the value is
	// what `!Ref` returns.
	GetAtt string
	// ARN, when set, builds the ARN with !Sub around the resource's Ref,
	// for types whose ARN CloudFormation does not return in the form the
	// model means.
	ARN *ARNFormat
}

// ARNFormat describes an ARN built from the pseudo parameters and a
// resource's Ref: arn:${AWS::Partition}:<Service>:${AWS::Region}:
// ${AWS::AccountId}:<Resource><Ref>.
type ARNFormat struct {
	// Service is the ARN's service namespace ("ec2", "logs").
	Service string
	// Resource is the resource-type prefix, separator included ("vpc/",
	// "log-group:").
	Resource string
}

// Mapping returns the whole table, one entry per kind in the order the
// graph package declares the kinds. The result is a deep copy: callers may
// change it without affecting the generator.
func Mapping() []TypeMapping {
	out := make([]TypeMapping, len(mappings))
	for i, m := range mappings {
		out[i] = m.clone()
	}
	return out
}

// MappingFor returns the mapping of one kind and whether it exists.
func MappingFor(kind graph.Kind) (TypeMapping, bool) {
	m := lookup(kind)
	if m == nil {
		return TypeMapping{}, false
	}
	return m.clone(), true
}

// Attribute returns how the kind reads a neutral attribute and whether it
// exposes it at all.
func (m *TypeMapping) Attribute(attr graph.Attr) (AttributeMapping, bool) {
	for _, a := range m.Attributes {
		if a.Attr == attr {
			return a, true
		}
	}
	return AttributeMapping{}, false
}

// property finds the resource and CloudFormation name of a model property.
func (m *TypeMapping) property(name string) (resource int, property string, ok bool) {
	for i, r := range m.Resources {
		for _, p := range r.Properties {
			if p.Name == name {
				return i, p.Property, true
			}
		}
	}
	return 0, "", false
}

// lookup finds a kind's entry without copying it. A linear scan is plenty
// for a table of this size and keeps the table the only source of truth.
func lookup(kind graph.Kind) *TypeMapping {
	for i := range mappings {
		if mappings[i].Kind == kind {
			return &mappings[i]
		}
	}
	return nil
}

func (m TypeMapping) clone() TypeMapping {
	m.Resources = slices.Clone(m.Resources)
	for i := range m.Resources {
		m.Resources[i].Properties = slices.Clone(m.Resources[i].Properties)
		m.Resources[i].Implied = slices.Clone(m.Resources[i].Implied)
		m.Resources[i].ListProperties = slices.Clone(m.Resources[i].ListProperties)
		m.Resources[i].NameValueProperties = slices.Clone(m.Resources[i].NameValueProperties)
	}
	m.Attributes = slices.Clone(m.Attributes)
	for i := range m.Attributes {
		if m.Attributes[i].ARN != nil {
			format := *m.Attributes[i].ARN
			m.Attributes[i].ARN = &format
		}
	}
	m.Remedy = slices.Clone(m.Remedy)
	return m
}

// refID is the attribute mapping shared by nearly every kind: the model's
// id is what `!Ref` returns.
var refID = AttributeMapping{Attr: graph.AttrID}

// ec2ARN builds the ARN of an EC2 resource. CloudFormation returns no ARN
// for VPC-level EC2 resources, but Terraform does, so a blueprint may ask
// for one; building it keeps the two formats answering the same question.
func ec2ARN(resource string) AttributeMapping {
	return AttributeMapping{Attr: graph.AttrARN, ARN: &ARNFormat{Service: "ec2", Resource: resource}}
}

// mappings is the table behind Mapping. Every type, property and
// attribute name, and the Tags column, was read from the CloudFormation
// resource specification and is checked by the tests against the same
// specification, embedded in package schemas.
var mappings = []TypeMapping{
	{
		Kind: graph.KindVPC,
		Resources: []ResourceMapping{{
			Type: "AWS::EC2::VPC",
			Properties: []PropertyMapping{
				{"cidr_block", "CidrBlock"},
				{"enable_dns_support", "EnableDnsSupport"},
				{"enable_dns_hostnames", "EnableDnsHostnames"},
			},
			Tags: true,
		}},
		Attributes: []AttributeMapping{refID, ec2ARN("vpc/"), {Attr: graph.AttrDefaultSecurityGroup, GetAtt: "DefaultSecurityGroup"}},
	},
	{
		Kind: graph.KindSubnet,
		Resources: []ResourceMapping{{
			Type: "AWS::EC2::Subnet",
			Properties: []PropertyMapping{
				{"vpc_id", "VpcId"},
				{"cidr_block", "CidrBlock"},
				{"availability_zone", "AvailabilityZone"},
				{"map_public_ip_on_launch", "MapPublicIpOnLaunch"},
			},
			Tags: true,
		}},
		Attributes: []AttributeMapping{refID, ec2ARN("subnet/")},
	},
	{
		// Terraform attaches the gateway through vpc_id; CloudFormation
		// needs a separate attachment, and a route through the gateway
		// fails until the attachment exists, hence DependencySuffix.
		Kind: graph.KindInternetGateway,
		Resources: []ResourceMapping{
			{Type: "AWS::EC2::InternetGateway", Tags: true},
			{
				Suffix:     "Attachment",
				Type:       "AWS::EC2::VPCGatewayAttachment",
				Properties: []PropertyMapping{{"vpc_id", "VpcId"}},
				PrimaryRef: "InternetGatewayId",
			},
		},
		Attributes:       []AttributeMapping{refID, ec2ARN("internet-gateway/")},
		DependencySuffix: "Attachment",
	},
	{
		// `!Ref` of an EIP is its public address; the model's id, like
		// aws_eip.id in Terraform, is the allocation ID.
		Kind: graph.KindElasticIP,
		Resources: []ResourceMapping{{
			Type:       "AWS::EC2::EIP",
			Properties: []PropertyMapping{{"domain", "Domain"}},
			Implied:    []ImpliedProperty{{"Domain", "vpc"}},
			Tags:       true,
		}},
		Attributes: []AttributeMapping{
			{Attr: graph.AttrID, GetAtt: "AllocationId"},
			{Attr: graph.AttrARN, ARN: &ARNFormat{Service: "ec2", Resource: "elastic-ip/"}},
		},
	},
	{
		Kind: graph.KindNATGateway,
		Resources: []ResourceMapping{{
			Type: "AWS::EC2::NatGateway",
			Properties: []PropertyMapping{
				{"allocation_id", "AllocationId"},
				{"subnet_id", "SubnetId"},
			},
			Tags: true,
		}},
		Attributes: []AttributeMapping{refID, ec2ARN("natgateway/")},
	},
	{
		Kind: graph.KindRouteTable,
		Resources: []ResourceMapping{{
			Type:       "AWS::EC2::RouteTable",
			Properties: []PropertyMapping{{"vpc_id", "VpcId"}},
			Tags:       true,
		}},
		Attributes: []AttributeMapping{refID, ec2ARN("route-table/")},
	},
	{
		Kind: graph.KindRoute,
		Resources: []ResourceMapping{{
			Type: "AWS::EC2::Route",
			Properties: []PropertyMapping{
				{"route_table_id", "RouteTableId"},
				{"destination_cidr_block", "DestinationCidrBlock"},
				{"gateway_id", "GatewayId"},
				{"nat_gateway_id", "NatGatewayId"},
			},
		}},
		Attributes: []AttributeMapping{refID},
	},
	{
		Kind: graph.KindRouteTableAssociation,
		Resources: []ResourceMapping{{
			Type: "AWS::EC2::SubnetRouteTableAssociation",
			Properties: []PropertyMapping{
				{"subnet_id", "SubnetId"},
				{"route_table_id", "RouteTableId"},
			},
		}},
		Attributes: []AttributeMapping{refID},
	},
	{
		// AWS::EC2::VPCEndpoint serves every endpoint type and defaults to
		// Gateway, but saying so keeps the template honest for readers.
		Kind: graph.KindVPCGatewayEndpoint,
		Resources: []ResourceMapping{{
			Type: "AWS::EC2::VPCEndpoint",
			Properties: []PropertyMapping{
				{"vpc_id", "VpcId"},
				{"service_name", "ServiceName"},
				{"route_table_ids", "RouteTableIds"},
			},
			Implied: []ImpliedProperty{{"VpcEndpointType", "Gateway"}},
			Tags:    true,
		}},
		Attributes: []AttributeMapping{refID, ec2ARN("vpc-endpoint/")},
	},
	{
		// CloudFormation creates resources and cannot adopt the group every
		// VPC is born with, nor revoke the rules it starts with.
		Kind: graph.KindDefaultSecurityGroup,
		Unsupported: "CloudFormation cannot manage a VPC's default security group, " +
			"so its rules must be removed with the AWS CLI after every deploy that creates the VPC.",
		Remedy: []string{
			`VPC_ID=$(aws cloudformation describe-stack-resource --stack-name "$STACK" --logical-resource-id {vpc} --query StackResourceDetail.PhysicalResourceId --output text)`,
			`SG_ID=$(aws ec2 describe-security-groups --filters Name=vpc-id,Values="$VPC_ID" Name=group-name,Values=default --query 'SecurityGroups[0].GroupId' --output text)`,
			`aws ec2 revoke-security-group-ingress --group-id "$SG_ID" --ip-permissions "$(aws ec2 describe-security-groups --group-ids "$SG_ID" --query 'SecurityGroups[0].IpPermissions')"`,
			`aws ec2 revoke-security-group-egress --group-id "$SG_ID" --ip-permissions "$(aws ec2 describe-security-groups --group-ids "$SG_ID" --query 'SecurityGroups[0].IpPermissionsEgress')"`,
		},
	},
	{
		// `!GetAtt LogGroup.Arn` ends in ":*", which EC2 flow logs reject
		// with AccessDenied and which Terraform's arn never has, so the ARN
		// is built from the name instead.
		Kind: graph.KindLogGroup,
		Resources: []ResourceMapping{{
			Type: "AWS::Logs::LogGroup",
			Properties: []PropertyMapping{
				{"name", "LogGroupName"},
				{"retention_in_days", "RetentionInDays"},
				{"kms_key_id", "KmsKeyId"},
			},
			Tags: true,
		}},
		Attributes: []AttributeMapping{
			refID,
			{Attr: graph.AttrName},
			{Attr: graph.AttrARN, ARN: &ARNFormat{Service: "logs", Resource: "log-group:"}},
		},
	},
	{
		// `!Ref` of a role is its name, as the id of aws_iam_role is.
		Kind: graph.KindIAMRole,
		Resources: []ResourceMapping{{
			Type: "AWS::IAM::Role",
			Properties: []PropertyMapping{
				{"name", "RoleName"},
				{"description", "Description"},
				{"assume_role_policy", "AssumeRolePolicyDocument"},
			},
			Tags: true,
		}},
		Attributes: []AttributeMapping{
			refID,
			{Attr: graph.AttrName},
			{Attr: graph.AttrARN, GetAtt: "Arn"},
		},
	},
	{
		// Inline policies carry no tags and return nothing worth reading.
		// AWS::IAM::Policy embeds an inline policy in the roles it lists,
		// exactly what aws_iam_role_policy does; it is used rather than
		// AWS::IAM::RolePolicy because every CloudFormation implementation
		// we test against (including the moto emulator) supports it.
		Kind: graph.KindIAMRolePolicy,
		Resources: []ResourceMapping{{
			Type: "AWS::IAM::Policy",
			Properties: []PropertyMapping{
				{"name", "PolicyName"},
				{"policy", "PolicyDocument"},
				{"role", "Roles"},
			},
			ListProperties: []string{"Roles"},
		}},
	},
	{
		// The model names the VPC directly; CloudFormation takes any
		// resource ID plus its type.
		Kind: graph.KindFlowLog,
		Resources: []ResourceMapping{{
			Type: "AWS::EC2::FlowLog",
			Properties: []PropertyMapping{
				{"vpc_id", "ResourceId"},
				{"traffic_type", "TrafficType"},
				{"log_destination_type", "LogDestinationType"},
				{"log_destination", "LogDestination"},
				{"iam_role_arn", "DeliverLogsPermissionArn"},
				{"max_aggregation_interval", "MaxAggregationInterval"},
			},
			Implied: []ImpliedProperty{{"ResourceType", "VPC"}},
			Tags:    true,
		}},
		Attributes: []AttributeMapping{refID, ec2ARN("vpc-flow-log/")},
	},
	{
		// `!Ref` of a key is its key ID, as aws_kms_key.id is. The model's
		// deletion window is the pending window CloudFormation observes
		// when the stack deletes the key.
		Kind: graph.KindKMSKey,
		Resources: []ResourceMapping{{
			Type: "AWS::KMS::Key",
			Properties: []PropertyMapping{
				{"description", "Description"},
				{"enable_key_rotation", "EnableKeyRotation"},
				{"deletion_window_in_days", "PendingWindowInDays"},
				{"policy", "KeyPolicy"},
			},
			Tags: true,
		}},
		Attributes: []AttributeMapping{refID, {Attr: graph.AttrARN, GetAtt: "Arn"}},
	},
	{
		// `!Ref` of a topic is its ARN, which is also aws_sns_topic.id, so
		// the ARN is the Ref and the name needs !GetAtt.
		Kind: graph.KindSNSTopic,
		Resources: []ResourceMapping{{
			Type: "AWS::SNS::Topic",
			Properties: []PropertyMapping{
				{"name", "TopicName"},
				{"fifo_topic", "FifoTopic"},
				{"content_based_deduplication", "ContentBasedDeduplication"},
				{"kms_master_key_id", "KmsMasterKeyId"},
			},
			Tags: true,
		}},
		Attributes: []AttributeMapping{
			{Attr: graph.AttrARN},
			{Attr: graph.AttrName, GetAtt: "TopicName"},
		},
	},
	{
		// aws_sns_topic_policy governs one topic; AWS::SNS::TopicPolicy
		// takes a list of them, so the one topic becomes a one-item list.
		Kind: graph.KindSNSTopicPolicy,
		Resources: []ResourceMapping{{
			Type: "AWS::SNS::TopicPolicy",
			Properties: []PropertyMapping{
				{"arn", "Topics"},
				{"policy", "PolicyDocument"},
			},
			ListProperties: []string{"Topics"},
		}},
	},
	{
		Kind: graph.KindSNSSubscription,
		Resources: []ResourceMapping{{
			Type: "AWS::SNS::Subscription",
			Properties: []PropertyMapping{
				{"topic_arn", "TopicArn"},
				{"protocol", "Protocol"},
				{"endpoint", "Endpoint"},
				{"raw_message_delivery", "RawMessageDelivery"},
				{"filter_policy", "FilterPolicy"},
				{"filter_policy_scope", "FilterPolicyScope"},
			},
		}},
	},
	{
		// `!Ref` of a queue is its URL, which is also aws_sqs_queue.id;
		// the ARN and the name need !GetAtt. The API's attribute names
		// (MessageRetentionPeriod, ReceiveMessageWaitTimeSeconds) differ
		// from Terraform's, hence the renames.
		Kind: graph.KindSQSQueue,
		Resources: []ResourceMapping{{
			Type: "AWS::SQS::Queue",
			Properties: []PropertyMapping{
				{"name", "QueueName"},
				{"fifo_queue", "FifoQueue"},
				{"content_based_deduplication", "ContentBasedDeduplication"},
				{"visibility_timeout_seconds", "VisibilityTimeout"},
				{"message_retention_seconds", "MessageRetentionPeriod"},
				{"receive_wait_time_seconds", "ReceiveMessageWaitTimeSeconds"},
				{"sqs_managed_sse_enabled", "SqsManagedSseEnabled"},
				{"kms_master_key_id", "KmsMasterKeyId"},
				{"kms_data_key_reuse_period_seconds", "KmsDataKeyReusePeriodSeconds"},
				{"redrive_policy", "RedrivePolicy"},
			},
			Tags: true,
		}},
		Attributes: []AttributeMapping{
			{Attr: graph.AttrARN, GetAtt: "Arn"},
			{Attr: graph.AttrURL},
			{Attr: graph.AttrName, GetAtt: "QueueName"},
		},
	},
	{
		// Like a topic policy, a queue policy lists its queues, by URL.
		Kind: graph.KindSQSQueuePolicy,
		Resources: []ResourceMapping{{
			Type: "AWS::SQS::QueuePolicy",
			Properties: []PropertyMapping{
				{"queue_url", "Queues"},
				{"policy", "PolicyDocument"},
			},
			ListProperties: []string{"Queues"},
		}},
	},
	{
		// Terraform's dimensions argument is a map; CloudFormation's is a
		// list of Name/Value pairs, hence NameValueProperties.
		Kind: graph.KindMetricAlarm,
		Resources: []ResourceMapping{{
			Type: "AWS::CloudWatch::Alarm",
			Properties: []PropertyMapping{
				{"alarm_name", "AlarmName"},
				{"alarm_description", "AlarmDescription"},
				{"namespace", "Namespace"},
				{"metric_name", "MetricName"},
				{"dimensions", "Dimensions"},
				{"statistic", "Statistic"},
				{"period", "Period"},
				{"evaluation_periods", "EvaluationPeriods"},
				{"threshold", "Threshold"},
				{"comparison_operator", "ComparisonOperator"},
				{"treat_missing_data", "TreatMissingData"},
				{"alarm_actions", "AlarmActions"},
				{"ok_actions", "OKActions"},
			},
			NameValueProperties: []string{"Dimensions"},
			Tags:                true,
		}},
	},
}
