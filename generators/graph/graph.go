// Package graph is the provider-neutral architecture model that every
// blueprint builds and every generator renders.
//
// A Graph is one deployable unit (one Terraform root module, one
// CloudFormation stack): parameters, components (AWS resources named by a
// neutral Kind), references between them, outputs and tags. Blueprints never
// print HCL or YAML and generators never know which blueprint built a graph;
// this package is the contract between the two, so it imports only the
// standard library.
//
// Composition works at two levels. A blueprint that contains another (an
// Auto Scaling group inside a VPC) calls the inner blueprint's builder on the
// same Graph, so references cross freely between their components. A
// deployment that spans regions (pilot light) is a Bundle: a set of graphs,
// one per region plus a global one, which the Terraform generator renders as
// local modules behind provider aliases and the CloudFormation generator as
// one template per stack, with outputs of one passed as parameters of the
// next.
package graph

import (
	"errors"
	"fmt"
	"sort"
)

// Graph is one deployable unit of infrastructure.
type Graph struct {
	// Name is the short stack name, used for file names and the default
	// value of the "name" parameter (for example "lab").
	Name string
	// Blueprint names the blueprint that built the graph ("vpc"); it only
	// reaches comments and documentation.
	Blueprint string
	// Description is one sentence on what the unit builds; CloudFormation
	// uses it as the template Description.
	Description string
	// Region is the default deployment region.
	Region string
	// Regions, when set, lists every region the graph can be deployed to
	// (for example those with enough Availability Zones), sorted; the
	// Terraform region variable is validated against it. RegionHelp says
	// in one sentence what the regions have in common.
	Regions    []string
	RegionHelp string
	// Parameters are the inputs the rendered code asks for at deploy time.
	Parameters []Parameter
	// Components are the resources, in a stable order that generators keep.
	Components []Component
	// Outputs are the values exposed after deployment.
	Outputs []Output
	// Tags apply to every component that can carry tags.
	Tags []Tag
	// Docs holds explanatory material for READMEs: tables and notes.
	Docs Docs
	// About is what the blueprint says about itself for `scaffold
	// describe`: purpose, availability, equivalents in other clouds.
	About About
	// App, when set, is the application a CodeDeploy deployment group in
	// the graph installs; the CI/CD generator writes its appspec, hook
	// scripts and buildspec from it.
	App *App
	// RemoteState says that the unit's Terraform state lives in an S3
	// bucket that a pipeline names at init time (terraform init
	// -backend-config=...), rather than in a local file. The Terraform
	// generator writes a partial backend block for it; CloudFormation
	// keeps its own state and ignores it.
	RemoteState bool
	// Pipeline, when set, says that the graph is a deployment pipeline for
	// another unit's code; the CI/CD generator writes the build
	// specifications its CodeBuild projects run and the bootstrap notes.
	Pipeline *Pipeline
}

// About is a blueprint's description of itself, in words for learners.
type About struct {
	// Purpose is a short paragraph: what the architecture is for and
	// when to choose it.
	Purpose string
	// Survives lists the failures the architecture rides out ("one
	// Availability Zone"), Exposed those it does not.
	Survives []string
	Exposed  []string
	// Target is the availability or recovery objective the design aims
	// at, in the notes' terms (nines, RTO/RPO), or empty when none
	// applies.
	Target string
	// Equivalents name the main components' counterparts in other clouds.
	Equivalents []Equivalent
}

// Equivalent is one AWS building block and its closest counterparts.
type Equivalent struct {
	AWS, GCP, Azure string
	// Note is a difference worth knowing, or empty.
	Note string
}

// App describes an application deployed onto the graph's instances.
type App struct {
	// Name labels the application ("web").
	Name string
	// Port is where the web server listens; HealthPath is the path the
	// load balancer and the ValidateService hook check.
	Port       int
	HealthPath string
	// ContentDir is where the application's files are installed.
	ContentDir string
}

// Kind names a resource type without committing to a format, for example
// KindSubnet. Generators map each kind to their own type names.
type Kind string

