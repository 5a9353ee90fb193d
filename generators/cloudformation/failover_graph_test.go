package cloudformation_test

import "github.com/scaffold-iac/scaffold/generators/graph"

// failoverGraph exercises every property of the kinds a pilot light needs:
// an encrypted Multi-AZ database that keeps a final snapshot, a read
// replica of a database in another region (its source's ARN is a
// parameter, as it is when the stacks are separate), S3 replication to a
// bucket in another stack, and DNS failover between this region's load
// balancer, watched by a health check, and another region's, known only by
// parameters. It is a fixture, not an architecture: the pieces of three
// stacks sit in one graph, so that one golden shows them all. The same
// graph, spelled identically, is in the Terraform generator's tests.
func failoverGraph() *graph.Graph {
	name := func(suffix string) graph.Value { return graph.Join{graph.Param("name"), graph.String(suffix)} }
	policy := func(statements ...graph.Value) graph.Document {
		return graph.Document{
			{Key: "Version", Value: graph.String("2012-10-17")},
			{Key: "Statement", Value: graph.List(statements)},
		}
	}
	allow := func(principal graph.Object, actions, resource graph.Value) graph.Object {
		statement := graph.Object{{Key: "Effect", Value: graph.String("Allow")}}
		if principal != nil {
			statement = append(statement, graph.Field{Key: "Principal", Value: principal})
		}
		return append(statement, graph.Field{Key: "Action", Value: actions}, graph.Field{Key: "Resource", Value: resource})
	}
	accountRoot := graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(":iam::"), graph.PseudoAccountID, graph.String(":root")}
	stringParameter := func(name, description string) graph.Parameter {
		return graph.Parameter{Name: name, Type: graph.ParamString, Description: description}
	}

	g := &graph.Graph{
		Name:        "lab",
		Blueprint:   "failover",
		Description: "The database, replication and DNS failover kinds of a pilot light.",
		Region:      "us-west-2",
		Tags:        []graph.Tag{{Key: "Project", Value: "lab"}, {Key: "scaffold:blueprint", Value: "failover"}},
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
			stringParameter("source_db_arn", "ARN of the database in the primary region that the replica copies."),
			stringParameter("replica_bucket_arn", "ARN of the bucket in the recovery region that objects are copied to."),
			stringParameter("replica_key_arn", "ARN of the KMS key in the recovery region that encrypts the copies."),
			stringParameter("hosted_zone_id", "ID of the Route 53 hosted zone that holds the application's name."),
			stringParameter("domain_name", "The application's name in the hosted zone."),
			stringParameter("standby_dns_name", "DNS name of the recovery region's load balancer."),
			stringParameter("standby_zone_id", "Hosted zone ID of the recovery region's load balancer."),
		},
	}

	g.Add(
		graph.Component{
			ID: "vpc", Kind: graph.KindVPC, Label: "VPC",
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
				ID: "public_subnet_" + az, Kind: graph.KindSubnet, Label: "public subnet, AZ " + az,
				Properties: []graph.Property{
					{Name: "vpc_id", Value: graph.RefID("vpc")},
					{Name: "cidr_block", Value: graph.String([]string{"10.0.0.0/20", "10.0.16.0/20"}[i])},
					{Name: "availability_zone", Value: graph.AZ{Index: i}},
				},
				Name: name("-public-" + az),
			},
			graph.Component{
				ID: "database_subnet_" + az, Kind: graph.KindSubnet, Label: "database subnet, AZ " + az,
				Properties: []graph.Property{
					{Name: "vpc_id", Value: graph.RefID("vpc")},
					{Name: "cidr_block", Value: graph.String([]string{"10.0.192.0/21", "10.0.200.0/21"}[i])},
					{Name: "availability_zone", Value: graph.AZ{Index: i}},
				},
				Name: name("-database-" + az),
			},
		)
	}

	g.Add(
		graph.Component{
			ID: "data_key", Kind: graph.KindKMSKey, Label: "key for the database, its secret and the assets",
			Properties: []graph.Property{
				{Name: "description", Value: graph.String("Encrypts the database, its snapshots, its master password and the assets.")},
				{Name: "enable_key_rotation", Value: graph.Bool(true)},
				{Name: "deletion_window_in_days", Value: graph.Int(30)},
				{Name: "policy", Value: policy(allow(graph.Object{{Key: "AWS", Value: accountRoot}}, graph.String("kms:*"), graph.String("*")))},
			},
			Name: name("-data"),
		},
		graph.Component{
			ID: "database_security_group", Kind: graph.KindSecurityGroup, Label: "database security group",
			Properties: []graph.Property{
				{Name: "name", Value: name("-database")},
				{Name: "description", Value: graph.String("PostgreSQL from inside the VPC only.")},
				{Name: "vpc_id", Value: graph.RefID("vpc")},
			},
			Name: name("-database"),
		},
		graph.Component{
			ID: "database_from_vpc", Kind: graph.KindSecurityGroupIngress, Label: "PostgreSQL from the VPC",
			Properties: []graph.Property{
				{Name: "security_group_id", Value: graph.RefID("database_security_group")},
				{Name: "ip_protocol", Value: graph.String("tcp")},
				{Name: "from_port", Value: graph.Int(5432)},
				{Name: "to_port", Value: graph.Int(5432)},
				{Name: "cidr_ipv4", Value: graph.String("10.0.0.0/16")},
				{Name: "description", Value: graph.String("PostgreSQL from the VPC")},
			},
		},
		graph.Component{
			ID: "database_subnets", Kind: graph.KindDBSubnetGroup, Label: "subnets the database may use",
			Properties: []graph.Property{
				{Name: "name", Value: name("-database")},
				{Name: "description", Value: graph.String("Database subnets in two Availability Zones.")},
				{Name: "subnet_ids", Value: graph.List{graph.RefID("database_subnet_a"), graph.RefID("database_subnet_b")}},
			},
			Name: name("-database"),
		},
		graph.Component{
			ID: "database", Kind: graph.KindDBInstance, Label: "PostgreSQL, Multi-AZ",
			Properties: []graph.Property{
				{Name: "identifier", Value: name("-db")},
				{Name: "db_name", Value: graph.String("app")},
				{Name: "engine", Value: graph.String("postgres")},
				{Name: "engine_version", Value: graph.String("17.6")},
				{Name: "instance_class", Value: graph.String("db.t4g.micro")},
				{Name: "allocated_storage", Value: graph.Int(20)},
				{Name: "max_allocated_storage", Value: graph.Int(100)},
				{Name: "storage_type", Value: graph.String("gp3")},
				{Name: "storage_encrypted", Value: graph.Bool(true)},
				{Name: "kms_key_id", Value: graph.RefARN("data_key")},
				{Name: "multi_az", Value: graph.Bool(true)},
				{Name: "db_subnet_group_name", Value: graph.Ref{Component: "database_subnets", Attr: graph.AttrName}},
				{Name: "vpc_security_group_ids", Value: graph.List{graph.RefID("database_security_group")}},
				{Name: "username", Value: graph.String("app_admin")},
				{Name: "manage_master_user_password", Value: graph.Bool(true)},
				{Name: "master_user_secret_kms_key_id", Value: graph.RefARN("data_key")},
				{Name: "backup_retention_period", Value: graph.Int(7)},
				{Name: "backup_window", Value: graph.String("03:00-04:00")},
				{Name: "maintenance_window", Value: graph.String("sun:05:00-sun:06:00")},
				{Name: "deletion_protection", Value: graph.Bool(true)},
				{Name: "copy_tags_to_snapshot", Value: graph.Bool(true)},
				{Name: "auto_minor_version_upgrade", Value: graph.Bool(true)},
				{Name: "publicly_accessible", Value: graph.Bool(false)},
				{Name: "iam_database_authentication_enabled", Value: graph.Bool(true)},
				{Name: "enabled_cloudwatch_logs_exports", Value: graph.Strings("postgresql", "upgrade")},
				{Name: "performance_insights_enabled", Value: graph.Bool(true)},
				{Name: "performance_insights_kms_key_id", Value: graph.RefARN("data_key")},
				{Name: "performance_insights_retention_period", Value: graph.Int(7)},
			},
			Name:   name("-db"),
			Retain: graph.RetainSnapshot,
		},
		graph.Component{
			ID: "replica", Kind: graph.KindDBInstance, Label: "read replica of the primary region's database",
			Properties: []graph.Property{
				{Name: "identifier", Value: name("-db-replica")},
				{Name: "instance_class", Value: graph.String("db.t4g.micro")},
				{Name: "storage_type", Value: graph.String("gp3")},
				{Name: "storage_encrypted", Value: graph.Bool(true)},
				{Name: "kms_key_id", Value: graph.RefARN("data_key")},
				{Name: "multi_az", Value: graph.Bool(false)},
				{Name: "db_subnet_group_name", Value: graph.Ref{Component: "database_subnets", Attr: graph.AttrName}},
				{Name: "vpc_security_group_ids", Value: graph.List{graph.RefID("database_security_group")}},
				{Name: "backup_retention_period", Value: graph.Int(7)},
				{Name: "maintenance_window", Value: graph.String("sun:05:00-sun:06:00")},
				{Name: "deletion_protection", Value: graph.Bool(false)},
				{Name: "copy_tags_to_snapshot", Value: graph.Bool(true)},
				{Name: "auto_minor_version_upgrade", Value: graph.Bool(true)},
				{Name: "publicly_accessible", Value: graph.Bool(false)},
				{Name: "iam_database_authentication_enabled", Value: graph.Bool(true)},
				{Name: "enabled_cloudwatch_logs_exports", Value: graph.Strings("postgresql", "upgrade")},
				{Name: "performance_insights_enabled", Value: graph.Bool(false)},
				{Name: "replicate_source_db", Value: graph.Param("source_db_arn")},
			},
			Name:   name("-db-replica"),
			Retain: graph.RetainNothing,
			Waivers: []graph.Waiver{{
				Rule:   graph.RulePerformanceInsights,
				Reason: "the replica only waits for a failover; turn Performance Insights on when it is promoted",
			}},
		},
	)

	g.Add(
		graph.Component{
			ID: "assets", Kind: graph.KindS3Bucket, Label: "assets bucket, replicated to the recovery region",
			Properties: []graph.Property{{Name: "bucket", Value: name("-assets")}},
			Name:       name("-assets"),
		},
		graph.Component{
			ID: "assets_versioning", Kind: graph.KindS3BucketVersioning, Label: "versioning, which replication requires",
			Properties: []graph.Property{
				{Name: "bucket", Value: graph.RefID("assets")},
				{Name: "versioning_configuration", Value: graph.Struct{{Key: "status", Value: graph.String("Enabled")}}},
			},
		},
		graph.Component{
			ID: "assets_encryption", Kind: graph.KindS3BucketEncryption, Label: "default encryption with the data key",
			Properties: []graph.Property{
				{Name: "bucket", Value: graph.RefID("assets")},
				{Name: "rule", Value: graph.Struct{
					{Key: "apply_server_side_encryption_by_default", Value: graph.Struct{
						{Key: "sse_algorithm", Value: graph.String("aws:kms")},
						{Key: "kms_master_key_id", Value: graph.RefARN("data_key")},
					}},
					{Key: "bucket_key_enabled", Value: graph.Bool(true)},
				}},
			},
		},
		graph.Component{
			ID: "assets_public_access", Kind: graph.KindS3BucketPublicAccessBlock, Label: "no public access",
			Properties: []graph.Property{
				{Name: "bucket", Value: graph.RefID("assets")},
				{Name: "block_public_acls", Value: graph.Bool(true)},
				{Name: "block_public_policy", Value: graph.Bool(true)},
				{Name: "ignore_public_acls", Value: graph.Bool(true)},
				{Name: "restrict_public_buckets", Value: graph.Bool(true)},
			},
		},
		graph.Component{
			ID: "replication_role", Kind: graph.KindIAMRole, Label: "role S3 replicates with",
			Properties: []graph.Property{
				{Name: "assume_role_policy", Value: policy(graph.Object{
					{Key: "Effect", Value: graph.String("Allow")},
					{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.String("s3.amazonaws.com")}}},
					{Key: "Action", Value: graph.String("sts:AssumeRole")},
				})},
				{Name: "description", Value: graph.String("Lets S3 copy the assets bucket to the recovery region.")},
			},
			Name: name("-replication"),
		},
		graph.Component{
			ID: "replication_policy", Kind: graph.KindIAMRolePolicy, Label: "permission to replicate",
			Properties: []graph.Property{
				{Name: "role", Value: graph.Ref{Component: "replication_role", Attr: graph.AttrName}},
				{Name: "name", Value: graph.String("replicate-assets")},
				{Name: "policy", Value: policy(
					allow(nil, graph.Strings("s3:GetReplicationConfiguration", "s3:ListBucket"), graph.RefARN("assets")),
					allow(nil, graph.Strings("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"),
						graph.Join{graph.RefARN("assets"), graph.String("/*")}),
					allow(nil, graph.Strings("s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"),
						graph.Join{graph.Param("replica_bucket_arn"), graph.String("/*")}),
					allow(nil, graph.String("kms:Decrypt"), graph.RefARN("data_key")),
					allow(nil, graph.String("kms:Encrypt"), graph.Param("replica_key_arn")),
				)},
			},
		},
		graph.Component{
			ID: "assets_replication", Kind: graph.KindS3BucketReplication, Label: "copy every object to the recovery region",
			Properties: []graph.Property{
				{Name: "bucket", Value: graph.RefID("assets")},
				{Name: "role", Value: graph.RefARN("replication_role")},
				{Name: "rule", Value: graph.List{graph.Struct{
					{Key: "id", Value: graph.String("everything")},
					{Key: "status", Value: graph.String("Enabled")},
					{Key: "priority", Value: graph.Int(1)},
					{Key: "filter", Value: graph.Struct{{Key: "prefix", Value: graph.String("")}}},
					{Key: "delete_marker_replication", Value: graph.Struct{{Key: "status", Value: graph.String("Enabled")}}},
					{Key: "destination", Value: graph.Struct{
						{Key: "bucket", Value: graph.Param("replica_bucket_arn")},
						{Key: "storage_class", Value: graph.String("STANDARD")},
						{Key: "encryption_configuration", Value: graph.Struct{{Key: "replica_kms_key_id", Value: graph.Param("replica_key_arn")}}},
					}},
					{Key: "source_selection_criteria", Value: graph.Struct{
						{Key: "sse_kms_encrypted_objects", Value: graph.Struct{{Key: "status", Value: graph.String("Enabled")}}},
					}},
				}}},
			},
			DependsOn: []string{"assets_versioning"},
		},
	)

	g.Add(
		graph.Component{
			ID: "web_security_group", Kind: graph.KindSecurityGroup, Label: "load balancer security group",
			Properties: []graph.Property{
				{Name: "name", Value: name("-web")},
				{Name: "description", Value: graph.String("HTTP from the internet.")},
				{Name: "vpc_id", Value: graph.RefID("vpc")},
			},
			Name: name("-web"),
		},
		graph.Component{
			ID: "load_balancer", Kind: graph.KindLoadBalancer, Label: "application load balancer",
			Properties: []graph.Property{
				{Name: "name", Value: name("-web")},
				{Name: "internal", Value: graph.Bool(false)},
				{Name: "load_balancer_type", Value: graph.String("application")},
				{Name: "security_groups", Value: graph.List{graph.RefID("web_security_group")}},
				{Name: "subnets", Value: graph.List{graph.RefID("public_subnet_a"), graph.RefID("public_subnet_b")}},
				{Name: "drop_invalid_header_fields", Value: graph.Bool(true)},
			},
			Name: name("-web"),
			Waivers: []graph.Waiver{{
				Rule:   graph.RulePublicLoadBalancer,
				Reason: "the load balancer is the application's front door and Route 53 checks it from the internet",
			}},
		},
		graph.Component{
			ID: "primary_health", Kind: graph.KindRoute53HealthCheck, Label: "health check of the primary region's load balancer",
			Properties: []graph.Property{
				{Name: "fqdn", Value: graph.Ref{Component: "load_balancer", Attr: graph.AttrDNSName}},
				{Name: "port", Value: graph.Int(80)},
				{Name: "type", Value: graph.String("HTTP")},
				{Name: "resource_path", Value: graph.String("/health")},
				{Name: "failure_threshold", Value: graph.Int(3)},
				{Name: "request_interval", Value: graph.Int(30)},
			},
			Name: name("-primary"),
		},
		graph.Component{
			ID: "primary_record", Kind: graph.KindRoute53Record, Label: "the name, answered by the primary region while it is healthy",
			Properties: []graph.Property{
				{Name: "zone_id", Value: graph.Param("hosted_zone_id")},
				{Name: "name", Value: graph.Param("domain_name")},
				{Name: "type", Value: graph.String("A")},
				{Name: "alias", Value: graph.Struct{
					{Key: "name", Value: graph.Ref{Component: "load_balancer", Attr: graph.AttrDNSName}},
					{Key: "zone_id", Value: graph.Ref{Component: "load_balancer", Attr: graph.AttrZoneID}},
					{Key: "evaluate_target_health", Value: graph.Bool(true)},
				}},
				{Name: "set_identifier", Value: graph.String("primary")},
				{Name: "failover_routing_policy", Value: graph.Struct{{Key: "type", Value: graph.String("PRIMARY")}}},
				{Name: "health_check_id", Value: graph.RefID("primary_health")},
			},
		},
		graph.Component{
			ID: "standby_record", Kind: graph.KindRoute53Record, Label: "the name, answered by the recovery region when the primary fails",
			Properties: []graph.Property{
				{Name: "zone_id", Value: graph.Param("hosted_zone_id")},
				{Name: "name", Value: graph.Param("domain_name")},
				{Name: "type", Value: graph.String("A")},
				{Name: "alias", Value: graph.Struct{
					{Key: "name", Value: graph.Param("standby_dns_name")},
					{Key: "zone_id", Value: graph.Param("standby_zone_id")},
					{Key: "evaluate_target_health", Value: graph.Bool(true)},
				}},
				{Name: "set_identifier", Value: graph.String("standby")},
				{Name: "failover_routing_policy", Value: graph.Struct{{Key: "type", Value: graph.String("SECONDARY")}}},
			},
		},
		graph.Component{
			ID: "primary_alias", Kind: graph.KindRoute53Record, Label: "a name for the primary region alone, for tests",
			Properties: []graph.Property{
				{Name: "zone_id", Value: graph.Param("hosted_zone_id")},
				{Name: "name", Value: graph.Join{graph.String("primary."), graph.Param("domain_name")}},
				{Name: "type", Value: graph.String("CNAME")},
				{Name: "ttl", Value: graph.Int(300)},
				{Name: "records", Value: graph.List{graph.Ref{Component: "load_balancer", Attr: graph.AttrDNSName}}},
			},
		},
	)

	g.Outputs = []graph.Output{
		{Name: "database_address", Description: "Host name of the database.", Value: graph.Ref{Component: "database", Attr: graph.AttrAddress}},
		{Name: "database_arn", Description: "ARN of the database, which a replica in another region names as its source.", Value: graph.RefARN("database")},
		{Name: "database_secret_arn", Description: "ARN of the secret that holds the database's master password.", Value: graph.Ref{Component: "database", Attr: graph.AttrSecretARN}},
		{Name: "replica_id", Description: "Identifier of the read replica, which the runbook promotes.", Value: graph.RefID("replica")},
		{Name: "database_subnet_group", Description: "Name of the database subnet group.", Value: graph.Ref{Component: "database_subnets", Attr: graph.AttrName}},
		{Name: "health_check_id", Description: "ID of the primary region's health check.", Value: graph.RefID("primary_health")},
		{Name: "load_balancer_zone_id", Description: "Hosted zone ID of the load balancer, for alias records elsewhere.", Value: graph.Ref{Component: "load_balancer", Attr: graph.AttrZoneID}},
	}
	return g
}
