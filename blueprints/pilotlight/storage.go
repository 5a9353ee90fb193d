package pilotlight

import (
	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// keyDeletionWindow is the days a deleted key can still be recovered: the
// longest AWS allows, since losing a key loses every backup it encrypts.
const keyDeletionWindow = 30

// key is a customer-managed KMS key, rotated yearly, whose policy lets the
// account manage and use it through IAM. RDS and S3 use it on behalf of
// the principals that call them (the deployer, the replication role), so
// no service principal needs to be named.
func key(id, short, why string) graph.Component {
	return graph.Component{
		ID: id, Kind: graph.KindKMSKey, Group: "encryption", Label: "KMS key of the " + short, Why: why,
		Name: blueprints.Named(short + "-key"),
		Properties: []graph.Property{
			{Name: "description", Value: graph.String("Pilot light: encrypts the " + short + " in this region.")},
			{Name: "enable_key_rotation", Value: graph.Bool(true)},
			{Name: "deletion_window_in_days", Value: graph.Int(keyDeletionWindow)},
			{Name: "policy", Value: blueprints.PolicyDocument(graph.Object{
				{Key: "Sid", Value: graph.String("AccountAdministersKeyThroughIAM")},
				{Key: "Effect", Value: graph.String("Allow")},
				{Key: "Principal", Value: graph.Object{{Key: "AWS", Value: blueprints.AccountRoot()}}},
				{Key: "Action", Value: graph.String("kms:*")},
				{Key: "Resource", Value: graph.String("*")},
			})},
		},
	}
}

// addBucket adds the region's asset bucket with its key and the usual
// hardening: versioning (replication needs it on both sides), default
// SSE-KMS with a bucket key, no public access, ACLs disabled, TLS only.
// AWS names the bucket, which keeps it globally unique; outputs report
// the name.
func addBucket(g *graph.Graph, which, why string) {
	group := "asset bucket"
	ref := graph.RefID(assetsBucket)
	g.Add(key(assetsKey, "asset bucket", "Encrypts the "+which+" asset bucket's objects with a key this account controls."),
		graph.Component{ID: assetsBucket, Kind: graph.KindS3Bucket, Group: group, Label: which + " asset bucket", Why: why,
			Name:       blueprints.Named("assets"),
			Properties: []graph.Property{{Name: "force_destroy", Value: graph.Bool(false)}}},
		graph.Component{ID: assetsBucket + "_versioning", Kind: graph.KindS3BucketVersioning, Group: group, Label: "versioning of the " + which + " bucket",
			Why: "Keeps every version of every object; S3 replicates only from and to versioned buckets, and a deleted or overwritten object can be recovered.",
			Properties: []graph.Property{
				{Name: "bucket", Value: ref},
				{Name: "versioning_configuration", Value: graph.Struct{{Key: "status", Value: graph.String("Enabled")}}},
			}},
		graph.Component{ID: assetsBucket + "_encryption", Kind: graph.KindS3BucketEncryption, Group: group, Label: "default encryption with the bucket's KMS key",
			Why: "Encrypts every new object with the region's asset key; the bucket key cuts the KMS calls, and so their cost, for busy buckets.",
			Properties: []graph.Property{
				{Name: "bucket", Value: ref},
				{Name: "rule", Value: graph.Struct{
					{Key: "apply_server_side_encryption_by_default", Value: graph.Struct{
						{Key: "sse_algorithm", Value: graph.String("aws:kms")},
						{Key: "kms_master_key_id", Value: graph.RefARN(assetsKey)},
					}},
					{Key: "bucket_key_enabled", Value: graph.Bool(true)},
				}},
			}},
		graph.Component{ID: assetsBucket + "_public_access_block", Kind: graph.KindS3BucketPublicAccessBlock, Group: group, Label: "no public access",
			Why: "Refuses any public ACL or policy, whatever someone later tries to attach.",
			Properties: []graph.Property{
				{Name: "bucket", Value: ref},
				{Name: "block_public_acls", Value: graph.Bool(true)},
				{Name: "block_public_policy", Value: graph.Bool(true)},
				{Name: "ignore_public_acls", Value: graph.Bool(true)},
				{Name: "restrict_public_buckets", Value: graph.Bool(true)},
			}},
		graph.Component{ID: assetsBucket + "_ownership", Kind: graph.KindS3BucketOwnershipControls, Group: group, Label: "ACLs off: the bucket owns every object",
			Why: "Turns ACLs off, so access is decided by policies alone and replicated objects belong to the destination bucket's owner.",
			Properties: []graph.Property{
				{Name: "bucket", Value: ref},
				{Name: "rule", Value: graph.Struct{{Key: "object_ownership", Value: graph.String("BucketOwnerEnforced")}}},
			}},
		graph.Component{ID: assetsBucket + "_policy", Kind: graph.KindS3BucketPolicy, Group: group, Label: "bucket policy: TLS only",
			Why: "Refuses every request that does not use TLS, so objects never cross the network in clear text.",
			Properties: []graph.Property{
				{Name: "bucket", Value: ref},
				{Name: "policy", Value: blueprints.PolicyDocument(graph.Object{
					{Key: "Sid", Value: graph.String("DenyWithoutTLS")},
					{Key: "Effect", Value: graph.String("Deny")},
					{Key: "Principal", Value: graph.String("*")},
					{Key: "Action", Value: graph.String("s3:*")},
					{Key: "Resource", Value: graph.List{graph.RefARN(assetsBucket), objects(graph.Ref{Component: assetsBucket, Attr: graph.AttrName})}},
					{Key: "Condition", Value: graph.Object{{Key: "Bool", Value: graph.Object{{Key: "aws:SecureTransport", Value: graph.String("false")}}}}},
				})},
			},
			// S3 refuses a bucket policy while the public access block is
			// still being applied, so the policy waits for it.
			DependsOn: []string{assetsBucket + "_public_access_block"}},
	)
}

// objects is the ARN of every object in the named bucket, built from the
// partition and the name rather than appended to an ARN, so scanners see
// one bucket's objects rather than a wildcard.
func objects(bucketName graph.Value) graph.Join {
	return graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(":s3:::"), bucketName, graph.String("/*")}
}

