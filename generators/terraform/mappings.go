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
	// Blocks are the argument paths, dotted from the resource body
	// ("mixed_instances_policy.launch_template.override"), that the provider
	// schema declares as nested blocks rather than attributes. A Struct at
	// such a path renders as a block and a List of Structs as repeated
	// blocks; a Struct anywhere else is an object attribute. The paths are
	// data, checked against the schema by the tests, so the generator never
	// reads the schema at run time. Every prefix of a path is listed too.
	Blocks []string
	// IgnoreChanges lists arguments that something other than Terraform
	// changes at run time once the resource exists, written as
	// lifecycle { ignore_changes = [...] } so an apply does not undo it.
	IgnoreChanges []string
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
	// FinalSnapshot, when set, says how the kind keeps a final snapshot,
	// which is how Terraform expresses a component's Retain. Such a kind
	// requires Retain: its provider's default (take a snapshot, but
	// refuse to destroy without its name) suits no one.
	FinalSnapshot *FinalSnapshot
}

// FinalSnapshot names the arguments with which a resource keeps, or
// skips, a snapshot of its data when it is destroyed.
type FinalSnapshot struct {
	// Skip is the Bool argument that turns the snapshot off
	// ("skip_final_snapshot").
	Skip string
	// Identifier is the argument naming the snapshot
	// ("final_snapshot_identifier"), which the provider requires unless
	// Skip is true.
	Identifier string
	// From is the model property whose value, followed by Suffix, names
	// the snapshot: a DB instance's snapshot is named after its
	// identifier.
	From   string
	Suffix string
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
	// Attribute is the Terraform attribute ("arn"). It may be a dotted
	// path into a computed list of objects, with item indexes as numbers:
	// "master_user_secret.0.secret_arn" is written
	// master_user_secret[0].secret_arn.
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

// IsBlock reports whether the argument at a dotted path is a nested block.
func (m *TypeMapping) IsBlock(path string) bool {
	return slices.Contains(m.Blocks, path)
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
	m.Blocks = slices.Clone(m.Blocks)
	m.Attributes = slices.Clone(m.Attributes)
	if m.FinalSnapshot != nil {
		snapshot := *m.FinalSnapshot
		m.FinalSnapshot = &snapshot
	}
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
	{
		// The model says a group starts with no rules; in Terraform that
		// holds without extra code, and the Note tells readers why.
		Kind:       graph.KindSecurityGroup,
		Type:       "aws_security_group",
		Properties: []string{"name", "description", "vpc_id"},
		Attributes: idOnly,
		Tags:       true,
		Note: "Rules are separate resources. The provider removes the allow-all egress " +
			"rule AWS adds to a new group, so only those rules apply.",
	},
	{
		// The per-rule resources, rather than aws_security_group_rule or
		// inline blocks, are what the provider recommends: each rule has
		// its own ID, tags and description, and rules never fight over
		// one set. Nothing reads a rule, so they expose no attributes.
		Kind: graph.KindSecurityGroupIngress,
		Type: "aws_vpc_security_group_ingress_rule",
		Properties: []string{
			"security_group_id", "ip_protocol", "from_port", "to_port", "cidr_ipv4",
			"referenced_security_group_id", "description",
		},
		Tags: true,
	},
	{
		Kind: graph.KindSecurityGroupEgress,
		Type: "aws_vpc_security_group_egress_rule",
		Properties: []string{
			"security_group_id", "ip_protocol", "from_port", "to_port", "cidr_ipv4",
			"referenced_security_group_id", "description",
		},
		Tags: true,
	},
	{
		Kind:       graph.KindIAMInstanceProfile,
		Type:       "aws_iam_instance_profile",
		Properties: []string{"name", "role"},
		Attributes: []AttributeMapping{{graph.AttrARN, "arn"}, {graph.AttrName, "name"}},
		Tags:       true,
	},
	{
		// Exclusive ownership of a role's managed policies would need
		// aws_iam_role_policy_attachments_exclusive; one attachment per
		// policy is the common, additive form.
		Kind:       graph.KindIAMRolePolicyAttachment,
		Type:       "aws_iam_role_policy_attachment",
		Properties: []string{"role", "policy_arn"},
	},
	{
		// Everything but the template's name is launch data; the provider
		// flattens it into the resource, where CloudFormation nests it.
		Kind: graph.KindLaunchTemplate,
		Type: "aws_launch_template",
		Properties: []string{
			"name", "description", "image_id", "instance_type", "user_data", "vpc_security_group_ids",
			"update_default_version", "metadata_options", "block_device_mappings", "iam_instance_profile",
			"monitoring", "tag_specifications",
		},
		Blocks: []string{
			"metadata_options", "block_device_mappings", "block_device_mappings.ebs", "iam_instance_profile",
			"monitoring", "tag_specifications",
		},
		Attributes: []AttributeMapping{{graph.AttrID, "id"}, {graph.AttrLatestVersion, "latest_version"}},
		Tags:       true,
	},
	{
		// An Auto Scaling group has no tags argument, only repeated tag
		// blocks that the provider's default_tags does not reach, so Tags is
		// false and a Name on this kind is an error. Instances get their
		// tags from the launch template's tag_specifications instead. Only
		// the name is offered: it is the resource's id and CloudFormation's
		// Ref, so AttrID would be a second spelling of the same value.
		Kind: graph.KindAutoScalingGroup,
		Type: "aws_autoscaling_group",
		Properties: []string{
			"name", "min_size", "max_size", "desired_capacity", "vpc_zone_identifier", "target_group_arns",
			"health_check_type", "health_check_grace_period", "capacity_rebalance", "default_instance_warmup",
			"mixed_instances_policy",
		},
		Blocks: []string{
			"mixed_instances_policy", "mixed_instances_policy.launch_template",
			"mixed_instances_policy.launch_template.launch_template_specification",
			"mixed_instances_policy.launch_template.override", "mixed_instances_policy.instances_distribution",
		},
		// Scaling policies and schedules move desired_capacity; without
		// this every apply would reset the group to its launch size.
		IgnoreChanges: []string{"desired_capacity"},
		Attributes:    []AttributeMapping{{graph.AttrName, "name"}},
	},
	{
		Kind:       graph.KindAutoScalingPolicy,
		Type:       "aws_autoscaling_policy",
		Properties: []string{"name", "autoscaling_group_name", "policy_type", "target_tracking_configuration"},
		Blocks: []string{
			"target_tracking_configuration", "target_tracking_configuration.predefined_metric_specification",
		},
	},
	{
		Kind: graph.KindAutoScalingSchedule,
		Type: "aws_autoscaling_schedule",
		Properties: []string{
			"scheduled_action_name", "autoscaling_group_name", "recurrence", "time_zone", "min_size",
			"max_size", "desired_capacity",
		},
	},
	{
		// aws_lb serves application and network load balancers alike; the
		// model says which with load_balancer_type.
		Kind: graph.KindLoadBalancer,
		Type: "aws_lb",
		Properties: []string{
			"name", "internal", "load_balancer_type", "security_groups", "subnets", "drop_invalid_header_fields",
		},
		Attributes: []AttributeMapping{{graph.AttrARN, "arn"}, {graph.AttrDNSName, "dns_name"}, {graph.AttrZoneID, "zone_id"}},
		Tags:       true,
	},
	{
		Kind: graph.KindLBTargetGroup,
		Type: "aws_lb_target_group",
		Properties: []string{
			"name", "port", "protocol", "vpc_id", "target_type", "deregistration_delay", "health_check",
		},
		Blocks:     []string{"health_check"},
		Attributes: []AttributeMapping{{graph.AttrARN, "arn"}, {graph.AttrName, "name"}},
		Tags:       true,
	},
	{
		// Nothing reads a listener, so, like a subscription, it exposes no
		// attributes in either format.
		Kind: graph.KindLBListener,
		Type: "aws_lb_listener",
		Properties: []string{
			"load_balancer_arn", "port", "protocol", "ssl_policy", "certificate_arn", "default_action",
		},
		Blocks: []string{"default_action", "default_action.redirect"},
		Tags:   true,
	},
	{
		Kind:       graph.KindCodeDeployApp,
		Type:       "aws_codedeploy_app",
		Properties: []string{"name", "compute_platform"},
		Attributes: []AttributeMapping{{graph.AttrName, "name"}},
		Tags:       true,
	},
	{
		// AttrName reads deployment_group_name, not id: the name is what the
		// CLI and pipelines pass to CodeDeploy and what CloudFormation's Ref
		// returns, and the provider's id is not documented as that name.
		Kind: graph.KindCodeDeployDeploymentGroup,
		Type: "aws_codedeploy_deployment_group",
		Properties: []string{
			"app_name", "deployment_group_name", "service_role_arn", "deployment_config_name",
			"autoscaling_groups", "auto_rollback_configuration", "deployment_style", "load_balancer_info",
		},
		Blocks: []string{
			"auto_rollback_configuration", "deployment_style", "load_balancer_info",
			"load_balancer_info.target_group_info",
		},
		Attributes: []AttributeMapping{{graph.AttrName, "deployment_group_name"}},
		Tags:       true,
	},
	{
		// A bucket's id is its name, as !Ref is in CloudFormation, so
		// AttrName reads id too: `bucket` holds the same value, but tools
		// that know only the schema (the offline plan of the checks) see
		// an unset `bucket` as null rather than as a name AWS will pick.
		// Since provider 4 the bucket's settings are resources of their
		// own, the kinds below; the inline arguments that did the same
		// are deprecated and never set here.
		Kind:       graph.KindS3Bucket,
		Type:       "aws_s3_bucket",
		Properties: []string{"bucket", "force_destroy"},
		Attributes: []AttributeMapping{{graph.AttrID, "id"}, {graph.AttrName, "id"}, {graph.AttrARN, "arn"}},
		Tags:       true,
	},
	{
		Kind:       graph.KindS3BucketVersioning,
		Type:       "aws_s3_bucket_versioning",
		Properties: []string{"bucket", "versioning_configuration"},
		Blocks:     []string{"versioning_configuration"},
	},
	{
		Kind:       graph.KindS3BucketEncryption,
		Type:       "aws_s3_bucket_server_side_encryption_configuration",
		Properties: []string{"bucket", "rule"},
		Blocks:     []string{"rule", "rule.apply_server_side_encryption_by_default"},
	},
	{
		Kind: graph.KindS3BucketPublicAccessBlock,
		Type: "aws_s3_bucket_public_access_block",
		Properties: []string{
			"bucket", "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets",
		},
	},
	{
		Kind:       graph.KindS3BucketOwnershipControls,
		Type:       "aws_s3_bucket_ownership_controls",
		Properties: []string{"bucket", "rule"},
		Blocks:     []string{"rule"},
	},
	{
		// As for topics and queues, the bucket's own policy argument is
		// never set, so one resource owns the policy.
		Kind:       graph.KindS3BucketPolicy,
		Type:       "aws_s3_bucket_policy",
		Properties: []string{"bucket", "policy"},
	},
	{
		// A project's id is its ARN; AttrARN and AttrName say which value a
		// Ref means, as CloudFormation (whose Ref is the name) needs.
		Kind: graph.KindCodeBuildProject,
		Type: "aws_codebuild_project",
		Properties: []string{
			"name", "description", "service_role", "build_timeout", "queued_timeout", "encryption_key",
			"source", "artifacts", "environment", "logs_config",
		},
		Blocks: []string{
			"source", "artifacts", "environment", "environment.environment_variable", "logs_config",
			"logs_config.cloudwatch_logs", "logs_config.s3_logs",
		},
		Attributes: []AttributeMapping{{graph.AttrARN, "arn"}, {graph.AttrName, "name"}},
		Tags:       true,
	},
	{
		// A pipeline's id is its name. An action's configuration is a map
		// of strings in the API, so the model's Object renders as an HCL
		// map.
		Kind: graph.KindCodePipeline,
		Type: "aws_codepipeline",
		Properties: []string{
			"name", "pipeline_type", "execution_mode", "role_arn", "artifact_store", "stage",
		},
		Blocks:     []string{"artifact_store", "artifact_store.encryption_key", "stage", "stage.action"},
		Attributes: []AttributeMapping{{graph.AttrID, "id"}, {graph.AttrARN, "arn"}, {graph.AttrName, "name"}},
		Tags:       true,
	},
	{
		// A subnet group's id is its name. AttrName reads id, as for a
		// bucket, because the schema-only checks see an unset name as
		// null where id is computed.
		Kind:       graph.KindDBSubnetGroup,
		Type:       "aws_db_subnet_group",
		Properties: []string{"name", "description", "subnet_ids"},
		Attributes: []AttributeMapping{{graph.AttrName, "id"}, {graph.AttrARN, "arn"}},
		Tags:       true,
	},
	{
		// Since provider 5 a DB instance's id is its resource ID
		// ("db-..."), not its name; AttrID reads identifier, which is
		// what CloudFormation's Ref returns and what a replica in the
		// same region names as its source. The managed secret is the
		// first (and only) item of the computed master_user_secret list.
		Kind: graph.KindDBInstance,
		Type: "aws_db_instance",
		Properties: []string{
			"identifier", "db_name", "engine", "engine_version", "instance_class", "allocated_storage",
			"max_allocated_storage", "storage_type", "storage_encrypted", "kms_key_id", "multi_az",
			"db_subnet_group_name", "vpc_security_group_ids", "username", "password", "password_version",
			"manage_master_user_password",
			"master_user_secret_kms_key_id", "backup_retention_period", "backup_window", "maintenance_window",
			"deletion_protection", "copy_tags_to_snapshot", "auto_minor_version_upgrade", "publicly_accessible",
			"iam_database_authentication_enabled", "enabled_cloudwatch_logs_exports", "performance_insights_enabled",
			"performance_insights_kms_key_id", "performance_insights_retention_period", "replicate_source_db",
		},
		// The password is write-only: Terraform sends it when
		// password_wo_version changes and never stores it.
		Renames: []Rename{{"password", "password_wo"}, {"password_version", "password_wo_version"}},
		Attributes: []AttributeMapping{
			{graph.AttrID, "identifier"}, {graph.AttrARN, "arn"}, {graph.AttrAddress, "address"},
			{graph.AttrSecretARN, "master_user_secret.0.secret_arn"},
		},
		Tags: true,
		FinalSnapshot: &FinalSnapshot{
			Skip: "skip_final_snapshot", Identifier: "final_snapshot_identifier", From: "identifier", Suffix: "-final",
		},
	},
	{
		// S3 accepts a rule set only for a bucket whose versioning is
		// on, which the component's DependsOn on the versioning resource
		// makes sure of. Like the bucket's other settings it exposes no
		// attributes: CloudFormation has no resource for it to read.
		Kind:       graph.KindS3BucketReplication,
		Type:       "aws_s3_bucket_replication_configuration",
		Properties: []string{"bucket", "role", "rule"},
		Blocks: []string{
			"rule", "rule.filter", "rule.delete_marker_replication", "rule.destination",
			"rule.destination.encryption_configuration", "rule.source_selection_criteria",
			"rule.source_selection_criteria.sse_kms_encrypted_objects",
		},
	},
	{
		Kind: graph.KindRoute53HealthCheck,
		Type: "aws_route53_health_check",
		Properties: []string{
			"fqdn", "port", "type", "resource_path", "failure_threshold", "request_interval",
		},
		Attributes: idOnly,
		Tags:       true,
	},
	{
		// A record's id joins its zone, name, type and set identifier;
		// nothing reads it, so, as in CloudFormation, it exposes no
		// attributes.
		Kind: graph.KindRoute53Record,
		Type: "aws_route53_record",
		Properties: []string{
			"zone_id", "name", "type", "ttl", "records", "alias", "set_identifier", "failover_routing_policy",
			"health_check_id",
		},
		Blocks: []string{"alias", "failover_routing_policy"},
	},
	{
		// A secret's ID is its ARN. Each replica block copies it to
		// another region, encrypted with that region's key.
		Kind: graph.KindSecret,
		Type: "aws_secretsmanager_secret",
		Properties: []string{
			"name", "description", "kms_key_id", "replica", "recovery_window_in_days",
		},
		Blocks:     []string{"replica"},
		Attributes: []AttributeMapping{{graph.AttrID, "id"}, {graph.AttrARN, "arn"}},
		Tags:       true,
	},
	{
		// secret_string_wo is write-only: Terraform sends the value when
		// secret_string_wo_version changes, that is once, and never stores
		// it in the plan or the state. Terraform has no counterpart to
		// CloudFormation's AWS::SecretsManager::SecretTargetAttachment, so
		// the secret holds the credentials without the database's host.
		Kind:       graph.KindSecretVersion,
		Type:       "aws_secretsmanager_secret_version",
		Properties: []string{"secret_id", "secret_string"},
		Renames:    []Rename{{"secret_string", "secret_string_wo"}},
		Implied:    []graph.Property{{Name: "secret_string_wo_version", Value: graph.Int(1)}},
	},
}

// Address returns the resource address ("aws_vpc.main") a component
// renders to, which is how other views (the comparison) find its block.
func Address(c *graph.Component) (string, bool) {
	m, ok := MappingFor(c.Kind)
	if !ok {
		return "", false
	}
	return m.Type + "." + resourceName(c), true
}
