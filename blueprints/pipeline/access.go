package pipeline

import (
	"slices"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// access is what a role needs to create, change and delete the resources
// of one kind.
type access struct {
	// services are IAM service prefixes the role may use in full. A deploy
	// role cannot be scoped to resource ARNs: most do not exist before the
	// first deploy, and their names are chosen by AWS.
	services []string
	// roles says the kind is an IAM role, policy or instance profile. The
	// role then gets the IAM actions those need (manageRoleActions) rather
	// than all of IAM, so it cannot create users or access keys.
	roles bool
	// passTo are the services that resources of the kind hand a role to;
	// iam:PassRole is granted for those services only.
	passTo []string
	// linkedRoles are the service-linked roles that the service creates
	// on first use, with the caller's permission.
	linkedRoles []string
	// publicParameters says the kind reads AWS's public SSM parameters
	// (an AMI ID through resolve:ssm:), with the caller's permission.
	publicParameters bool
}

// kindAccess is the table behind the deploy policy. A kind missing here
// makes Validate fail, and a test holds the table against
// graph.AllKinds(), so a new kind cannot silently deploy without
// permissions.
var kindAccess = map[graph.Kind]access{
	graph.KindVPC:                       {services: []string{"ec2"}},
	graph.KindSubnet:                    {services: []string{"ec2"}},
	graph.KindInternetGateway:           {services: []string{"ec2"}},
	graph.KindElasticIP:                 {services: []string{"ec2"}},
	graph.KindNATGateway:                {services: []string{"ec2"}},
	graph.KindRouteTable:                {services: []string{"ec2"}},
	graph.KindRoute:                     {services: []string{"ec2"}},
	graph.KindRouteTableAssociation:     {services: []string{"ec2"}},
	graph.KindVPCGatewayEndpoint:        {services: []string{"ec2"}},
	graph.KindDefaultSecurityGroup:      {services: []string{"ec2"}},
	graph.KindLogGroup:                  {services: []string{"logs"}},
	graph.KindIAMRole:                   {roles: true},
	graph.KindIAMRolePolicy:             {roles: true},
	graph.KindFlowLog:                   {services: []string{"ec2", "logs"}, passTo: []string{"vpc-flow-logs.amazonaws.com"}},
	graph.KindKMSKey:                    {services: []string{"kms"}},
	graph.KindSNSTopic:                  {services: []string{"sns"}},
	graph.KindSNSTopicPolicy:            {services: []string{"sns"}},
	graph.KindSNSSubscription:           {services: []string{"sns"}},
	graph.KindSQSQueue:                  {services: []string{"sqs"}},
	graph.KindSQSQueuePolicy:            {services: []string{"sqs"}},
	graph.KindMetricAlarm:               {services: []string{"cloudwatch"}},
	graph.KindSecurityGroup:             {services: []string{"ec2"}},
	graph.KindSecurityGroupIngress:      {services: []string{"ec2"}},
	graph.KindSecurityGroupEgress:       {services: []string{"ec2"}},
	graph.KindIAMInstanceProfile:        {roles: true},
	graph.KindIAMRolePolicyAttachment:   {roles: true},
	graph.KindLaunchTemplate:            {services: []string{"ec2"}, publicParameters: true},
	graph.KindAutoScalingGroup:          {services: []string{"autoscaling", "ec2"}, passTo: []string{"ec2.amazonaws.com"}, linkedRoles: []string{"autoscaling.amazonaws.com"}},
	graph.KindAutoScalingPolicy:         {services: []string{"autoscaling"}},
	graph.KindAutoScalingSchedule:       {services: []string{"autoscaling"}},
	graph.KindLoadBalancer:              {services: []string{"elasticloadbalancing"}, linkedRoles: []string{"elasticloadbalancing.amazonaws.com"}},
	graph.KindLBTargetGroup:             {services: []string{"elasticloadbalancing"}},
	graph.KindLBListener:                {services: []string{"elasticloadbalancing"}},
	graph.KindCodeDeployApp:             {services: []string{"codedeploy"}},
	graph.KindCodeDeployDeploymentGroup: {services: []string{"codedeploy"}, passTo: []string{"codedeploy.amazonaws.com"}},
	graph.KindS3Bucket:                  {services: []string{"s3"}},
	graph.KindS3BucketVersioning:        {services: []string{"s3"}},
	graph.KindS3BucketEncryption:        {services: []string{"s3"}},
	graph.KindS3BucketPublicAccessBlock: {services: []string{"s3"}},
	graph.KindS3BucketOwnershipControls: {services: []string{"s3"}},
	graph.KindS3BucketPolicy:            {services: []string{"s3"}},
	graph.KindCodeBuildProject:          {services: []string{"codebuild"}, passTo: []string{"codebuild.amazonaws.com"}},
	graph.KindCodePipeline:              {services: []string{"codepipeline"}, passTo: []string{"codepipeline.amazonaws.com"}},
	graph.KindDBSubnetGroup:             {services: []string{"rds"}},
	// CloudFormation's DB instance handler describes the VPC, subnets and
	// security groups, grants RDS the KMS key and creates the managed
	// master password's secret with the caller's permissions, and RDS
	// creates its service-linked role on first use.
	graph.KindDBInstance: {
		services:    []string{"ec2", "kms", "rds", "secretsmanager"},
		linkedRoles: []string{"rds.amazonaws.com"},
	},
	// Creating a replication rule passes its role to S3.
	graph.KindS3BucketReplication: {services: []string{"s3"}, passTo: []string{"s3.amazonaws.com"}},
	graph.KindRoute53HealthCheck:  {services: []string{"route53"}},
	graph.KindRoute53Record:       {services: []string{"route53"}},
	graph.KindSecret:              {services: []string{"secretsmanager", "kms"}},
	graph.KindSecretVersion:       {services: []string{"secretsmanager"}},
}

// manageRoleActions are the IAM actions that creating, updating and
// deleting roles, their inline and attached policies and instance profiles
// take, reads included. Users, groups, access keys and login profiles are
// deliberately absent.
var manageRoleActions = []string{
	"iam:AddRoleToInstanceProfile", "iam:AttachRolePolicy", "iam:CreateInstanceProfile", "iam:CreateRole",
	"iam:DeleteInstanceProfile", "iam:DeleteRole", "iam:DeleteRolePolicy", "iam:DetachRolePolicy",
	"iam:GetInstanceProfile", "iam:GetRole", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies",
	"iam:ListInstanceProfileTags", "iam:ListInstanceProfilesForRole", "iam:ListRolePolicies", "iam:ListRoleTags",
	"iam:PutRolePolicy", "iam:RemoveRoleFromInstanceProfile", "iam:TagInstanceProfile", "iam:TagRole",
	"iam:UntagInstanceProfile", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole",
	"iam:UpdateRoleDescription",
}

// deployAccess sums up what deploying resources of the given kinds takes,
// each list sorted and without repeats, so the policy does not depend on
// the order of the kinds.
func deployAccess(kinds []graph.Kind) access {
	var sum access
	for _, k := range kinds {
		a := kindAccess[k]
		sum.services = append(sum.services, a.services...)
		sum.roles = sum.roles || a.roles
		sum.passTo = append(sum.passTo, a.passTo...)
		sum.linkedRoles = append(sum.linkedRoles, a.linkedRoles...)
		sum.publicParameters = sum.publicParameters || a.publicParameters
	}
	for _, list := range []*[]string{&sum.services, &sum.passTo, &sum.linkedRoles} {
		slices.Sort(*list)
		*list = slices.Compact(*list)
	}
	return sum
}

// deployStatements is the policy of the role that deploys the deployment:
// full use of the services its kinds belong to, the IAM actions for roles,
// passing roles to the services that take them, the service-linked roles
// those services create, and AWS's public parameters.
func deployStatements(kinds []graph.Kind) []graph.Object {
	a := deployAccess(kinds)
	var statements []graph.Object
	if len(a.services) > 0 {
		actions := make([]string, len(a.services))
		for i, s := range a.services {
			actions[i] = s + ":*"
		}
		statements = append(statements, statement("ManageStackServices", actions, graph.String("*")))
	}
	if a.roles {
		statements = append(statements, statement("ManageStackRoles", manageRoleActions, graph.String("*")))
	}
	if len(a.passTo) > 0 {
		statements = append(statements, withCondition(
			statement("PassStackRolesToTheirServices", []string{"iam:PassRole"}, graph.String("*")),
			"StringEquals", "iam:PassedToService", graph.Strings(a.passTo...)))
	}
	if len(a.linkedRoles) > 0 {
		statements = append(statements, withCondition(
			statement("CreateServiceLinkedRoles", []string{"iam:CreateServiceLinkedRole"}, graph.String("*")),
			"StringEquals", "iam:AWSServiceName", graph.Strings(a.linkedRoles...)))
	}
	if a.publicParameters {
		// Public parameters live in no account, hence the empty account
		// field of their ARN.
		statements = append(statements, statement("ReadPublicParameters", []string{"ssm:GetParameter", "ssm:GetParameters"},
			graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(":ssm:"), graph.PseudoRegion,
				graph.String("::parameter/aws/service/*")}))
	}
	return statements
}