// replicationRole is the role S3 assumes to copy objects to the recovery
// bucket.
const replicationRole = "replication_role"

// addReplication adds the role S3 replication runs as and its policy, which
// allows exactly what replicating versioned, KMS-encrypted objects needs:
// read the source bucket's replication configuration and object versions,
// write replicas into the destination bucket, decrypt with the source key
// and encrypt with the destination key. The destination bucket and key
// come in as parameters from the dr stack.
func addReplication(g *graph.Graph) {
	group := "replication"
	destination := graph.Param("dr_bucket_arn")
	g.Add(graph.Component{
		ID: replicationRole, Kind: graph.KindIAMRole, Group: group, Label: "role S3 replication assumes",
		Why:  "The identity S3 uses to copy new object versions to the recovery region; it can do nothing else.",
		Name: blueprints.Named("replication"),
		Properties: []graph.Property{
			{Name: "description", Value: graph.String("S3 replication of the asset bucket to the recovery region.")},
			{Name: "assume_role_policy", Value: blueprints.AssumeRolePolicy("s3.amazonaws.com")},
		},
	}, graph.Component{
		ID: "replication_policy", Kind: graph.KindIAMRolePolicy, Group: group, Label: "inline policy: replicate the asset bucket, nothing more",
		Why: "Least privilege for replication: read this bucket's versions, write replicas to the recovery bucket, and use only the two buckets' keys.",
		Properties: []graph.Property{
			{Name: "name", Value: graph.String("replicate-assets")},
			{Name: "role", Value: graph.Ref{Component: replicationRole, Attr: graph.AttrName}},
			{Name: "policy", Value: blueprints.PolicyDocument(graph.Object{
				{Key: "Sid", Value: graph.String("ReadReplicationConfiguration")},
				{Key: "Effect", Value: graph.String("Allow")},
				{Key: "Action", Value: graph.Strings("s3:GetReplicationConfiguration", "s3:ListBucket")},
				{Key: "Resource", Value: graph.RefARN(assetsBucket)},
			}, graph.Object{
				{Key: "Sid", Value: graph.String("ReadSourceVersions")},
				{Key: "Effect", Value: graph.String("Allow")},
				{Key: "Action", Value: graph.Strings("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging")},
				{Key: "Resource", Value: objects(graph.Ref{Component: assetsBucket, Attr: graph.AttrName})},
			}, graph.Object{
				{Key: "Sid", Value: graph.String("WriteReplicas")},
				{Key: "Effect", Value: graph.String("Allow")},
				{Key: "Action", Value: graph.Strings("s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags")},
				{Key: "Resource", Value: graph.Join{destination, graph.String("/*")}},
			}, graph.Object{
				{Key: "Sid", Value: graph.String("DecryptSource")},
				{Key: "Effect", Value: graph.String("Allow")},
				{Key: "Action", Value: graph.String("kms:Decrypt")},
				{Key: "Resource", Value: graph.RefARN(assetsKey)},
			}, graph.Object{
				{Key: "Sid", Value: graph.String("EncryptReplicas")},
				{Key: "Effect", Value: graph.String("Allow")},
				{Key: "Action", Value: graph.Strings("kms:Encrypt", "kms:GenerateDataKey")},
				{Key: "Resource", Value: graph.Param("dr_bucket_key_arn")},
			})},
		},
	})
	addReplicationConfiguration(g)
}