// Resource kinds known to the generators. A new blueprint adds the kinds it
// needs here and a mapping for each in every generator; a test in each
// generator fails when a kind lacks a mapping.
const (
	// KindVPC: cidr_block (String), enable_dns_support, enable_dns_hostnames (Bool).
	KindVPC Kind = "vpc"
	// KindSubnet: vpc_id (Ref), cidr_block (String), availability_zone (AZ),
	// map_public_ip_on_launch (Bool).
	KindSubnet Kind = "subnet"
	// KindInternetGateway: vpc_id (Ref). CloudFormation needs a gateway plus
	// a separate attachment; DependsOn on this kind means "attached".
	KindInternetGateway Kind = "internet_gateway"
	// KindElasticIP: domain (String "vpc"). AttrID is the allocation ID.
	KindElasticIP Kind = "elastic_ip"
	// KindNATGateway: allocation_id (Ref to an elastic_ip), subnet_id (Ref).
	KindNATGateway Kind = "nat_gateway"
	// KindRouteTable: vpc_id (Ref).
	KindRouteTable Kind = "route_table"
	// KindRoute: route_table_id (Ref), destination_cidr_block (String), and
	// one target: gateway_id (Ref to an internet_gateway) or nat_gateway_id.
	KindRoute Kind = "route"
	// KindRouteTableAssociation: subnet_id (Ref), route_table_id (Ref).
	KindRouteTableAssociation Kind = "route_table_association"
	// KindVPCGatewayEndpoint: vpc_id (Ref), service_name (Join),
	// route_table_ids (List of Ref). Always of endpoint type Gateway.
	KindVPCGatewayEndpoint Kind = "vpc_gateway_endpoint"
	// KindDefaultSecurityGroup: vpc_id (Ref). Takes over the VPC's default
	// security group and removes all its rules. CloudFormation cannot manage
	// the default group; its generator leaves it out and says so.
	KindDefaultSecurityGroup Kind = "default_security_group"
	// KindLogGroup: name (String or Join), retention_in_days (Int or
	// ParamRef), kms_key_id (optional). AttrName is the group name.
	KindLogGroup Kind = "log_group"
	// KindIAMRole: assume_role_policy (Document), optional description.
	// AttrName is the role name, AttrARN its ARN.
	KindIAMRole Kind = "iam_role"
	// KindIAMRolePolicy: role (Ref with AttrName), name (String), policy
	// (Document). An inline policy attached to one role.
	KindIAMRolePolicy Kind = "iam_role_policy"
	// KindFlowLog: vpc_id (Ref), traffic_type (String), log_destination_type
	// (String "cloud-watch-logs"), log_destination (Ref to a log_group ARN),
	// iam_role_arn (Ref to an iam_role ARN), max_aggregation_interval (Int).
	KindFlowLog Kind = "flow_log"

	// KindKMSKey: description (String), enable_key_rotation (Bool),
	// deletion_window_in_days (Int), policy (Document). AttrID is the key
	// ID, AttrARN its ARN.
	KindKMSKey Kind = "kms_key"
	// KindSNSTopic: name (String or Join), fifo_topic (Bool),
	// content_based_deduplication (Bool), kms_master_key_id (String such as
	// "alias/aws/sns", or a Ref to a kms_key ARN). AttrARN is the topic ARN
	// (what CloudFormation's Ref returns), AttrName its name.
	KindSNSTopic Kind = "sns_topic"
	// KindSNSTopicPolicy: arn (Ref to a topic ARN), policy (Document). The
	// policy replaces the topic's default policy.
	KindSNSTopicPolicy Kind = "sns_topic_policy"
	// KindSNSSubscription: topic_arn (Ref), protocol (String "sqs",
	// "email"), endpoint (Ref to a queue ARN, or a String address),
	// raw_message_delivery (Bool), filter_policy (Document),
	// filter_policy_scope (String "MessageAttributes" or "MessageBody").
	KindSNSSubscription Kind = "sns_subscription"
	// KindSQSQueue: name (String or Join), fifo_queue (Bool),
	// content_based_deduplication (Bool), visibility_timeout_seconds,
	// message_retention_seconds, receive_wait_time_seconds (Int),
	// sqs_managed_sse_enabled (Bool) or kms_master_key_id (Ref to a kms_key
	// ARN), kms_data_key_reuse_period_seconds (Int), redrive_policy
	// (Document with deadLetterTargetArn and maxReceiveCount). AttrARN is the
	// queue ARN, AttrURL its URL (CloudFormation's Ref), AttrName its name.
	KindSQSQueue Kind = "sqs_queue"
	// KindSQSQueuePolicy: queue_url (Ref with AttrURL), policy (Document).
	KindSQSQueuePolicy Kind = "sqs_queue_policy"
	// KindMetricAlarm: alarm_name, alarm_description, namespace,
	// metric_name, statistic, comparison_operator, treat_missing_data
	// (String), period, evaluation_periods, threshold (Int), dimensions
	// (Object of dimension name to value), alarm_actions and ok_actions
	// (List of topic ARN Refs). CloudFormation writes dimensions as a list
	// of Name/Value pairs.
	KindMetricAlarm Kind = "metric_alarm"

	// KindSecurityGroup: name, description (String), vpc_id (Ref). Rules
	// are separate components, so both formats start from no rules.
	KindSecurityGroup Kind = "security_group"
	// KindSecurityGroupIngress: security_group_id (Ref), ip_protocol
	// (String "tcp"), from_port, to_port (Int), and one source: cidr_ipv4
	// (String) or referenced_security_group_id (Ref); description.
	KindSecurityGroupIngress Kind = "security_group_ingress"
	// KindSecurityGroupEgress: as KindSecurityGroupIngress, for outbound
	// traffic (referenced_security_group_id is the destination).
	KindSecurityGroupEgress Kind = "security_group_egress"
	// KindIAMInstanceProfile: name (optional), role (Ref with AttrName).
	// AttrARN, AttrName.
	KindIAMInstanceProfile Kind = "iam_instance_profile"
	// KindIAMRolePolicyAttachment: role (Ref with AttrName), policy_arn
	// (String or Join): attaches a managed policy. CloudFormation has no such
	// resource; its generator adds the ARN to the role's ManagedPolicyArns.
	KindIAMRolePolicyAttachment Kind = "iam_role_policy_attachment"
	// KindLaunchTemplate: name, description, image_id (String, e.g.
	// "resolve:ssm:/aws/service/..."), instance_type, user_data (Base64),
	// vpc_security_group_ids (List), update_default_version (Bool),
	// metadata_options (Struct: http_endpoint, http_tokens,
	// http_put_response_hop_limit, instance_metadata_tags),
	// block_device_mappings (List of Struct: device_name, ebs Struct:
	// volume_size, volume_type, encrypted, delete_on_termination),
	// iam_instance_profile (Struct: arn), monitoring (Struct: enabled),
	// tag_specifications (List of Struct: resource_type, tags Object).
	// AttrID, AttrLatestVersion. CloudFormation nests all but name under
	// LaunchTemplateData.
	KindLaunchTemplate Kind = "launch_template"
	// KindAutoScalingGroup: name, min_size, max_size, desired_capacity
	// (Int), vpc_zone_identifier, target_group_arns (List of Ref),
	// health_check_type (String), health_check_grace_period (Int),
	// capacity_rebalance (Bool), default_instance_warmup (Int),
	// mixed_instances_policy (Struct: launch_template Struct
	// {launch_template_specification Struct{launch_template_id, version},
	// override List of Struct{instance_type}}, instances_distribution Struct
	// {on_demand_base_capacity, on_demand_percentage_above_base_capacity,
	// spot_allocation_strategy}). AttrName is the group name (CloudFormation's
	// Ref). Carries no tags: instances are tagged by the launch template.
	KindAutoScalingGroup Kind = "autoscaling_group"
	// KindAutoScalingPolicy: name, autoscaling_group_name (Ref AttrName),
	// policy_type (String), target_tracking_configuration (Struct:
	// predefined_metric_specification Struct{predefined_metric_type},
	// target_value Int). CloudFormation names policies itself and drops name.
	KindAutoScalingPolicy Kind = "autoscaling_policy"
	// KindAutoScalingSchedule: scheduled_action_name, autoscaling_group_name
	// (Ref AttrName), recurrence (cron String), time_zone, min_size,
	// max_size, desired_capacity (Int). CloudFormation drops the name.
	KindAutoScalingSchedule Kind = "autoscaling_schedule"
	// KindLoadBalancer: name, internal (Bool), load_balancer_type (String
	// "application"), security_groups, subnets (List of Ref),
	// drop_invalid_header_fields (Bool). AttrARN (CloudFormation's Ref),
	// AttrDNSName.
	KindLoadBalancer Kind = "load_balancer"
	// KindLBTargetGroup: name, port (Int), protocol (String), vpc_id (Ref),
	// target_type (String), deregistration_delay (Int), health_check
	// (Struct: enabled, path, matcher, interval, timeout, healthy_threshold,
	// unhealthy_threshold). AttrARN (CloudFormation's Ref), AttrName.
	KindLBTargetGroup Kind = "lb_target_group"
	// KindLBListener: load_balancer_arn (Ref), port (Int), protocol,
	// ssl_policy, certificate_arn (String), default_action (List of Struct:
	// type, target_group_arn, redirect Struct{port, protocol, status_code}).
	KindLBListener Kind = "lb_listener"
	// KindCodeDeployApp: name, compute_platform (String "Server").
	// AttrName.
	KindCodeDeployApp Kind = "codedeploy_app"
	// KindCodeDeployDeploymentGroup: app_name (Ref AttrName),
	// deployment_group_name, service_role_arn (Ref), deployment_config_name,
	// autoscaling_groups (List of Ref AttrName), auto_rollback_configuration
	// (Struct: enabled, events List), deployment_style (Struct:
	// deployment_option, deployment_type), load_balancer_info (Struct:
	// target_group_info List of Struct{name}). AttrName.
	KindCodeDeployDeploymentGroup Kind = "codedeploy_deployment_group"

	// KindS3Bucket: bucket (String or Join; AWS picks a unique name when
	// absent), force_destroy (Bool: Terraform may delete the bucket with
	// its objects; CloudFormation never does). AttrID and AttrName are the
	// bucket name, AttrARN its ARN. Versioning, encryption, the public
	// access block and ownership controls are kinds of their own, as in
	// provider 6; CloudFormation merges them into the bucket.
	KindS3Bucket Kind = "s3_bucket"
	// KindS3BucketVersioning: bucket (Ref with AttrID), versioning_configuration
	// (Struct: status "Enabled" or "Suspended").
	KindS3BucketVersioning Kind = "s3_bucket_versioning"
	// KindS3BucketEncryption: bucket (Ref with AttrID), rule (Struct:
	// apply_server_side_encryption_by_default Struct{sse_algorithm,
	// kms_master_key_id}, bucket_key_enabled Bool). The default encryption
	// of new objects.
	KindS3BucketEncryption Kind = "s3_bucket_encryption"
	// KindS3BucketPublicAccessBlock: bucket (Ref with AttrID),
	// block_public_acls, block_public_policy, ignore_public_acls,
	// restrict_public_buckets (Bool).
	KindS3BucketPublicAccessBlock Kind = "s3_bucket_public_access_block"
	// KindS3BucketOwnershipControls: bucket (Ref with AttrID), rule (Struct:
	// object_ownership, e.g. "BucketOwnerEnforced", which disables ACLs).
	KindS3BucketOwnershipControls Kind = "s3_bucket_ownership_controls"
	// KindS3BucketPolicy: bucket (Ref with AttrID), policy (Document).
	KindS3BucketPolicy Kind = "s3_bucket_policy"
	// KindCodeBuildProject: name, description (String), service_role (Ref
	// to an iam_role ARN), build_timeout, queued_timeout (Int minutes),
	// encryption_key (Ref to a kms_key ARN), source (Struct: type,
	// buildspec), artifacts (Struct: type), environment (Struct:
	// compute_type, image, type, image_pull_credentials_type,
	// environment_variable List of Struct{name, value, type}), logs_config
	// (Struct: cloudwatch_logs Struct{status, group_name}, s3_logs
	// Struct{status}). AttrARN, AttrName.
	KindCodeBuildProject Kind = "codebuild_project"
	// KindCodePipeline: name, pipeline_type, execution_mode (String),
	// role_arn (Ref), artifact_store (Struct: location, type,
	// encryption_key Struct{id, type}), stage (List of Struct: name, action
	// List of Struct{name, category, owner, provider, version, run_order,
	// configuration Object of String, input_artifacts and output_artifacts
	// List of String}). AttrARN, AttrName.
	KindCodePipeline Kind = "codepipeline"

	// KindDBSubnetGroup: name, description (String), subnet_ids (List of
	// Ref). The subnets, in at least two Availability Zones, that a DB
	// instance may use. AttrName is the group's name (CloudFormation's
	// Ref, lowercased by RDS), AttrARN its ARN.
	KindDBSubnetGroup Kind = "db_subnet_group"
	// KindDBInstance: identifier (String or Join; RDS lowercases it),
	// db_name, engine ("postgres" or "mysql"), engine_version (a full
	// version such as "17.6": cfn-lint 1.51 flags a bare "17" as
	// deprecated, W3691), instance_class (String "db.t4g.micro"),
	// allocated_storage, max_allocated_storage (Int GB), storage_type
	// (String "gp3"),
	// storage_encrypted (Bool), kms_key_id (Ref to a kms_key ARN), multi_az
	// (Bool), db_subnet_group_name (Ref AttrName), vpc_security_group_ids
	// (List of Ref), username (String, or SecretValue), password
	// (SecretValue of a secret_version: Terraform's write-only password_wo,
	// CloudFormation's MasterUserPassword as a dynamic reference) with
	// password_version (Int: Terraform sends the password only when it
	// changes; CloudFormation drops it), manage_master_user_password (Bool:
	// RDS keeps the password in a Secrets Manager secret, which rules out
	// read replicas of the instance),
	// master_user_secret_kms_key_id (Ref to a kms_key ARN),
	// backup_retention_period (Int days), backup_window (String
	// "hh24:mi-hh24:mi" UTC), maintenance_window (String
	// "ddd:hh24:mi-ddd:hh24:mi" UTC, not overlapping the backup window),
	// deletion_protection, copy_tags_to_snapshot, auto_minor_version_upgrade,
	// publicly_accessible, iam_database_authentication_enabled (Bool),
	// enabled_cloudwatch_logs_exports (List of String),
	// performance_insights_enabled (Bool), performance_insights_kms_key_id
	// (Ref to a kms_key ARN; without one, tfsec reports a HIGH finding),
	// performance_insights_retention_period (Int days, 7 is free),
	// replicate_source_db (the source instance's ARN: String, Join or
	// ParamRef when it lives in another stack).
	//
	// A component must set Retain: RetainSnapshot for a database whose data
	// matters, RetainNothing for a read replica (RDS takes no final
	// snapshot of a replica). Terraform renders it as the final snapshot
	// arguments, CloudFormation as DeletionPolicy and UpdateReplacePolicy.
	//
	// A read replica sets replicate_source_db and leaves out what it
	// inherits from its source or what RDS refuses for a replica: engine,
	// engine_version, db_name, username, manage_master_user_password,
	// master_user_secret_kms_key_id, allocated_storage and backup_window.
	// A cross-region replica of an encrypted source names a kms_key_id of
	// its own region and its own db_subnet_group_name; it may set
	// storage_encrypted (true, which it is anyway: tfsec asks for it in
	// Terraform, and CloudFormation, which rejects it beside
	// SourceDBInstanceIdentifier, drops it), multi_az,
	// backup_retention_period (backups of the replica, and of the database
	// it becomes when promoted), maintenance_window, deletion_protection
	// and the remaining flags.
	//
	// AttrID is the identifier (CloudFormation's Ref), AttrARN the ARN,
	// AttrAddress the endpoint's host name, AttrSecretARN the ARN of the
	// secret RDS manages for the master password.
	KindDBInstance Kind = "db_instance"
	// KindS3BucketReplication: bucket (Ref with AttrID, the source bucket,
	// which must have versioning enabled: DependsOn its
	// s3_bucket_versioning), role (Ref to an iam_role ARN), rule (List of
	// Struct: id, status "Enabled", priority Int, filter Struct{prefix},
	// delete_marker_replication Struct{status}, destination Struct{bucket
	// (the destination bucket's ARN: String, Join or ParamRef),
	// storage_class, encryption_configuration Struct{replica_kms_key_id}},
	// source_selection_criteria Struct{sse_kms_encrypted_objects
	// Struct{status}}). CloudFormation merges it into the source bucket's
	// ReplicationConfiguration.
	KindS3BucketReplication Kind = "s3_bucket_replication"
	// KindRoute53HealthCheck: fqdn (String, ParamRef, or a Ref to a
	// load_balancer's AttrDNSName), port (Int), type ("HTTP" or "HTTPS"),
	// resource_path (String), failure_threshold, request_interval (Int, 30
	// or 10 seconds). AttrID is the health check's ID. CloudFormation nests
	// the settings under HealthCheckConfig and tags it through
	// HealthCheckTags.
	KindRoute53HealthCheck Kind = "route53_health_check"
	// KindRoute53Record: zone_id (String or ParamRef), name, type (String
	// "A"), ttl (Int) with records (List of String), or alias (Struct:
	// name, zone_id (String, ParamRef, or Ref to a load_balancer's
	// AttrDNSName and AttrZoneID), evaluate_target_health Bool),
	// set_identifier (String), failover_routing_policy (Struct: type
	// "PRIMARY" or "SECONDARY"), health_check_id (Ref to a
	// route53_health_check). Records carry no tags and expose no attributes.
	KindRoute53Record Kind = "route53_record"
	// KindSecret: name, description (String), kms_key_id (Ref to a kms_key
	// ARN), replica (List of Struct: region String, kms_key_id String or
	// ParamRef, a key of that region): a Secrets Manager secret, replicated
	// to the listed regions, whose value a secret_version sets.
	// recovery_window_in_days (Int) is Terraform's; CloudFormation deletes
	// with Secrets Manager's default window and drops it. AttrID and
	// AttrARN are the secret's ARN (CloudFormation's Ref).
	KindSecret Kind = "secret"
	// KindSecretVersion: secret_id (Ref to a secret), secret_string
	// (GeneratedSecret). Terraform writes it to the write-only
	// secret_string_wo, so the value never reaches the state;
	// CloudFormation merges it into the secret's GenerateSecretString.
	// Other components read its keys with SecretValue.
	KindSecretVersion Kind = "secret_version"
)

