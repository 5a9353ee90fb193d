package terraform

import (
	"slices"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// TypeMapping says how one graph kind becomes one Terraform resource. The
// table is data rather than code so that `scaffold compare --mapping` can
// print it next to the CloudFormation one, and so that a test can hold it
// against the provider schema.
type TypeMapping struct {
	// Kind is the neutral resource kind.
	Kind graph.Kind
	// Type is the hashicorp/aws resource type ("aws_vpc").
	Type string
	// Properties are the model property names the kind accepts, in the
	// order the model documents them. Any other property is an error, which
	// catches a blueprint typo before Terraform would.
	Properties []string
	// Renames maps model property names to Terraform argument names where
	// they differ. The model already uses the provider's spelling, so this
	// is usually empty; it exists so that a kind whose neutral name differs
	// does not need special code.
	Renames []Rename
	// Implied are arguments that the kind fixes, written after the
	// component's own properties (a gateway endpoint is always of type
	// Gateway, so the model does not carry that).
	Implied []graph.Property
	// Attributes maps the neutral attributes a Ref may read to the
	// resource's Terraform attributes. A Ref to any other attribute is an
	// error.
	Attributes []AttributeMapping
	// Tags reports whether the resource type takes a tags argument, taken
	// from the provider schema. Only such resources can carry a Name tag;
	// the graph's own tags reach them through the provider's default_tags.
	Tags bool
	// Note is rendered as a comment inside every resource of the kind. It
	// explains behaviour that the code alone does not show.
	Note string
}

// Rename is one model property whose Terraform argument has another name.
type Rename struct {
	// Property is the model's property name.
	Property string
	// Argument is the Terraform argument name.
	Argument string
}

// AttributeMapping is one neutral attribute and the Terraform attribute that
// holds it.
type AttributeMapping struct {
	// Attr is the neutral attribute a Ref names.
	Attr graph.Attr
	// Attribute is the Terraform attribute ("arn").
	Attribute string
}

// Argument returns the Terraform argument name of a model property.
func (m *TypeMapping) Argument(property string) string {
	for _, r := range m.Renames {
		if r.Property == property {
			return r.Argument
		}
	}
	return property
}

// Attribute returns the Terraform attribute for a neutral attribute and
// whether the kind exposes it.
func (m *TypeMapping) Attribute(attr graph.Attr) (string, bool) {
	for _, a := range m.Attributes {
		if a.Attr == attr {
			return a.Attribute, true
		}
	}
	return "", false
}

// Mapping returns the whole table, one entry per kind in the order the graph
// package declares the kinds. The result is a copy: callers may change it
// without affecting the generator.
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
	m.Properties = slices.Clone(m.Properties)
	m.Renames = slices.Clone(m.Renames)
	m.Implied = slices.Clone(m.Implied)
	m.Attributes = slices.Clone(m.Attributes)
	return m
}

// Attribute lists shared by several kinds. For most kinds the resource's
// `id` is what AttrID means; kinds add `arn` and `name` where the provider
// exports them. Kinds whose `id` is something else (a topic's ARN, a
// queue's URL) list their attributes inline and leave AttrID out.
var (
	idOnly    = []AttributeMapping{{graph.AttrID, "id"}}
	idAndARN  = []AttributeMapping{{graph.AttrID, "id"}, {graph.AttrARN, "arn"}}
	idARNName = []AttributeMapping{{graph.AttrID, "id"}, {graph.AttrARN, "arn"}, {graph.AttrName, "name"}}
)

