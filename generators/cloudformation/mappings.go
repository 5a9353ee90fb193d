package cloudformation

import (
	"slices"
	"strings"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// TypeMapping says how components of one graph kind become CloudFormation
// resources. The table is data rather than code so that
// `scaffold compare --mapping` can print it next to the Terraform one, and
// so that a test can hold every type, property and attribute name against
// the CloudFormation resource specification.
//
// A kind is expressed in exactly one of three ways: as Resources of its
// own, by MergeInto another component's resource, or not at all
// (Unsupported).
type TypeMapping struct {
	// Kind is the neutral resource kind.
	Kind graph.Kind
	// Resources are the resources one component becomes. The first is the
	// primary resource: its logical ID is the component's, and references
	// to the component read it. Unsupported and merged kinds have none.
	Resources []ResourceMapping
	// Attributes maps the neutral attributes a Ref may read to the way
	// CloudFormation reads them. A Ref to any other attribute is an error.
	Attributes []AttributeMapping
	// DependencySuffix names, by its suffix, the resource that stands for
	// the component when another component depends on it or references
	// it. An internet gateway is usable only once attached, so its
	// dependants wait for "<Id>Attachment" rather than for the gateway.
	DependencySuffix string
	// Omit lists model properties that CloudFormation has no place for and
	// that the generator drops on purpose, each with the reason. Any other
	// unmapped property is still an error.
	Omit []OmittedProperty
	// MergeInto, when set, says the kind has no resource of its own: its
	// values are added to the resource of the component it references. A
	// Terraform policy attachment becomes an entry of the role's
	// ManagedPolicyArns, and a bucket's versioning its
	// VersioningConfiguration.
	MergeInto *Merge
	// Unsupported, when set, says why CloudFormation cannot express the
	// kind. The generator leaves such components out of the template and
	// records them, with Remedy, in the template's Metadata and a comment.
	Unsupported string
	// Remedy lists the shell commands that do by hand what the template
	// cannot. "{vpc}" stands for the logical ID of the component's VPC.
	Remedy []string
	// Snapshot says that the primary resource's type supports
	// DeletionPolicy Snapshot, which is how CloudFormation expresses a
	// component's graph.RetainSnapshot (the resource specification does
	// not say which types do; the DeletionPolicy documentation lists
	// them). Such a kind requires Retain, because CloudFormation's default
	// for it differs from Terraform's.
	Snapshot bool
}

// OmittedProperty is a model property a kind drops in CloudFormation.
type OmittedProperty struct {
	// Name is the model's property name.
	Name string
	// Reason says why nothing is lost, or what CloudFormation does instead.
	Reason string
	// When, if set, names another model property: the property is dropped
	// only from components that set that one too, and is mapped as usual
	// otherwise. A read replica's storage_encrypted is such a case.
	When string
}

// Merge says how a kind without a resource of its own adds its values to
// another component's primary resource.
type Merge struct {
	// Kind is the kind of the component that receives the values.
	Kind graph.Kind
	// Reference is the model property whose Ref names that component; the
	// attribute the Ref reads does not matter.
	Reference string
	// Properties map the kind's other model properties to properties of
	// the receiving resource, with the dotted paths, Struct translation
	// and flattening of ResourceMapping.Properties. A value is placed at
	// its path, which the receiving component and every other merged
	// component must leave alone: two owners of one setting are an error.
	Properties []PropertyMapping
	// Append, when set, makes each value one more item of the list at its
	// path instead, after the items the receiving component sets itself,
	// so that any number of components can contribute (a role's
	// ManagedPolicyArns).
	Append bool
	// ListProperties are paths in the receiving resource that take a list
	// where the merged component holds one value, as in ResourceMapping:
	// a bucket's one ownership rule is the one item of
	// OwnershipControls.Rules.
	ListProperties []string
	// Reason says why the kind has no resource of its own.
	Reason string
}

// ResourceMapping is one CloudFormation resource made from a component.
//
// Property names on both sides may be dotted paths. On the model side a
// path names a key of a Struct value ("health_check.matcher"); items of a
// List of Structs share their list's path ("default_action.redirect"). On
// the CloudFormation side a path names a property inside nested mappings
// ("LaunchTemplateData.ImageId", "Matcher.HttpCode") and is always written
// from the resource's Properties. A Struct key that the table does not
// list keeps its place and becomes the PascalCase of its name, so only the
// exceptions are written down: "override" under a mixed instances policy
// is Overrides. The keys of one item of a repeated block stay inside that
// item.
type ResourceMapping struct {
	// Suffix is appended to the component's logical ID; it is empty for
	// the primary resource.
	Suffix string
	// Type is the CloudFormation resource type ("AWS::EC2::VPC").
	Type string
	// Properties maps the model properties this resource carries. Every
	// top-level property of a component must be mapped by exactly one
	// resource of its kind, or omitted on purpose; anything else is an
	// error, which catches a blueprint typo before CloudFormation would.
	// Two ways of writing a path change the shape of the template:
	//   - a Struct mapped to "" is flattened: each of its keys is mapped
	//     on its own, usually to a property of the resource itself (a
	//     target group's health_check.path is HealthCheckPath);
	//   - a CloudFormation path with several parts nests the value under
	//     a parent, which is created the first time something goes into
	//     it (a launch template's data sits under LaunchTemplateData).
	Properties []PropertyMapping
	// Implied are properties the kind fixes, written first unless the
	// component sets a property with the same CloudFormation name. A
	// gateway endpoint is always of type Gateway, so the model does not
	// carry that.
	Implied []ImpliedProperty
	// ListProperties are CloudFormation properties that take a list where
	// the model holds one value: an inline policy names its one role in
	// AWS::IAM::Policy's Roles list, and a listener's one certificate_arn
	// becomes the one item of Certificates ([{CertificateArn: ...}]).
	ListProperties []string
	// NameValueProperties are CloudFormation properties that take a list
	// of Name/Value pairs where the model holds an Object keyed by name: a
	// metric alarm's dimensions {QueueName: x} become
	// [{Name: QueueName, Value: x}]. The model keeps the Object because
	// that is also the shape of Terraform's map argument, and the keys'
	// order survives into the list.
	NameValueProperties []string
	// KeyValueProperties are the same for lists of Key/Value pairs, the
	// shape of tags inside a launch template's tag specifications.
	KeyValueProperties []string
	// ItemKeys are CloudFormation properties that take a list of
	// one-key mappings where the model holds a list of strings, the
	// shape of Terraform's argument: a pipeline action's input_artifacts
	// ["source"] become InputArtifacts [{Name: source}].
	ItemKeys []ItemKey
	// ValueMaps translate literal model values into the values a
	// CloudFormation property takes where the two differ in kind, not just
	// in spelling: a load balancer's internal flag is its Scheme.
	ValueMaps []ValueMap
	// AttributeKeys are model properties that each become one Key/Value
	// entry of the list property they are mapped to (a load balancer's
	// LoadBalancerAttributes), under the key given here. Several model
	// properties may share one list; the value is written as a string,
	// because that is what the services' attribute APIs take.
	AttributeKeys []AttributeKey
	// PrimaryRef names the property that receives `!Ref` of the primary
	// resource: a secondary resource exists to act on the primary one.
	PrimaryRef string
	// Tags reports whether the resource gets the Name and graph tags in
	// its Tags property. It is true exactly when the resource
	// specification gives the type a Tags property, unless TagsOmitted
	// says why not.
	Tags bool
	// TagsOmitted, when set, says why a type that takes Tags gets none.
	TagsOmitted string
	// TagsProperty names the property that takes the tags when the type
	// calls it something other than Tags, with the same Key/Value items:
	// a Route 53 health check's HealthCheckTags. Tags must be true too.
	TagsProperty string
}

// tagsProperty is the property the resource's tags go in.
func (r *ResourceMapping) tagsProperty() string {
	if r.TagsProperty != "" {
		return r.TagsProperty
	}
	return "Tags"
}

// PropertyMapping is one model property and the CloudFormation property
// that holds it; either may be a dotted path (see ResourceMapping).
type PropertyMapping struct {
	// Name is the model's snake_case property name ("cidr_block").
	Name string
	// Property is the CloudFormation property name ("CidrBlock"), or ""
	// for a Struct whose keys are mapped one by one.
	Property string
}

// Renamed reports whether the CloudFormation name differs from the
// PascalCase of the model name, which is what a mapping table should
// highlight ("log_destination" is LogDestination, but "vpc_id" on a flow
// log is ResourceId). For paths it compares the last parts, so a property
// that only moves under a parent (image_id to LaunchTemplateData.ImageId)
// is not a rename, and a flattened Struct is.
func (p PropertyMapping) Renamed() bool {
	return lastPart(p.Property) != PascalCase(lastPart(p.Name))
}

// ImpliedProperty is a property a kind always carries.
type ImpliedProperty struct {
	// Property is the CloudFormation property name.
	Property string
	// Value is its value, written as a model value so that the table can
	// hold a structure (a security group's placeholder egress rule) as
	// well as a string, and so that it renders like any other value.
	Value graph.Value
}

// ValueMap translates the literal values of one CloudFormation property.
type ValueMap struct {
	// Property is the CloudFormation property path.
	Property string
	// Values lists every model value the property accepts; any other,
	// including a reference, is an error.
	Values []ValueTranslation
}

// ValueTranslation is one model value and what CloudFormation writes.
type ValueTranslation struct {
	// Model is the model literal as text: "true", "80", "internal".
	Model string
	// Value is the CloudFormation value.
	Value string
}

// ItemKey names the one key of the mappings a list property holds.
type ItemKey struct {
	// Property is the CloudFormation property path.
	Property string
	// Key is the key each item is written under ("Name").
	Key string
}

// AttributeKey is one model property that becomes a Key/Value entry of
// an attribute list.
type AttributeKey struct {
	// Name is the model's property name.
	Name string
	// Key is the service's attribute key
	// ("deregistration_delay.timeout_seconds").
	Key string
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

// property finds the resource and CloudFormation path of a top-level
// model property.
func (m *TypeMapping) property(name string) (resource int, property string, ok bool) {
	for i, r := range m.Resources {
		if property, ok := r.property(name); ok {
			return i, property, true
		}
	}
	return 0, "", false
}

// omitted reports whether the kind drops a model property of a component
// on purpose.
func (m *TypeMapping) omitted(c *graph.Component, name string) bool {
	return slices.ContainsFunc(m.Omit, func(o OmittedProperty) bool {
		return o.Name == name && (o.When == "" || c.Property(o.When) != nil)
	})
}

// property finds the CloudFormation path of a model property or path.
func (r *ResourceMapping) property(name string) (string, bool) {
	for _, p := range r.Properties {
		if p.Name == name {
			return p.Property, true
		}
	}
	return "", false
}

// valueMap returns the translations of a CloudFormation property, if any.
func (r *ResourceMapping) valueMap(property string) (ValueMap, bool) {
	for _, v := range r.ValueMaps {
		if v.Property == property {
			return v, true
		}
	}
	return ValueMap{}, false
}

// attributeKey returns the attribute key of a model property, if it has
// one.
func (r *ResourceMapping) attributeKey(name string) (string, bool) {
	for _, a := range r.AttributeKeys {
		if a.Name == name {
			return a.Key, true
		}
	}
	return "", false
}

// itemKey returns the key of the one-key mappings a list property holds,
// or "" when the property is not such a list.
func (r *ResourceMapping) itemKey(property string) string {
	for _, k := range r.ItemKeys {
		if k.Property == property {
			return k.Key
		}
	}
	return ""
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
		r := &m.Resources[i]
		r.Properties = slices.Clone(r.Properties)
		r.Implied = slices.Clone(r.Implied)
		for j := range r.Implied {
			r.Implied[j].Value = cloneValue(r.Implied[j].Value)
		}
		r.ListProperties = slices.Clone(r.ListProperties)
		r.NameValueProperties = slices.Clone(r.NameValueProperties)
		r.KeyValueProperties = slices.Clone(r.KeyValueProperties)
		r.ValueMaps = slices.Clone(r.ValueMaps)
		for j := range r.ValueMaps {
			r.ValueMaps[j].Values = slices.Clone(r.ValueMaps[j].Values)
		}
		r.AttributeKeys = slices.Clone(r.AttributeKeys)
		r.ItemKeys = slices.Clone(r.ItemKeys)
	}
	m.Attributes = slices.Clone(m.Attributes)
	for i := range m.Attributes {
		if m.Attributes[i].ARN != nil {
			format := *m.Attributes[i].ARN
			m.Attributes[i].ARN = &format
		}
	}
	m.Omit = slices.Clone(m.Omit)
	if m.MergeInto != nil {
		merge := *m.MergeInto
		merge.Properties = slices.Clone(merge.Properties)
		merge.ListProperties = slices.Clone(merge.ListProperties)
		m.MergeInto = &merge
	}
	m.Remedy = slices.Clone(m.Remedy)
	return m
}

// cloneValue deep-copies the collections of a model value, so that a
// caller of Mapping cannot reach into the table through an implied value.
func cloneValue(v graph.Value) graph.Value {
	switch v := v.(type) {
	case graph.List:
		out := make(graph.List, len(v))
		for i, item := range v {
			out[i] = cloneValue(item)
		}
		return out
	case graph.Object:
		return graph.Object(cloneFields(v))
	case graph.Struct:
		return graph.Struct(cloneFields(v))
	case graph.Document:
		return graph.Document(cloneFields(v))
	case graph.Join:
		out := make(graph.Join, len(v))
		for i, part := range v {
			out[i] = cloneValue(part)
		}
		return out
	case graph.Base64:
		return graph.Base64{Value: cloneValue(v.Value)}
	case graph.CIDRSubnet:
		v.Block = cloneValue(v.Block)
		return v
	default:
		// Scalars are values, not references.
		return v
	}
}

func cloneFields(fields []graph.Field) []graph.Field {
	out := make([]graph.Field, len(fields))
	for i, f := range fields {
		out[i] = graph.Field{Key: f.Key, Value: cloneValue(f.Value)}
	}
	return out
}

// lastPart is the last part of a dotted path.
func lastPart(path string) string {
	return path[strings.LastIndex(path, ".")+1:]
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
			Implied:    []ImpliedProperty{{"Domain", graph.String("vpc")}},
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
			Implied: []ImpliedProperty{{"VpcEndpointType", graph.String("Gateway")}},
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
			Implied: []ImpliedProperty{{"ResourceType", graph.String("VPC")}},
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
	{
		// Terraform removes the rule AWS gives every new group (all
		// egress allowed); CloudFormation removes it only when the group
		// lists egress rules itself. The implied rule is the placeholder
		// the AWS CDK uses for the same purpose: ICMP type 252, code 86 to
		// 255.255.255.255/32, which matches no traffic. So in both formats
		// the group starts with no effective rule, and the rule components
		// say everything it allows. `!Ref` of a group in a VPC is its ID.
		Kind: graph.KindSecurityGroup,
		Resources: []ResourceMapping{{
			Type: "AWS::EC2::SecurityGroup",
			Properties: []PropertyMapping{
				{"name", "GroupName"},
				{"description", "GroupDescription"},
				{"vpc_id", "VpcId"},
			},
			Implied: []ImpliedProperty{{"SecurityGroupEgress", graph.List{graph.Object{
				{Key: "CidrIp", Value: graph.String("255.255.255.255/32")},
				{Key: "Description", Value: graph.String("Disallow all traffic")},
				{Key: "IpProtocol", Value: graph.String("icmp")},
				{Key: "FromPort", Value: graph.Int(252)},
				{Key: "ToPort", Value: graph.Int(86)},
			}}}},
			Tags: true,
		}},
		Attributes: []AttributeMapping{
			{Attr: graph.AttrID, GetAtt: "GroupId"},
			ec2ARN("security-group/"),
		},
	},
	{
		// The model follows aws_vpc_security_group_ingress_rule: one rule
		// per component, one source each.
		Kind: graph.KindSecurityGroupIngress,
		Resources: []ResourceMapping{{
			Type: "AWS::EC2::SecurityGroupIngress",
			Properties: []PropertyMapping{
				{"security_group_id", "GroupId"},
				{"ip_protocol", "IpProtocol"},
				{"from_port", "FromPort"},
				{"to_port", "ToPort"},
				{"cidr_ipv4", "CidrIp"},
				{"referenced_security_group_id", "SourceSecurityGroupId"},
				{"description", "Description"},
			},
		}},
		Attributes: []AttributeMapping{refID},
	},
	{
		Kind: graph.KindSecurityGroupEgress,
		Resources: []ResourceMapping{{
			Type: "AWS::EC2::SecurityGroupEgress",
			Properties: []PropertyMapping{
				{"security_group_id", "GroupId"},
				{"ip_protocol", "IpProtocol"},
				{"from_port", "FromPort"},
				{"to_port", "ToPort"},
				{"cidr_ipv4", "CidrIp"},
				{"referenced_security_group_id", "DestinationSecurityGroupId"},
				{"description", "Description"},
			},
		}},
		Attributes: []AttributeMapping{refID},
	},
	{
		// An instance profile holds at most one role, which CloudFormation
		// still writes as a list. `!Ref` of a profile is its name.
		Kind: graph.KindIAMInstanceProfile,
		Resources: []ResourceMapping{{
			Type: "AWS::IAM::InstanceProfile",
			Properties: []PropertyMapping{
				{"name", "InstanceProfileName"},
				{"role", "Roles"},
			},
			ListProperties: []string{"Roles"},
		}},
		Attributes: []AttributeMapping{
			refID,
			{Attr: graph.AttrName},
			{Attr: graph.AttrARN, GetAtt: "Arn"},
		},
	},
	{
		// AWS::IAM::ManagedPolicy could attach itself to a role, but only
		// to a policy the stack creates; attaching an AWS-managed policy is
		// done on the role itself.
		Kind: graph.KindIAMRolePolicyAttachment,
		MergeInto: &Merge{
			Kind:       graph.KindIAMRole,
			Reference:  "role",
			Properties: []PropertyMapping{{"policy_arn", "ManagedPolicyArns"}},
			Append:     true,
			Reason: "CloudFormation has no resource that attaches a managed policy to a role; " +
				"the role lists the policy in ManagedPolicyArns instead.",
		},
	},
	{
		// Everything but the name describes the instances and sits under
		// LaunchTemplateData. CloudFormation makes each new version of the
		// data the default version, which is what update_default_version
		// asks Terraform to do, so the flag has nothing to say here.
		Kind: graph.KindLaunchTemplate,
		Resources: []ResourceMapping{{
			Type: "AWS::EC2::LaunchTemplate",
			Properties: []PropertyMapping{
				{"name", "LaunchTemplateName"},
				{"description", "VersionDescription"},
				{"image_id", "LaunchTemplateData.ImageId"},
				{"instance_type", "LaunchTemplateData.InstanceType"},
				{"user_data", "LaunchTemplateData.UserData"},
				{"vpc_security_group_ids", "LaunchTemplateData.SecurityGroupIds"},
				{"metadata_options", "LaunchTemplateData.MetadataOptions"},
				{"block_device_mappings", "LaunchTemplateData.BlockDeviceMappings"},
				{"iam_instance_profile", "LaunchTemplateData.IamInstanceProfile"},
				{"monitoring", "LaunchTemplateData.Monitoring"},
				{"tag_specifications", "LaunchTemplateData.TagSpecifications"},
			},
			KeyValueProperties: []string{"LaunchTemplateData.TagSpecifications.Tags"},
		}},
		Attributes: []AttributeMapping{
			{Attr: graph.AttrID},
			{Attr: graph.AttrLatestVersion, GetAtt: "LatestVersionNumber"},
		},
		Omit: []OmittedProperty{{
			Name:   "update_default_version",
			Reason: "CloudFormation makes every new version of a launch template its default version.",
		}},
	},
	{
		// `!Ref` of a group is its name. Terraform's repeated override
		// block is CloudFormation's Overrides list.
		Kind: graph.KindAutoScalingGroup,
		Resources: []ResourceMapping{{
			Type: "AWS::AutoScaling::AutoScalingGroup",
			Properties: []PropertyMapping{
				{"name", "AutoScalingGroupName"},
				{"min_size", "MinSize"},
				{"max_size", "MaxSize"},
				{"desired_capacity", "DesiredCapacity"},
				{"vpc_zone_identifier", "VPCZoneIdentifier"},
				{"target_group_arns", "TargetGroupARNs"},
				{"health_check_type", "HealthCheckType"},
				{"health_check_grace_period", "HealthCheckGracePeriod"},
				{"capacity_rebalance", "CapacityRebalance"},
				{"default_instance_warmup", "DefaultInstanceWarmup"},
				{"mixed_instances_policy", "MixedInstancesPolicy"},
				{"mixed_instances_policy.launch_template.override", "MixedInstancesPolicy.LaunchTemplate.Overrides"},
			},
			TagsOmitted: "instances are tagged by their launch template's tag specifications, " +
				"and the model's group carries no tags in Terraform either.",
		}},
		Attributes: []AttributeMapping{{Attr: graph.AttrName}},
	},
	{
		// CloudFormation names scaling policies itself. `!Ref` of a
		// policy is its ARN.
		Kind: graph.KindAutoScalingPolicy,
		Resources: []ResourceMapping{{
			Type: "AWS::AutoScaling::ScalingPolicy",
			Properties: []PropertyMapping{
				{"autoscaling_group_name", "AutoScalingGroupName"},
				{"policy_type", "PolicyType"},
				{"target_tracking_configuration", "TargetTrackingConfiguration"},
			},
		}},
		Attributes: []AttributeMapping{{Attr: graph.AttrARN}},
		Omit: []OmittedProperty{{
			Name:   "name",
			Reason: "CloudFormation names scaling policies itself; AWS::AutoScaling::ScalingPolicy has no name property.",
		}},
	},
	{
		Kind: graph.KindAutoScalingSchedule,
		Resources: []ResourceMapping{{
			Type: "AWS::AutoScaling::ScheduledAction",
			Properties: []PropertyMapping{
				{"autoscaling_group_name", "AutoScalingGroupName"},
				{"recurrence", "Recurrence"},
				{"time_zone", "TimeZone"},
				{"min_size", "MinSize"},
				{"max_size", "MaxSize"},
				{"desired_capacity", "DesiredCapacity"},
			},
		}},
		Omit: []OmittedProperty{{
			Name:   "scheduled_action_name",
			Reason: "CloudFormation names scheduled actions itself; AWS::AutoScaling::ScheduledAction has no name property.",
		}},
	},
	{
		// Terraform's internal flag is CloudFormation's Scheme, and its
		// drop_invalid_header_fields argument one of the load balancer's
		// attributes. `!Ref` of a load balancer is its ARN.
		Kind: graph.KindLoadBalancer,
		Resources: []ResourceMapping{{
			Type: "AWS::ElasticLoadBalancingV2::LoadBalancer",
			Properties: []PropertyMapping{
				{"name", "Name"},
				{"internal", "Scheme"},
				{"load_balancer_type", "Type"},
				{"security_groups", "SecurityGroups"},
				{"subnets", "Subnets"},
				{"drop_invalid_header_fields", "LoadBalancerAttributes"},
			},
			ValueMaps: []ValueMap{{Property: "Scheme", Values: []ValueTranslation{
				{Model: "true", Value: "internal"},
				{Model: "false", Value: "internet-facing"},
			}}},
			AttributeKeys: []AttributeKey{{Name: "drop_invalid_header_fields", Key: "routing.http.drop_invalid_header_fields.enabled"}},
			Tags:          true,
		}},
		Attributes: []AttributeMapping{
			{Attr: graph.AttrARN},
			{Attr: graph.AttrID},
			{Attr: graph.AttrDNSName, GetAtt: "DNSName"},
			{Attr: graph.AttrName, GetAtt: "LoadBalancerName"},
			{Attr: graph.AttrZoneID, GetAtt: "CanonicalHostedZoneID"},
		},
	},
	{
		// Terraform's health_check block is a set of HealthCheck*
		// properties of the group itself, and its deregistration delay one
		// of the group's attributes. `!Ref` of a target group is its ARN.
		Kind: graph.KindLBTargetGroup,
		Resources: []ResourceMapping{{
			Type: "AWS::ElasticLoadBalancingV2::TargetGroup",
			Properties: []PropertyMapping{
				{"name", "Name"},
				{"port", "Port"},
				{"protocol", "Protocol"},
				{"vpc_id", "VpcId"},
				{"target_type", "TargetType"},
				{"deregistration_delay", "TargetGroupAttributes"},
				{"health_check", ""},
				{"health_check.enabled", "HealthCheckEnabled"},
				{"health_check.path", "HealthCheckPath"},
				{"health_check.port", "HealthCheckPort"},
				{"health_check.protocol", "HealthCheckProtocol"},
				{"health_check.matcher", "Matcher.HttpCode"},
				{"health_check.interval", "HealthCheckIntervalSeconds"},
				{"health_check.timeout", "HealthCheckTimeoutSeconds"},
				{"health_check.healthy_threshold", "HealthyThresholdCount"},
				{"health_check.unhealthy_threshold", "UnhealthyThresholdCount"},
			},
			AttributeKeys: []AttributeKey{{Name: "deregistration_delay", Key: "deregistration_delay.timeout_seconds"}},
			Tags:          true,
		}},
		Attributes: []AttributeMapping{
			{Attr: graph.AttrARN},
			{Attr: graph.AttrID},
			{Attr: graph.AttrName, GetAtt: "TargetGroupName"},
		},
	},
	{
		// A Terraform listener takes one certificate ARN; CloudFormation
		// takes a list of certificate objects, of which the first is the
		// default one.
		Kind: graph.KindLBListener,
		Resources: []ResourceMapping{{
			Type: "AWS::ElasticLoadBalancingV2::Listener",
			Properties: []PropertyMapping{
				{"load_balancer_arn", "LoadBalancerArn"},
				{"port", "Port"},
				{"protocol", "Protocol"},
				{"ssl_policy", "SslPolicy"},
				{"certificate_arn", "Certificates.CertificateArn"},
				{"default_action", "DefaultActions"},
				{"default_action.redirect", "DefaultActions.RedirectConfig"},
			},
			ListProperties: []string{"Certificates"},
			TagsOmitted: "listener tags are newer than the schema of cfn-lint 1.51, which rejects them (E3002); " +
				"the listener stays untagged until the linters know them.",
		}},
		Attributes: []AttributeMapping{{Attr: graph.AttrARN}, {Attr: graph.AttrID}},
	},
	{
		// `!Ref` of a CodeDeploy application is its name.
		Kind: graph.KindCodeDeployApp,
		Resources: []ResourceMapping{{
			Type: "AWS::CodeDeploy::Application",
			Properties: []PropertyMapping{
				{"name", "ApplicationName"},
				{"compute_platform", "ComputePlatform"},
			},
			Tags: true,
		}},
		Attributes: []AttributeMapping{{Attr: graph.AttrName}},
	},
	{
		// `!Ref` of a deployment group is its name.
		Kind: graph.KindCodeDeployDeploymentGroup,
		Resources: []ResourceMapping{{
			Type: "AWS::CodeDeploy::DeploymentGroup",
			Properties: []PropertyMapping{
				{"app_name", "ApplicationName"},
				{"deployment_group_name", "DeploymentGroupName"},
				{"service_role_arn", "ServiceRoleArn"},
				{"deployment_config_name", "DeploymentConfigName"},
				{"autoscaling_groups", "AutoScalingGroups"},
				{"auto_rollback_configuration", "AutoRollbackConfiguration"},
				{"deployment_style", "DeploymentStyle"},
				{"load_balancer_info", "LoadBalancerInfo"},
				{"load_balancer_info.target_group_info", "LoadBalancerInfo.TargetGroupInfoList"},
			},
			Tags: true,
		}},
		Attributes: []AttributeMapping{{Attr: graph.AttrName}},
	},
	{
		// `!Ref` of a bucket is its name. Versioning, default encryption,
		// the public access block and ownership controls are resources of
		// their own in Terraform and properties of the bucket here; their
		// kinds merge into this resource.
		Kind: graph.KindS3Bucket,
		Resources: []ResourceMapping{{
			Type:       "AWS::S3::Bucket",
			Properties: []PropertyMapping{{"bucket", "BucketName"}},
			Tags:       true,
		}},
		Attributes: []AttributeMapping{refID, {Attr: graph.AttrName}, {Attr: graph.AttrARN, GetAtt: "Arn"}},
		Omit: []OmittedProperty{{
			Name: "force_destroy",
			Reason: "CloudFormation never deletes a bucket that still holds objects; " +
				"empty it (every version) before deleting the stack.",
		}},
	},
	{
		Kind: graph.KindS3BucketVersioning,
		MergeInto: &Merge{
			Kind:       graph.KindS3Bucket,
			Reference:  "bucket",
			Properties: []PropertyMapping{{"versioning_configuration", "VersioningConfiguration"}},
			Reason:     "AWS::S3::Bucket holds its versioning in VersioningConfiguration.",
		},
	},
	{
		// Terraform's rule block is one item of
		// ServerSideEncryptionConfiguration; S3 allows exactly one.
		Kind: graph.KindS3BucketEncryption,
		MergeInto: &Merge{
			Kind:      graph.KindS3Bucket,
			Reference: "bucket",
			Properties: []PropertyMapping{
				{"rule", "BucketEncryption.ServerSideEncryptionConfiguration"},
				{"rule.apply_server_side_encryption_by_default", "BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault"},
				{"rule.apply_server_side_encryption_by_default.sse_algorithm", "BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault.SSEAlgorithm"},
				{"rule.apply_server_side_encryption_by_default.kms_master_key_id", "BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault.KMSMasterKeyID"},
			},
			ListProperties: []string{"BucketEncryption.ServerSideEncryptionConfiguration"},
			Reason:         "AWS::S3::Bucket holds its default encryption in BucketEncryption.",
		},
	},
	{
		Kind: graph.KindS3BucketPublicAccessBlock,
		MergeInto: &Merge{
			Kind:      graph.KindS3Bucket,
			Reference: "bucket",
			Properties: []PropertyMapping{
				{"block_public_acls", "PublicAccessBlockConfiguration.BlockPublicAcls"},
				{"block_public_policy", "PublicAccessBlockConfiguration.BlockPublicPolicy"},
				{"ignore_public_acls", "PublicAccessBlockConfiguration.IgnorePublicAcls"},
				{"restrict_public_buckets", "PublicAccessBlockConfiguration.RestrictPublicBuckets"},
			},
			Reason: "AWS::S3::Bucket holds its public access block in PublicAccessBlockConfiguration.",
		},
	},
	{
		Kind: graph.KindS3BucketOwnershipControls,
		MergeInto: &Merge{
			Kind:           graph.KindS3Bucket,
			Reference:      "bucket",
			Properties:     []PropertyMapping{{"rule", "OwnershipControls.Rules"}},
			ListProperties: []string{"OwnershipControls.Rules"},
			Reason:         "AWS::S3::Bucket holds its ownership controls in OwnershipControls.",
		},
	},
	{
		Kind: graph.KindS3BucketPolicy,
		Resources: []ResourceMapping{{
			Type: "AWS::S3::BucketPolicy",
			Properties: []PropertyMapping{
				{"bucket", "Bucket"},
				{"policy", "PolicyDocument"},
			},
		}},
	},
	{
		// `!Ref` of a project is its name. Terraform's build_timeout is
		// TimeoutInMinutes, and its repeated environment_variable block
		// the EnvironmentVariables list.
		Kind: graph.KindCodeBuildProject,
		Resources: []ResourceMapping{{
			Type: "AWS::CodeBuild::Project",
			Properties: []PropertyMapping{
				{"name", "Name"},
				{"description", "Description"},
				{"service_role", "ServiceRole"},
				{"build_timeout", "TimeoutInMinutes"},
				{"queued_timeout", "QueuedTimeoutInMinutes"},
				{"encryption_key", "EncryptionKey"},
				{"source", "Source"},
				{"source.buildspec", "Source.BuildSpec"},
				{"artifacts", "Artifacts"},
				{"environment", "Environment"},
				{"environment.environment_variable", "Environment.EnvironmentVariables"},
				{"logs_config", "LogsConfig"},
				{"logs_config.cloudwatch_logs", "LogsConfig.CloudWatchLogs"},
			},
			Tags: true,
		}},
		Attributes: []AttributeMapping{
			{Attr: graph.AttrName},
			{Attr: graph.AttrARN, GetAtt: "Arn"},
		},
	},
	{
		// `!Ref` of a pipeline is its name; the ARN is built, as Terraform
		// reports it. An action's category, owner, provider and version
		// sit under ActionTypeId, and its artifacts are lists of {Name}.
		Kind: graph.KindCodePipeline,
		Resources: []ResourceMapping{{
			Type: "AWS::CodePipeline::Pipeline",
			Properties: []PropertyMapping{
				{"name", "Name"},
				{"pipeline_type", "PipelineType"},
				{"execution_mode", "ExecutionMode"},
				{"role_arn", "RoleArn"},
				{"artifact_store", "ArtifactStore"},
				{"stage", "Stages"},
				{"stage.action", "Stages.Actions"},
				{"stage.action.category", "Stages.Actions.ActionTypeId.Category"},
				{"stage.action.owner", "Stages.Actions.ActionTypeId.Owner"},
				{"stage.action.provider", "Stages.Actions.ActionTypeId.Provider"},
				{"stage.action.version", "Stages.Actions.ActionTypeId.Version"},
			},
			ItemKeys: []ItemKey{
				{Property: "Stages.Actions.InputArtifacts", Key: "Name"},
				{Property: "Stages.Actions.OutputArtifacts", Key: "Name"},
			},
			Tags: true,
		}},
		Attributes: []AttributeMapping{
			refID,
			{Attr: graph.AttrName},
			{Attr: graph.AttrARN, ARN: &ARNFormat{Service: "codepipeline"}},
		},
	},
	{
		// `!Ref` of a subnet group is its name, which RDS stores in
		// lowercase.
		Kind: graph.KindDBSubnetGroup,
		Resources: []ResourceMapping{{
			Type: "AWS::RDS::DBSubnetGroup",
			Properties: []PropertyMapping{
				{"name", "DBSubnetGroupName"},
				{"description", "DBSubnetGroupDescription"},
				{"subnet_ids", "SubnetIds"},
			},
			Tags: true,
		}},
		Attributes: []AttributeMapping{{Attr: graph.AttrName}, {Attr: graph.AttrARN, GetAtt: "DBSubnetGroupArn"}},
	},
	{
		// `!Ref` of a DB instance is its identifier. A replica's source is
		// SourceDBInstanceIdentifier; SourceRegion is left out because it
		// only feeds the presigned URL that RDS needs in the GovCloud and
		// China regions, and the source's ARN already names its region.
		// The managed password's key sits under MasterUserSecret, where
		// CloudFormation also reports the secret's ARN.
		Kind: graph.KindDBInstance,
		Resources: []ResourceMapping{{
			Type: "AWS::RDS::DBInstance",
			Properties: []PropertyMapping{
				{"identifier", "DBInstanceIdentifier"},
				{"db_name", "DBName"},
				{"engine", "Engine"},
				{"engine_version", "EngineVersion"},
				{"instance_class", "DBInstanceClass"},
				{"allocated_storage", "AllocatedStorage"},
				{"max_allocated_storage", "MaxAllocatedStorage"},
				{"storage_type", "StorageType"},
				{"storage_encrypted", "StorageEncrypted"},
				{"kms_key_id", "KmsKeyId"},
				{"multi_az", "MultiAZ"},
				{"db_subnet_group_name", "DBSubnetGroupName"},
				{"vpc_security_group_ids", "VPCSecurityGroups"},
				{"username", "MasterUsername"},
				{"password", "MasterUserPassword"},
				{"manage_master_user_password", "ManageMasterUserPassword"},
				{"master_user_secret_kms_key_id", "MasterUserSecret.KmsKeyId"},
				{"backup_retention_period", "BackupRetentionPeriod"},
				{"backup_window", "PreferredBackupWindow"},
				{"maintenance_window", "PreferredMaintenanceWindow"},
				{"deletion_protection", "DeletionProtection"},
				{"copy_tags_to_snapshot", "CopyTagsToSnapshot"},
				{"auto_minor_version_upgrade", "AutoMinorVersionUpgrade"},
				{"publicly_accessible", "PubliclyAccessible"},
				{"iam_database_authentication_enabled", "EnableIAMDatabaseAuthentication"},
				{"enabled_cloudwatch_logs_exports", "EnableCloudwatchLogsExports"},
				{"performance_insights_enabled", "EnablePerformanceInsights"},
				{"performance_insights_kms_key_id", "PerformanceInsightsKMSKeyId"},
				{"performance_insights_retention_period", "PerformanceInsightsRetentionPeriod"},
				{"replicate_source_db", "SourceDBInstanceIdentifier"},
			},
			Tags: true,
		}},
		Omit: []OmittedProperty{{
			Name: "storage_encrypted",
			When: "replicate_source_db",
			Reason: "a read replica is encrypted when its source is, with its own kms_key_id; " +
				"CloudFormation rejects StorageEncrypted beside SourceDBInstanceIdentifier.",
		}, {
			Name: "password_version",
			Reason: "MasterUserPassword is a dynamic reference that CloudFormation resolves on create and on every update " +
				"that changes it; there is no version to bump.",
		}},
		Attributes: []AttributeMapping{
			refID,
			{Attr: graph.AttrARN, GetAtt: "DBInstanceArn"},
			{Attr: graph.AttrAddress, GetAtt: "Endpoint.Address"},
			{Attr: graph.AttrSecretARN, GetAtt: "MasterUserSecret.SecretArn"},
		},
		Snapshot: true,
	},
	{
		// Terraform's repeated rule block is the Rules list of the
		// bucket's ReplicationConfiguration; its keys keep their
		// PascalCase names except the replica key's ID.
		Kind: graph.KindS3BucketReplication,
		MergeInto: &Merge{
			Kind:      graph.KindS3Bucket,
			Reference: "bucket",
			Properties: []PropertyMapping{
				{"role", "ReplicationConfiguration.Role"},
				{"rule", "ReplicationConfiguration.Rules"},
				{"rule.destination.encryption_configuration.replica_kms_key_id", "ReplicationConfiguration.Rules.Destination.EncryptionConfiguration.ReplicaKmsKeyID"},
			},
			Reason: "AWS::S3::Bucket holds its replication rules in ReplicationConfiguration.",
		},
	},
	{
		// Terraform's flat arguments are CloudFormation's
		// HealthCheckConfig, and the tags go in HealthCheckTags. `!Ref`
		// of a health check is its ID.
		Kind: graph.KindRoute53HealthCheck,
		Resources: []ResourceMapping{{
			Type: "AWS::Route53::HealthCheck",
			Properties: []PropertyMapping{
				{"fqdn", "HealthCheckConfig.FullyQualifiedDomainName"},
				{"port", "HealthCheckConfig.Port"},
				{"type", "HealthCheckConfig.Type"},
				{"resource_path", "HealthCheckConfig.ResourcePath"},
				{"failure_threshold", "HealthCheckConfig.FailureThreshold"},
				{"request_interval", "HealthCheckConfig.RequestInterval"},
			},
			Tags:         true,
			TagsProperty: "HealthCheckTags",
		}},
		Attributes: []AttributeMapping{refID},
	},
	{
		// Terraform's failover_routing_policy block is the record's
		// Failover property, and its alias block AliasTarget, whose
		// name is the DNSName and zone_id the HostedZoneId.
		Kind: graph.KindRoute53Record,
		Resources: []ResourceMapping{{
			Type: "AWS::Route53::RecordSet",
			Properties: []PropertyMapping{
				{"zone_id", "HostedZoneId"},
				{"name", "Name"},
				{"type", "Type"},
				{"ttl", "TTL"},
				{"records", "ResourceRecords"},
				{"alias", "AliasTarget"},
				{"alias.name", "AliasTarget.DNSName"},
				{"alias.zone_id", "AliasTarget.HostedZoneId"},
				{"set_identifier", "SetIdentifier"},
				{"failover_routing_policy", ""},
				{"failover_routing_policy.type", "Failover"},
				{"health_check_id", "HealthCheckId"},
			},
		}},
	},
	{
		// A secret's Ref is its ARN. Replicas are ReplicaRegions items,
		// each with the key of its own region.
		Kind: graph.KindSecret,
		Resources: []ResourceMapping{{
			Type: "AWS::SecretsManager::Secret",
			Properties: []PropertyMapping{
				{"name", "Name"},
				{"description", "Description"},
				{"kms_key_id", "KmsKeyId"},
				{"replica", "ReplicaRegions"},
			},
			Tags: true,
		}},
		Omit: []OmittedProperty{{
			Name: "recovery_window_in_days",
			Reason: "AWS::SecretsManager::Secret has no recovery window; deleting the stack schedules the secret's " +
				"deletion with Secrets Manager's default window of 30 days.",
		}},
		Attributes: []AttributeMapping{
			refID, {Attr: graph.AttrARN},
		},
	},
	{
		// CloudFormation generates the secret's value itself, from the
		// secret's GenerateSecretString, so the template never holds it.
		Kind: graph.KindSecretVersion,
		MergeInto: &Merge{
			Kind:       graph.KindSecret,
			Reference:  "secret_id",
			Properties: []PropertyMapping{{"secret_string", "GenerateSecretString"}},
			Reason:     "AWS::SecretsManager::Secret generates its own value from GenerateSecretString.",
		},
	},
}

// LogicalIDs returns the logical IDs of the resources a component renders
// to, primary first. It is empty for merged and unsupported kinds; the
// comparison view then shows the mapping's explanation instead.
func LogicalIDs(c *graph.Component) []string {
	m := lookup(c.Kind)
	if m == nil {
		return nil
	}
	ids := make([]string, 0, len(m.Resources))
	for _, r := range m.Resources {
		ids = append(ids, PascalCase(c.ID)+r.Suffix)
	}
	return ids
}