// AllKinds lists every kind, in declaration order, so generators can test
// that each has a mapping.
func AllKinds() []Kind {
	return []Kind{
		KindVPC, KindSubnet, KindInternetGateway, KindElasticIP, KindNATGateway, KindRouteTable, KindRoute,
		KindRouteTableAssociation, KindVPCGatewayEndpoint, KindDefaultSecurityGroup, KindLogGroup, KindIAMRole,
		KindIAMRolePolicy, KindFlowLog, KindKMSKey, KindSNSTopic, KindSNSTopicPolicy, KindSNSSubscription,
		KindSQSQueue, KindSQSQueuePolicy, KindMetricAlarm, KindSecurityGroup, KindSecurityGroupIngress,
		KindSecurityGroupEgress, KindIAMInstanceProfile, KindIAMRolePolicyAttachment, KindLaunchTemplate,
		KindAutoScalingGroup, KindAutoScalingPolicy, KindAutoScalingSchedule, KindLoadBalancer, KindLBTargetGroup,
		KindLBListener, KindCodeDeployApp, KindCodeDeployDeploymentGroup, KindS3Bucket, KindS3BucketVersioning,
		KindS3BucketEncryption, KindS3BucketPublicAccessBlock, KindS3BucketOwnershipControls, KindS3BucketPolicy,
		KindCodeBuildProject, KindCodePipeline, KindDBSubnetGroup, KindDBInstance, KindS3BucketReplication,
		KindRoute53HealthCheck, KindRoute53Record, KindSecret, KindSecretVersion,
	}
}