// mappings is the table behind Mapping. The Tags column was read from the
// hashicorp/aws 6.25 schema (resource_schemas.<type>.block.attributes.tags)
// and is checked by the tests against the same schema, embedded in package
// schemas, as are every argument and attribute name.
var mappings = []TypeMapping{
	{
		Kind:       graph.KindVPC,
		Type:       "aws_vpc",
		Properties: []string{"cidr_block", "enable_dns_support", "enable_dns_hostnames"},
		Attributes: append(idAndARN[:len(idAndARN):len(idAndARN)], AttributeMapping{graph.AttrDefaultSecurityGroup, "default_security_group_id"}),
		Tags:       true,
	},
	{
		Kind:       graph.KindSubnet,
		Type:       "aws_subnet",
		Properties: []string{"vpc_id", "cidr_block", "availability_zone", "map_public_ip_on_launch"},
		Attributes: idAndARN,
		Tags:       true,
	},
	{
		// Terraform attaches the gateway through vpc_id; CloudFormation
		// needs a separate attachment resource.
		Kind:       graph.KindInternetGateway,
		Type:       "aws_internet_gateway",
		Properties: []string{"vpc_id"},
		Attributes: idAndARN,
		Tags:       true,
	},
	{
		// aws_eip.id is the allocation ID for VPC addresses, which is what
		// AttrID means for this kind; allocation_id is the same value.
		Kind:       graph.KindElasticIP,
		Type:       "aws_eip",
		Properties: []string{"domain"},
		Attributes: idAndARN,
		Tags:       true,
	},
	{
		Kind:       graph.KindNATGateway,
		Type:       "aws_nat_gateway",
		Properties: []string{"allocation_id", "subnet_id"},
		Attributes: idOnly,
		Tags:       true,
	},
	{
		Kind:       graph.KindRouteTable,
		Type:       "aws_route_table",
		Properties: []string{"vpc_id"},
		Attributes: idAndARN,
		Tags:       true,
	},
	{
		// Routes are separate resources rather than inline route blocks:
		// mixing the two styles makes Terraform fight itself.
		Kind:       graph.KindRoute,
		Type:       "aws_route",
		Properties: []string{"route_table_id", "destination_cidr_block", "gateway_id", "nat_gateway_id"},
		Attributes: idOnly,
	},
	{
		Kind:       graph.KindRouteTableAssociation,
		Type:       "aws_route_table_association",
		Properties: []string{"subnet_id", "route_table_id"},
		Attributes: idOnly,
	},
	{
		// aws_vpc_endpoint serves all endpoint types and defaults to
		// Gateway, but saying so keeps the code honest for readers.
		Kind:       graph.KindVPCGatewayEndpoint,
		Type:       "aws_vpc_endpoint",
		Properties: []string{"vpc_id", "service_name", "route_table_ids"},
		Implied:    []graph.Property{{Name: "vpc_endpoint_type", Value: graph.String("Gateway")}},
		Attributes: idAndARN,
		Tags:       true,
	},
	{
		// The resource adopts the VPC's default group instead of creating
		// one; declaring no ingress or egress rules is what empties it.
		Kind:       graph.KindDefaultSecurityGroup,
		Type:       "aws_default_security_group",
		Properties: []string{"vpc_id"},
		Attributes: idARNName,
		Tags:       true,
		Note: "No ingress or egress rules: Terraform removes every rule from the VPC's default " +
			"security group, so nothing can rely on it by accident.",
	},
	{
		// A log group's id is its name, as !Ref is in CloudFormation.
		Kind:       graph.KindLogGroup,
		Type:       "aws_cloudwatch_log_group",
		Properties: []string{"name", "retention_in_days", "kms_key_id"},
		Attributes: idARNName,
		Tags:       true,
	},
	{
		Kind:       graph.KindIAMRole,
		Type:       "aws_iam_role",
		Properties: []string{"assume_role_policy", "description"},
		Attributes: idARNName,
		Tags:       true,
	},
	{
		// Inline policies carry no tags and no ARN of their own.
		Kind:       graph.KindIAMRolePolicy,
		Type:       "aws_iam_role_policy",
		Properties: []string{"role", "name", "policy"},
		Attributes: []AttributeMapping{{graph.AttrID, "id"}, {graph.AttrName, "name"}},
	},
	{
		Kind: graph.KindFlowLog,
		Type: "aws_flow_log",
		Properties: []string{
			"vpc_id", "traffic_type", "log_destination_type", "log_destination",
			"iam_role_arn", "max_aggregation_interval",
		},
		Attributes: idAndARN,
		Tags:       true,
	},
	{
		// aws_kms_key.id is the key ID as well, but key_id says so. A
		// policy replaces the default key policy entirely, which is why
		// blueprints grant the account itself kms:* in it.
		Kind:       graph.KindKMSKey,
		Type:       "aws_kms_key",
		Properties: []string{"description", "enable_key_rotation", "deletion_window_in_days", "policy"},
		Attributes: []AttributeMapping{{graph.AttrID, "key_id"}, {graph.AttrARN, "arn"}},
		Tags:       true,
	},
	{
		// A topic's id is its ARN. Only AttrARN is offered for it, so that a
		// Ref says which value it means, as it must in CloudFormation, where
		// !Ref returns the ARN.
		Kind: graph.KindSNSTopic,
		Type: "aws_sns_topic",
		Properties: []string{
			"name", "fifo_topic", "content_based_deduplication", "kms_master_key_id",
		},
		Attributes: []AttributeMapping{{graph.AttrARN, "arn"}, {graph.AttrName, "name"}},
		Tags:       true,
	},
	{
		// The topic's own policy argument is never set: two resources
		// owning one policy would undo each other on every apply. Nothing
		// reads a topic policy, so it exposes no attributes.
		Kind:       graph.KindSNSTopicPolicy,
		Type:       "aws_sns_topic_policy",
		Properties: []string{"arn", "policy"},
	},
	{
		// Nothing reads a subscription, and the CloudFormation mapping
		// offers no attributes for it, so neither does this one: a Ref
		// that works in one format must work in the other.
		Kind: graph.KindSNSSubscription,
		Type: "aws_sns_topic_subscription",
		Properties: []string{
			"topic_arn", "protocol", "endpoint", "raw_message_delivery", "filter_policy", "filter_policy_scope",
		},
	},
	{
		// A queue's id is its URL, not an ID, so AttrID is not offered:
		// policies need the URL and everything else the ARN, and a Ref
		// must say which.
		Kind: graph.KindSQSQueue,
		Type: "aws_sqs_queue",
		Properties: []string{
			"name", "fifo_queue", "content_based_deduplication", "visibility_timeout_seconds",
			"message_retention_seconds", "receive_wait_time_seconds", "sqs_managed_sse_enabled",
			"kms_master_key_id", "kms_data_key_reuse_period_seconds", "redrive_policy",
		},
		Attributes: []AttributeMapping{{graph.AttrARN, "arn"}, {graph.AttrURL, "url"}, {graph.AttrName, "name"}},
		Tags:       true,
	},
	{
		// As for topics, the queue's own policy argument is never set.
		Kind:       graph.KindSQSQueuePolicy,
		Type:       "aws_sqs_queue_policy",
		Properties: []string{"queue_url", "policy"},
	},
	{
		// dimensions is a map(string) argument, so the model's Object
		// renders as an HCL object; CloudFormation needs Name/Value pairs.
		// Like subscriptions, alarms expose no attributes in either format.
		Kind: graph.KindMetricAlarm,
		Type: "aws_cloudwatch_metric_alarm",
		Properties: []string{
			"alarm_name", "alarm_description", "namespace", "metric_name", "statistic",
			"comparison_operator", "treat_missing_data", "period", "evaluation_periods", "threshold",
			"dimensions", "alarm_actions", "ok_actions",
		},
		Tags: true,
	},
}
