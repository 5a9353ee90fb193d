package pilotlight

import (
	"strings"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// Database component IDs.
const (
	dbSubnetGroup = "db_subnet_group"
	primaryDB     = "database"
	replicaDB     = "replica"
	dbSecret      = "db_secret"
	// secretSuffix names the credentials secret after the deployment
	// ("<name>-db-credentials"), in both regions.
	secretSuffix = "db-credentials"
)

// The database's fixed choices. The backup window comes before the
// maintenance window so they never overlap, both at night in UTC.
const (
	dbName            = "app"
	dbUsername        = "app_admin"
	backupWindow      = "03:00-04:00"
	maintenanceWindow = "sun:05:00-sun:06:00"
)

// addDatabaseNetwork adds the database's security group, which admits the
// engine's port from the web instances' security group and nothing else,
// and the subnet group over the isolated subnets, which have no route out
// of the VPC.
func addDatabaseNetwork(g *graph.Graph, p Params, network vpc.Network) {
	group := "database"
	var isolated graph.List
	for _, id := range network.SubnetIDs(vpc.TierIsolated) {
		isolated = append(isolated, graph.RefID(id))
	}
	g.Add(graph.Component{
		ID: dbSecurityGroup, Kind: graph.KindSecurityGroup, Group: group, Label: "Database: engine port from the web instances only",
		Why:  "The database's firewall: only the web instances' security group may connect, on the engine's port; there is no address range in it.",
		Name: blueprints.Named("db"),
		Properties: []graph.Property{
			{Name: "name", Value: blueprints.Named("db")},
			{Name: "description", Value: graph.String("Database: " + p.Engine + " from the web instances only")},
			{Name: "vpc_id", Value: graph.RefID(network.VPCID)},
		},
	}, graph.Component{
		ID: "db_ingress", Kind: graph.KindSecurityGroupIngress, Group: group, Label: "database: engine port from the instances",
		Why: "Admits database connections from the web instances' security group and from nowhere else.",
		Properties: []graph.Property{
			{Name: "security_group_id", Value: graph.RefID(dbSecurityGroup)},
			{Name: "ip_protocol", Value: graph.String("tcp")},
			{Name: "from_port", Value: graph.Int(Port(p.Engine))},
			{Name: "to_port", Value: graph.Int(Port(p.Engine))},
			{Name: "referenced_security_group_id", Value: graph.RefID("instance_security_group")},
			{Name: "description", Value: graph.String("Database connections from the web instances")},
		},
	}, graph.Component{
		ID: dbSubnetGroup, Kind: graph.KindDBSubnetGroup, Group: group, Label: "database subnets: the isolated tier",
		Why:  "Tells RDS which subnets it may place the database and its standby in: the isolated ones, one per zone, with no route to the internet.",
		Name: blueprints.Named("db"),
		Properties: []graph.Property{
			{Name: "name", Value: blueprints.Named("db")},
			{Name: "description", Value: graph.String("Isolated subnets of the pilot light's database, one per Availability Zone.")},
			{Name: "subnet_ids", Value: isolated},
		},
	})
}

// logExports are the engine logs sent to CloudWatch Logs.
func logExports(engine string) graph.List {
	if engine == "mysql" {
		return graph.Strings("error", "slowquery")
	}
	return graph.Strings("postgresql", "upgrade")
}

// performanceInsights turns Performance Insights on, encrypted with the
// database key, where the instance class offers it; RDS does not offer it
// on the smallest burstable classes, so there the rule is waived.
func performanceInsights(p Params) ([]graph.Property, []graph.Waiver) {
	if strings.HasSuffix(p.InstanceClass, ".micro") || strings.HasSuffix(p.InstanceClass, ".small") {
		return []graph.Property{{Name: "performance_insights_enabled", Value: graph.Bool(false)}},
			[]graph.Waiver{{Rule: graph.RulePerformanceInsights, Reason: "RDS does not offer Performance Insights on " + p.InstanceClass + "; choose db.t4g.medium or larger with --db-instance-class to get it."}}
	}
	return []graph.Property{
		{Name: "performance_insights_enabled", Value: graph.Bool(true)},
		{Name: "performance_insights_kms_key_id", Value: graph.RefARN(dbKey)},
		{Name: "performance_insights_retention_period", Value: graph.Int(7)},
	}, nil
}

// maxStorage lets storage autoscaling grow the volume up to four times its
// first size (at least 100 GiB), so a full disk does not stop the
// database.
func maxStorage(p Params) int {
	return min(16384, max(100, 4*p.StorageGiB))
}

// passwordExclude are the characters RDS refuses in a master password
// ("/", "@", '"' and the space), and the single quote, which shells and
// connection strings trip over.
const passwordExclude = `"@/\ '`

// addDatabaseSecret adds the secret that holds the master credentials:
// encrypted with the database key, replicated to the recovery region, and
// filled with a password that AWS generates at deploy time. RDS cannot
// manage the password itself (manage_master_user_password): AWS does not
// support read replicas of an instance whose password RDS keeps in
// Secrets Manager, and the recovery region's replica is the pilot light.
func addDatabaseSecret(g *graph.Graph, p Params) {
	group := "database"
	g.Add(graph.Component{
		ID: dbSecret, Kind: graph.KindSecret, Group: group,
		Label: "database master credentials, replicated to the recovery region",
		Why: "Holds the database's master user name and password, encrypted with the database key; its replica in " + p.DRRegion +
			" keeps the credentials readable there when the primary region is lost, and the promoted replica still accepts them.",
		Name: blueprints.Named(secretSuffix),
		Properties: []graph.Property{
			{Name: "name", Value: blueprints.Named(secretSuffix)},
			{Name: "description", Value: graph.String("Master credentials of the pilot light's " + p.Engine + " database.")},
			{Name: "kms_key_id", Value: graph.RefARN(dbKey)},
			// The recovery region's own key lives in the dr stack, which
			// is deployed after this one, so the replica uses the
			// region's AWS managed key for Secrets Manager.
			{Name: "replica", Value: graph.List{graph.Struct{
				{Key: "region", Value: graph.String(p.DRRegion)},
				{Key: "kms_key_id", Value: graph.String("alias/aws/secretsmanager")},
			}}},
			{Name: "recovery_window_in_days", Value: graph.Int(7)},
		},
	}, graph.Component{
		ID: dbSecret + "_version", Kind: graph.KindSecretVersion, Group: group,
		Label: "generated master password",
		Why:   "Fills the secret with the master user name and a 32-character password that AWS generates at deploy time, so no password is ever written in the code, and none in the Terraform state.",
		Properties: []graph.Property{
			{Name: "secret_id", Value: graph.RefID(dbSecret)},
			{Name: "secret_string", Value: graph.GeneratedSecret{
				Name:   "db_master",
				Fields: graph.Object{{Key: "username", Value: graph.String(dbUsername)}},
				Key:    "password", Length: 32, Exclude: passwordExclude,
			}},
		},
	})
}

// addPrimaryDatabase adds the primary database: Multi-AZ, encrypted with
// the region's key, in the isolated subnets, automated backups kept
// BackupRetentionDays, deletion protection on, and master credentials
// read from the secret that addDatabaseSecret adds, so none is ever
// written down.
func addPrimaryDatabase(g *graph.Graph, p Params, _ vpc.Network) {
	addDatabaseSecret(g, p)
	insights, waivers := performanceInsights(p)
	props := []graph.Property{
		{Name: "identifier", Value: blueprints.Named(strings.TrimPrefix(primaryDBSuffix, "-"))},
		{Name: "db_name", Value: graph.String(dbName)},
		{Name: "engine", Value: graph.String(p.Engine)},
		{Name: "engine_version", Value: graph.String(p.version())},
		{Name: "instance_class", Value: graph.String(p.InstanceClass)},
		{Name: "allocated_storage", Value: graph.Int(p.StorageGiB)},
		{Name: "max_allocated_storage", Value: graph.Int(maxStorage(p))},
		{Name: "storage_type", Value: graph.String("gp3")},
		{Name: "storage_encrypted", Value: graph.Bool(true)},
		{Name: "kms_key_id", Value: graph.RefARN(dbKey)},
		{Name: "multi_az", Value: graph.Bool(true)},
		{Name: "db_subnet_group_name", Value: graph.Ref{Component: dbSubnetGroup, Attr: graph.AttrName}},
		{Name: "vpc_security_group_ids", Value: graph.List{graph.RefID(dbSecurityGroup)}},
		{Name: "username", Value: graph.SecretValue{Secret: dbSecret, Key: "username"}},
		{Name: "password", Value: graph.SecretValue{Secret: dbSecret, Key: "password"}},
		{Name: "password_version", Value: graph.Int(1)},
		{Name: "backup_retention_period", Value: graph.Int(p.BackupRetentionDays)},
		{Name: "backup_window", Value: graph.String(backupWindow)},
		{Name: "maintenance_window", Value: graph.String(maintenanceWindow)},
		{Name: "deletion_protection", Value: graph.Bool(true)},
		{Name: "copy_tags_to_snapshot", Value: graph.Bool(true)},
		{Name: "auto_minor_version_upgrade", Value: graph.Bool(true)},
		{Name: "publicly_accessible", Value: graph.Bool(false)},
		{Name: "iam_database_authentication_enabled", Value: graph.Bool(true)},
		{Name: "enabled_cloudwatch_logs_exports", Value: logExports(p.Engine)},
	}
	g.Add(graph.Component{
		ID: primaryDB, Kind: graph.KindDBInstance, Group: "database",
		Label: p.Engine + " " + p.version() + ", Multi-AZ, encrypted, credentials in Secrets Manager",
		Why: "The application's data: a synchronous standby in a second zone takes over in one to two minutes if the first fails, " +
			"automated backups allow point-in-time recovery, and it is the source the recovery region's replica copies.",
		Name: blueprints.Named(strings.TrimPrefix(primaryDBSuffix, "-")), Properties: append(props, insights...),
		Retain: graph.RetainSnapshot, Waivers: waivers,
		// The credentials are in the secret before the database uses them.
		DependsOn: []string{dbSecret + "_version"},
	})
}

// addReplica adds the recovery region's cross-region read replica. It
// inherits engine, version, database name and credentials from its
// source, and has its own key (a KMS key is regional), subnet group and
// security group. It runs in one zone while it only waits; the runbook's
// promotion keeps automated backups, and Multi-AZ can be turned on after.
func addReplica(g *graph.Graph, p Params, _ vpc.Network) {
	g.Parameters = append(g.Parameters, graph.Parameter{
		Name: "primary_db_arn", Type: graph.ParamString,
		Description: "ARN of the primary region's database, which the replica copies (an output of the primary stack).",
		Pattern:     `^arn:aws[a-z-]*:rds:[a-z0-9-]+:[0-9]{12}:db:[a-z][a-z0-9-]*$`, ConstraintHelp: "The ARN must be an RDS DB instance ARN.",
	})
	g.Add(graph.Component{
		ID: replicaDB, Kind: graph.KindDBInstance, Group: "database",
		Label: "cross-region read replica of the primary database",
		Why: "The pilot light itself: a continuously updated copy of the primary database in the recovery region, seconds behind, " +
			"that the runbook promotes to a standalone, writable database when the primary region is lost.",
		Name: blueprints.Named(strings.TrimPrefix(replicaDBSuffix, "-")),
		Properties: []graph.Property{
			{Name: "identifier", Value: blueprints.Named(strings.TrimPrefix(replicaDBSuffix, "-"))},
			{Name: "instance_class", Value: graph.String(p.InstanceClass)},
			{Name: "storage_type", Value: graph.String("gp3")},
			{Name: "storage_encrypted", Value: graph.Bool(true)},
			{Name: "kms_key_id", Value: graph.RefARN(dbKey)},
			{Name: "multi_az", Value: graph.Bool(false)},
			{Name: "db_subnet_group_name", Value: graph.Ref{Component: dbSubnetGroup, Attr: graph.AttrName}},
			{Name: "vpc_security_group_ids", Value: graph.List{graph.RefID(dbSecurityGroup)}},
			{Name: "backup_retention_period", Value: graph.Int(p.BackupRetentionDays)},
			{Name: "maintenance_window", Value: graph.String(maintenanceWindow)},
			{Name: "deletion_protection", Value: graph.Bool(false)},
			{Name: "copy_tags_to_snapshot", Value: graph.Bool(true)},
			{Name: "auto_minor_version_upgrade", Value: graph.Bool(true)},
			{Name: "publicly_accessible", Value: graph.Bool(false)},
			{Name: "iam_database_authentication_enabled", Value: graph.Bool(true)},
			{Name: "enabled_cloudwatch_logs_exports", Value: logExports(p.Engine)},
			{Name: "performance_insights_enabled", Value: graph.Bool(false)},
			{Name: "replicate_source_db", Value: graph.Param("primary_db_arn")},
		},
		Retain: graph.RetainNothing,
		Waivers: []graph.Waiver{{
			Rule:   graph.RulePerformanceInsights,
			Reason: "the replica only waits for a failover; turn Performance Insights on after the runbook promotes it.",
		}},
	})
}

// databaseOutputs are the database's identifiers: the primary's ARN feeds
// the replica, the endpoints and the secret are for the application.
func databaseOutputs(g *graph.Graph) []graph.Output {
	if g.Component(primaryDB) != nil {
		return []graph.Output{
			{Name: "db_instance_arn", Description: "ARN of the primary database (the replica's source).", Value: graph.RefARN(primaryDB)},
			{Name: "db_address", Description: "Host name of the primary database's endpoint.", Value: graph.Ref{Component: primaryDB, Attr: graph.AttrAddress}},
			{Name: "db_secret_arn", Description: "Secrets Manager secret holding the master user's name and password; its replica in the recovery region has the same name.", Value: graph.RefARN(dbSecret)},
		}
	}
	return []graph.Output{
		{Name: "replica_arn", Description: "ARN of the read replica in the recovery region.", Value: graph.RefARN(replicaDB)},
		{Name: "replica_address", Description: "Host name of the replica's endpoint; after promotion, the application's database.", Value: graph.Ref{Component: replicaDB, Attr: graph.AttrAddress}},
	}
}

// drInputs wire the primary database's ARN into the replica.
func (p Params) drInputs() []graph.Input {
	return []graph.Input{{Parameter: "primary_db_arn", Stack: StackPrimary, Output: "db_instance_arn"}}
}

// addReplicationConfiguration adds the asset bucket's replication rule:
// every object, delete markers included, KMS-encrypted objects
// re-encrypted with the recovery bucket's key.
func addReplicationConfiguration(g *graph.Graph) {
	g.Add(graph.Component{
		ID: "assets_replication", Kind: graph.KindS3BucketReplication, Group: "replication",
		Label: "replicate every object to the recovery bucket",
		Why:   "Copies every new object version, and deletions, to the recovery region within minutes, so the application finds its assets there after a failover.",
		Properties: []graph.Property{
			{Name: "bucket", Value: graph.RefID(assetsBucket)},
			{Name: "role", Value: graph.RefARN(replicationRole)},
			{Name: "rule", Value: graph.List{graph.Struct{
				{Key: "id", Value: graph.String("everything")},
				{Key: "status", Value: graph.String("Enabled")},
				{Key: "priority", Value: graph.Int(1)},
				{Key: "filter", Value: graph.Struct{{Key: "prefix", Value: graph.String("")}}},
				{Key: "delete_marker_replication", Value: graph.Struct{{Key: "status", Value: graph.String("Enabled")}}},
				{Key: "destination", Value: graph.Struct{
					{Key: "bucket", Value: graph.Param("dr_bucket_arn")},
					{Key: "storage_class", Value: graph.String("STANDARD")},
					{Key: "encryption_configuration", Value: graph.Struct{{Key: "replica_kms_key_id", Value: graph.Param("dr_bucket_key_arn")}}},
				}},
				{Key: "source_selection_criteria", Value: graph.Struct{
					{Key: "sse_kms_encrypted_objects", Value: graph.Struct{{Key: "status", Value: graph.String("Enabled")}}},
				}},
			}}},
		},
		// S3 accepts a replication rule only on a versioned bucket, and the
		// role must be able to act when the first object arrives.
		DependsOn: []string{assetsBucket + "_versioning", "replication_policy"},
	})
}

// addSecretAccess lets the web instances read the database credentials in
// their own region: the primary's secret, or in the recovery region its
// replica, which has the same name. Secrets Manager appends six random
// characters to a secret's ARN, which the pattern's "??????" matches. The
// primary's secret is encrypted with the database key, so reading it there
// also needs kms:Decrypt through Secrets Manager; the replica's AWS managed
// key grants that to everyone in the account who may read the secret.
func addSecretAccess(g *graph.Graph, primary bool) {
	statements := []graph.Object{{
		{Key: "Sid", Value: graph.String("ReadDatabaseCredentials")},
		{Key: "Effect", Value: graph.String("Allow")},
		{Key: "Action", Value: graph.Strings("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret")},
		{Key: "Resource", Value: blueprints.ARN("secretsmanager", true,
			graph.String("secret:"), graph.Param(blueprints.NameParam), graph.String("-"+secretSuffix+"-??????"))},
	}}
	if primary {
		statements = append(statements, graph.Object{
			{Key: "Sid", Value: graph.String("DecryptDatabaseCredentials")},
			{Key: "Effect", Value: graph.String("Allow")},
			{Key: "Action", Value: graph.String("kms:Decrypt")},
			{Key: "Resource", Value: graph.RefARN(dbKey)},
			{Key: "Condition", Value: graph.Object{{Key: "StringEquals", Value: graph.Object{
				{Key: "kms:ViaService", Value: graph.Join{graph.String("secretsmanager."), graph.PseudoRegion, graph.String("."), graph.PseudoURLSuffix}},
			}}}},
		})
	}
	g.Add(graph.Component{
		ID: "instance_secret_policy", Kind: graph.KindIAMRolePolicy, Group: "instance identity",
		Label: "inline policy: read the database credentials",
		Why:   "Lets the application on the web instances read the database's user name and password from Secrets Manager in its own region, and nothing else from it.",
		Properties: []graph.Property{
			{Name: "name", Value: graph.String("read-db-credentials")},
			{Name: "role", Value: graph.Ref{Component: "instance_role", Attr: graph.AttrName}},
			{Name: "policy", Value: blueprints.PolicyDocument(statements...)},
		},
	})
}