// Component is one resource of the architecture.
//
// Property names are the snake_case names of the AWS API fields as the
// Terraform provider spells them (cidr_block, vpc_id); each generator owns
// the mapping from these names to its own. The properties each kind accepts
// are documented next to the kind's mapping in the generators.
type Component struct {
	// ID is unique within the graph, snake_case ("public_subnet_a"). It
	// becomes the Terraform resource name and, in PascalCase, the
	// CloudFormation logical ID, which is what aligns the two formats.
	ID string
	// Kind is the neutral resource type.
	Kind Kind
	// Label is a short human description ("public subnet, AZ a").
	Label string
	// Group collects components that play one role ("public subnets"); docs
	// and the comparison view use it.
	Group string
	// Why says in one sentence why the component exists, for learners
	// reading `scaffold describe`; it never reaches the rendered code.
	Why string
	// Properties are the resource's arguments, in render order.
	Properties []Property
	// Name, when set, becomes the resource's Name tag.
	Name Value
	// DependsOn lists component IDs that must exist first although no
	// property references them.
	DependsOn []string
	// Waivers are deliberate exceptions to security scanners' rules, each
	// with the reason a reader of the generated code will see next to it.
	Waivers []Waiver
	// Retain says what is kept of a stateful resource's data when the
	// component is deleted, or replaced by an update. Kinds that hold
	// data and whose formats disagree on the default (a DB instance:
	// CloudFormation snapshots it, the Terraform provider refuses to
	// destroy it without a snapshot name) must set it; others leave it
	// empty.
	Retain Retention
}

