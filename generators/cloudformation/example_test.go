package cloudformation_test

import (
	"fmt"
	"strings"

	"github.com/scaffold-iac/scaffold/generators/cloudformation"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

func ExampleGenerator_Generate() {
	g := &graph.Graph{Blueprint: "example", Description: "One subnet."}
	g.Add(
		graph.Component{ID: "vpc", Kind: graph.KindVPC, Properties: []graph.Property{
			{Name: "cidr_block", Value: graph.String("10.0.0.0/16")},
		}},
		graph.Component{ID: "subnet_a", Kind: graph.KindSubnet, Properties: []graph.Property{
			{Name: "vpc_id", Value: graph.RefID("vpc")},
			{Name: "cidr_block", Value: graph.String("10.0.0.0/24")},
			{Name: "availability_zone", Value: graph.AZ{Index: 0}},
		}},
	)
	g.Outputs = []graph.Output{{Name: "subnet_id", Value: graph.RefID("subnet_a")}}

	files, err := cloudformation.New().Generate(g)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(files[0].Path)
	fmt.Print(string(files[0].Content))
	// Output:
	// cloudformation/example.yaml
	// AWSTemplateFormatVersion: '2010-09-09'
	// Description: One subnet.
	// Resources:
	//   Vpc:
	//     Type: AWS::EC2::VPC
	//     Properties:
	//       CidrBlock: 10.0.0.0/16
	//   SubnetA:
	//     Type: AWS::EC2::Subnet
	//     Properties:
	//       VpcId: !Ref Vpc
	//       CidrBlock: 10.0.0.0/24
	//       AvailabilityZone: !Select [0, !GetAZs '']
	// Outputs:
	//   SubnetId:
	//     Value: !Ref SubnetA
	//     Export:
	//       Name: !Sub '${AWS::StackName}-SubnetId'
}

func ExampleMapping() {
	for _, m := range cloudformation.Mapping() {
		if m.Unsupported != "" {
			fmt.Printf("%s: not expressible\n", m.Kind)
			continue
		}
		if m.MergeInto != nil {
			property, _, _ := strings.Cut(m.MergeInto.Properties[0].Property, ".")
			fmt.Printf("%s: merged into the %s's %s\n", m.Kind, m.MergeInto.Kind, property)
			continue
		}
		for _, r := range m.Resources {
			fmt.Printf("%s: %s <Id>%s\n", m.Kind, r.Type, r.Suffix)
		}
	}
	// Output:
	// vpc: AWS::EC2::VPC <Id>
	// subnet: AWS::EC2::Subnet <Id>
	// internet_gateway: AWS::EC2::InternetGateway <Id>
	// internet_gateway: AWS::EC2::VPCGatewayAttachment <Id>Attachment
	// elastic_ip: AWS::EC2::EIP <Id>
	// nat_gateway: AWS::EC2::NatGateway <Id>
	// route_table: AWS::EC2::RouteTable <Id>
	// route: AWS::EC2::Route <Id>
	// route_table_association: AWS::EC2::SubnetRouteTableAssociation <Id>
	// vpc_gateway_endpoint: AWS::EC2::VPCEndpoint <Id>
	// default_security_group: not expressible
	// log_group: AWS::Logs::LogGroup <Id>
	// iam_role: AWS::IAM::Role <Id>
	// iam_role_policy: AWS::IAM::Policy <Id>
	// flow_log: AWS::EC2::FlowLog <Id>
	// kms_key: AWS::KMS::Key <Id>
	// sns_topic: AWS::SNS::Topic <Id>
	// sns_topic_policy: AWS::SNS::TopicPolicy <Id>
	// sns_subscription: AWS::SNS::Subscription <Id>
	// sqs_queue: AWS::SQS::Queue <Id>
	// sqs_queue_policy: AWS::SQS::QueuePolicy <Id>
	// metric_alarm: AWS::CloudWatch::Alarm <Id>
	// security_group: AWS::EC2::SecurityGroup <Id>
	// security_group_ingress: AWS::EC2::SecurityGroupIngress <Id>
	// security_group_egress: AWS::EC2::SecurityGroupEgress <Id>
	// iam_instance_profile: AWS::IAM::InstanceProfile <Id>
	// iam_role_policy_attachment: merged into the iam_role's ManagedPolicyArns
	// launch_template: AWS::EC2::LaunchTemplate <Id>
	// autoscaling_group: AWS::AutoScaling::AutoScalingGroup <Id>
	// autoscaling_policy: AWS::AutoScaling::ScalingPolicy <Id>
	// autoscaling_schedule: AWS::AutoScaling::ScheduledAction <Id>
	// load_balancer: AWS::ElasticLoadBalancingV2::LoadBalancer <Id>
	// lb_target_group: AWS::ElasticLoadBalancingV2::TargetGroup <Id>
	// lb_listener: AWS::ElasticLoadBalancingV2::Listener <Id>
	// codedeploy_app: AWS::CodeDeploy::Application <Id>
	// codedeploy_deployment_group: AWS::CodeDeploy::DeploymentGroup <Id>
	// s3_bucket: AWS::S3::Bucket <Id>
	// s3_bucket_versioning: merged into the s3_bucket's VersioningConfiguration
	// s3_bucket_encryption: merged into the s3_bucket's BucketEncryption
	// s3_bucket_public_access_block: merged into the s3_bucket's PublicAccessBlockConfiguration
	// s3_bucket_ownership_controls: merged into the s3_bucket's OwnershipControls
	// s3_bucket_policy: AWS::S3::BucketPolicy <Id>
	// codebuild_project: AWS::CodeBuild::Project <Id>
	// codepipeline: AWS::CodePipeline::Pipeline <Id>
	// db_subnet_group: AWS::RDS::DBSubnetGroup <Id>
	// db_instance: AWS::RDS::DBInstance <Id>
	// s3_bucket_replication: merged into the s3_bucket's ReplicationConfiguration
	// route53_health_check: AWS::Route53::HealthCheck <Id>
	// route53_record: AWS::Route53::RecordSet <Id>
	// secret: AWS::SecretsManager::Secret <Id>
	// secret_version: merged into the secret's GenerateSecretString
}

// deploy.sh deploys the stacks in order and passes the primary's VPC ID,
// read from its outputs, to the next stack's parameter.
func ExampleGenerator_GenerateBundle() {
	primary := &graph.Graph{Region: "us-east-1", Description: "A VPC."}
	primary.Add(graph.Component{ID: "vpc", Kind: graph.KindVPC, Properties: []graph.Property{
		{Name: "cidr_block", Value: graph.String("10.0.0.0/16")},
	}})
	primary.Outputs = []graph.Output{{Name: "vpc_id", Value: graph.RefID("vpc")}}
	link := &graph.Graph{Region: "us-west-2", Description: "A security group.",
		Parameters: []graph.Parameter{{Name: "vpc_id", Type: graph.ParamString}}}
	link.Add(graph.Component{ID: "group", Kind: graph.KindSecurityGroup, Properties: []graph.Property{
		{Name: "description", Value: graph.String("example")},
		{Name: "vpc_id", Value: graph.Param("vpc_id")},
	}})
	b := &graph.Bundle{Name: "example", Stacks: []graph.Stack{
		{Name: "primary", Graph: primary},
		{Name: "link", Graph: link, Inputs: []graph.Input{{Parameter: "vpc_id", Stack: "primary", Output: "vpc_id"}}},
	}}

	files, err := cloudformation.New().GenerateBundle(b)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range files {
		fmt.Println(f.Path, f.Mode)
		if f.Path != "cloudformation/deploy.sh" {
			continue
		}
		for _, line := range strings.Split(string(f.Content), "\n") {
			if strings.HasPrefix(line, "deploy \"") || strings.Contains(line, "=\"$(output") || strings.HasPrefix(line, "  \"Parameter") {
				fmt.Println("  " + line)
			}
		}
	}
	// Output:
	// cloudformation/deploy.sh -rwxr-xr-x
	//   deploy "$prefix-primary" "$primary_region" primary.yaml
	//   primary_vpc_id="$(output "$prefix-primary" "$primary_region" VpcId)"
	//     "ParameterKey=VpcId,ParameterValue=$primary_vpc_id"
	//   deploy "$prefix-link" "$link_region" link.yaml
	// cloudformation/destroy.sh -rwxr-xr-x
	// cloudformation/link.yaml ----------
	// cloudformation/primary.yaml ----------
}