// statement allows actions on a resource.
func statement(sid string, actions []string, resource graph.Value) graph.Object {
	var action graph.Value = graph.Strings(actions...)
	if len(actions) == 1 {
		action = graph.String(actions[0])
	}
	return graph.Object{
		{Key: "Sid", Value: graph.String(sid)},
		{Key: "Effect", Value: graph.String("Allow")},
		{Key: "Action", Value: action},
		{Key: "Resource", Value: resource},
	}
}

// withCondition adds a one-key condition to a statement.
func withCondition(s graph.Object, operator, key string, value graph.Value) graph.Object {
	return append(s, graph.Field{Key: "Condition", Value: graph.Object{{Key: operator, Value: graph.Object{{Key: key, Value: value}}}}})
}

// assumedBy is a trust policy that lets one service assume the role.
// CodeBuild documents aws:SourceAccount on the request, which keeps
// another account's project from borrowing the role through the service
// (the confused deputy); CodePipeline and CloudFormation do not document
// it, so their roles trust the service alone and rely on iam:PassRole,
// which only principals of this account can hold.
func assumedBy(service string) graph.Document {
	trust := graph.Object{
		{Key: "Effect", Value: graph.String("Allow")},
		{Key: "Principal", Value: graph.Object{{Key: "Service", Value: graph.String(service)}}},
		{Key: "Action", Value: graph.String("sts:AssumeRole")},
	}
	if service == codeBuildService {
		trust = withCondition(trust, "StringEquals", "aws:SourceAccount", graph.PseudoAccountID)
	}
	return blueprints.PolicyDocument(trust)
}