// Retention is what deleting a component keeps of its data.
type Retention string

// Retentions.
const (
	// RetainSnapshot takes a final snapshot before the resource goes:
	// DeletionPolicy and UpdateReplacePolicy Snapshot in CloudFormation,
	// the kind's final snapshot arguments in Terraform.
	RetainSnapshot Retention = "snapshot"
	// RetainNothing deletes the data with the resource, and says so in
	// both formats rather than relying on their different defaults.
	RetainNothing Retention = "nothing"
)

// Rule names a security-scanner check without tying the model to one
// scanner; each generator maps it to its tools' check IDs per kind.
type Rule string

// Rules that blueprints may waive.
const (
	// RuleCustomerManagedKey: encryption at rest should use a
	// customer-managed KMS key rather than an AWS-managed one.
	RuleCustomerManagedKey Rule = "customer-managed-key"
	// RulePublicLoadBalancer: load balancers should not face the internet.
	RulePublicLoadBalancer Rule = "public-load-balancer"
	// RulePlainHTTP: listeners should use HTTPS.
	RulePlainHTTP Rule = "plain-http"
	// RulePublicIngress: security groups should not admit 0.0.0.0/0.
	RulePublicIngress Rule = "public-ingress"
	// RulePublicEgress: security groups should not allow egress to
	// 0.0.0.0/0.
	RulePublicEgress Rule = "public-egress"
	// RulePerformanceInsights: database instances should record
	// performance data with Performance Insights. Read replicas that only
	// wait for a failover may do without.
	RulePerformanceInsights Rule = "performance-insights"
	// RuleBroadDeployPermissions: IAM policies should not grant whole
	// services (ec2:*) or act on every resource. A role that deploys a
	// stack has to create, change and delete every resource type in it,
	// whose names and ARNs do not exist before the first deploy.
	RuleBroadDeployPermissions Rule = "broad-deploy-permissions"
)

// Waiver is one deliberate exception, documented where it applies.
type Waiver struct {
	Rule   Rule
	Reason string
}

// Property is one named argument of a component.
type Property struct {
	Name  string
	Value Value
}

// Tag is one key/value tag applied to resources.
type Tag struct {
	Key   string
	Value string
	// Param, when set, names a parameter whose deploy-time value is the
	// tag's value, and Value is ignored: one template then serves every
	// deployment that differs only in that value (a student's name in a
	// lab). Terraform can only render such a tag on each resource, which
	// is why its root-module generator refuses it and its module mode
	// accepts it.
	Param string
}

// Output is a value published after deployment.
type Output struct {
	// Name is snake_case ("vpc_id"); CloudFormation uses its PascalCase.
	Name        string
	Description string
	// Value is usually a Ref, or a List of Refs for one-per-AZ values.
	Value Value
}

// ParamType is the type of a deploy-time parameter.
type ParamType string

// Parameter types.
const (
	ParamString ParamType = "string"
	ParamNumber ParamType = "number"
)

// Parameter is an input of the rendered code: a Terraform variable and a
// CloudFormation parameter, with the same constraints in both.
type Parameter struct {
	// Name is snake_case ("flow_log_retention_days").
	Name        string
	Type        ParamType
	Description string
	// Default is a String or Int matching Type.
	Default Value
	// AllowedValues restricts the value to a list (strings, or decimal
	// integers for numbers).
	AllowedValues []string
	// Pattern is an anchored regular expression for strings that both RE2
	// (Terraform) and CloudFormation's Java-style patterns accept.
	Pattern string
	// ConstraintHelp says in words what Pattern or the bounds require; it
	// is the error message users see.
	ConstraintHelp string
	// MinLength and MaxLength bound string lengths when non-zero.
	MinLength, MaxLength int
}

// Docs holds explanatory material that belongs with the generated code.
type Docs struct {
	// Tables are rendered in READMEs and dry runs (for example the CIDR
	// plan), in order.
	Tables []Table
	// Notes are short paragraphs: caveats, security choices, costs.
	Notes []Note
}

// Table is a small titled grid of text.
type Table struct {
	Title   string
	Columns []string
	Rows    [][]string
}

// Note is one titled paragraph of documentation.
type Note struct {
	Title string
	Body  string
}

// Component returns the component with the given ID, or nil.
func (g *Graph) Component(id string) *Component {
	for i := range g.Components {
		if g.Components[i].ID == id {
			return &g.Components[i]
		}
	}
	return nil
}

// Parameter returns the parameter with the given name, or nil.
func (g *Graph) Parameter(name string) *Parameter {
	for i := range g.Parameters {
		if g.Parameters[i].Name == name {
			return &g.Parameters[i]
		}
	}
	return nil
}

// Add appends components and returns the graph so builders can chain.
func (g *Graph) Add(components ...Component) *Graph {
	g.Components = append(g.Components, components...)
	return g
}

// Property returns the value of the named property, or nil.
func (c *Component) Property(name string) Value {
	for _, p := range c.Properties {
		if p.Name == name {
			return p.Value
		}
	}
	return nil
}

// Validate checks the graph's internal consistency: unique IDs, references
// and dependencies that point at existing components and parameters, and
// outputs with values. Blueprints call it before returning a graph, so a
// generator can trust what it receives. All problems are reported together.
func (g *Graph) Validate() error {
	var errs []error
	ids := make(map[string]bool, len(g.Components))
	for _, c := range g.Components {
		if c.ID == "" {
			errs = append(errs, fmt.Errorf("component of kind %q has no ID", c.Kind))
			continue
		}
		if ids[c.ID] {
			errs = append(errs, fmt.Errorf("duplicate component ID %q", c.ID))
		}
		ids[c.ID] = true
	}
	params := make(map[string]bool, len(g.Parameters))
	for _, p := range g.Parameters {
		if params[p.Name] {
			errs = append(errs, fmt.Errorf("duplicate parameter %q", p.Name))
		}
		params[p.Name] = true
	}
	check := func(where string, v Value) {
		Walk(v, func(v Value) {
			switch v := v.(type) {
			case Ref:
				if !ids[v.Component] {
					errs = append(errs, fmt.Errorf("%s: reference to unknown component %q", where, v.Component))
				}
			case SecretValue:
				if !ids[v.Secret] {
					errs = append(errs, fmt.Errorf("%s: reference to unknown secret %q", where, v.Secret))
				}
			case ParamRef:
				if !params[v.Name] {
					errs = append(errs, fmt.Errorf("%s: reference to unknown parameter %q", where, v.Name))
				}
			case CIDRSubnet:
				if err := v.Check(); err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", where, err))
				}
			}
		})
	}
	for _, c := range g.Components {
		for _, p := range c.Properties {
			check(fmt.Sprintf("component %q property %q", c.ID, p.Name), p.Value)
		}
		if c.Name != nil {
			check(fmt.Sprintf("component %q name", c.ID), c.Name)
		}
		switch c.Retain {
		case "", RetainSnapshot, RetainNothing:
		default:
			errs = append(errs, fmt.Errorf("component %q: unknown retention %q (want %q or %q)", c.ID, c.Retain, RetainSnapshot, RetainNothing))
		}
		for _, d := range c.DependsOn {
			if !ids[d] {
				errs = append(errs, fmt.Errorf("component %q depends on unknown component %q", c.ID, d))
			}
		}
	}
	for _, t := range g.Tags {
		if t.Param != "" && !params[t.Param] {
			errs = append(errs, fmt.Errorf("tag %q: reference to unknown parameter %q", t.Key, t.Param))
		}
	}
	outputs := make(map[string]bool, len(g.Outputs))
	for _, o := range g.Outputs {
		if outputs[o.Name] {
			errs = append(errs, fmt.Errorf("duplicate output %q", o.Name))
		}
		outputs[o.Name] = true
		if o.Value == nil {
			errs = append(errs, fmt.Errorf("output %q has no value", o.Name))
			continue
		}
		check(fmt.Sprintf("output %q", o.Name), o.Value)
	}
	return errors.Join(errs...)
}

// Kinds returns the distinct kinds used by the graph, sorted.
func (g *Graph) Kinds() []Kind {
	seen := map[Kind]bool{}
	var kinds []Kind
	for _, c := range g.Components {
		if !seen[c.Kind] {
			seen[c.Kind] = true
			kinds = append(kinds, c.Kind)
		}
	}
	sort.Slice(kinds, func(i, j int) bool { return kinds[i] < kinds[j] })
	return kinds
}
