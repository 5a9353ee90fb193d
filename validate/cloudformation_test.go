package validate

import (
	"strings"
	"testing"
)

// cfnTemplate wraps resources (indented YAML under Resources:) and
// optional other sections into a template; line 1 is the version, line 2
// is "Resources:", so the first resource line is line 3.
func cfnTemplate(resources string, sections ...string) string {
	return "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n" + resources + strings.Join(sections, "")
}

// vpcResource is a valid VPC, lines 3-6, for cases that refer to one.
const vpcResource = `  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
`

func TestCloudFormation(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		// Template structure.
		{
			name: "minimal template",
			src:  cfnTemplate(vpcResource),
		},
		{
			name: "syntax error",
			src:  "Resources:\n  Vpc: [\n",
			want: []string{`t.yaml:2: syntax error: sequence end token ']' not found`},
		},
		{
			name: "duplicate key",
			src:  "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n  Vpc:\n    Type: AWS::EC2::VPC\n",
			want: []string{`t.yaml:4: syntax error: mapping key "Vpc" already defined at [2:3]`},
		},
		{
			name: "empty template",
			src:  "# nothing\n",
			want: []string{`t.yaml: the template is empty`},
		},
		{
			name: "two documents",
			src:  cfnTemplate(vpcResource) + "---\n" + cfnTemplate(vpcResource),
			want: []string{`t.yaml: a template must be one YAML document, not 2`},
		},
		{
			name: "not a mapping",
			src:  "- Resources\n",
			want: []string{`t.yaml:1: a template must be a mapping of sections (Resources, Outputs, ...)`},
		},
		{
			name: "unknown section and no resources",
			src:  "AWSTemplateFormatVersion: \"2010-09-09\"\nOutput: {}\n",
			want: []string{
				`t.yaml:1: the template has no Resources section`,
				`t.yaml:2: unknown template section "Output" (did you mean "Outputs"?)`,
			},
		},
		{
			name: "wrong format version",
			src:  "AWSTemplateFormatVersion: 2010-09-10\nResources:\n" + vpcResource,
			want: []string{`t.yaml:1: AWSTemplateFormatVersion must be "2010-09-09", not "2010-09-10"`},
		},

		// Parameters.
		{
			name: "parameters",
			src: cfnTemplate(vpcResource, `Parameters:
  Env:
    Type: String
    Default: dev
    AllowedValues: [dev, prod]
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
  Ami:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
`),
		},
		{
			name: "parameter problems",
			src: cfnTemplate(vpcResource, `Parameters:
  Vpc-Cidr:
    Type: Strng
  Env:
    Default: qa
    AllowedValues: [dev, prod]
    Descripton: Stage.
`),
			want: []string{
				`t.yaml:8: parameter "Vpc-Cidr": name must be alphanumeric (A-Z, a-z, 0-9)`,
				`t.yaml:9: parameter "Vpc-Cidr": unknown parameter type "Strng"`,
				`t.yaml:10: parameter "Env": Type is missing`,
				`t.yaml:11: parameter "Env": Default "qa" is not one of AllowedValues`,
				`t.yaml:13: parameter "Env": unknown key "Descripton" (did you mean "Description"?)`,
			},
		},

		// Resources.
		{
			name: "unknown resource type",
			src:  cfnTemplate("  Vpc:\n    Type: AWS::EC2::VPCC\n"),
			want: []string{`t.yaml:4: Vpc (AWS::EC2::VPCC): unknown resource type "AWS::EC2::VPCC" (did you mean "AWS::EC2::VPC"?)`},
		},
		{
			name: "resource problems",
			src:  cfnTemplate("  Public-Subnet:\n    Properties: {}\n  Vpc:\n    Type: AWS::EC2::VPC\n    Propertes: {}\n    DeletionPolicy: Keep\n"),
			want: []string{
				`t.yaml:3: Public-Subnet: Type is missing`,
				`t.yaml:3: resource "Public-Subnet": logical ID must be alphanumeric (A-Z, a-z, 0-9)`,
				`t.yaml:7: Vpc (AWS::EC2::VPC): unknown resource key "Propertes" (did you mean "Properties"?)`,
				`t.yaml:8: Vpc (AWS::EC2::VPC): DeletionPolicy must be one of "Delete", "Retain", "RetainExceptOnCreate", "Snapshot", not "Keep"`,
			},
		},
		{
			name: "unknown property",
			src:  cfnTemplate("  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlok: 10.0.0.0/16\n      Cidr: 10.0.0.0/16\n"),
			want: []string{
				`t.yaml:6: Vpc (AWS::EC2::VPC): unknown property "CidrBlok" (did you mean "CidrBlock"?)`,
				`t.yaml:7: Vpc (AWS::EC2::VPC): unknown property "Cidr"`,
			},
		},
		{
			name: "required property missing",
			src:  cfnTemplate(vpcResource + "  PublicSubnetA:\n    Type: AWS::EC2::Subnet\n    Properties:\n      CidrBlock: 10.0.0.0/24\n  Igw:\n    Type: AWS::EC2::InternetGateway\n  Attachment:\n    Type: AWS::EC2::VPCGatewayAttachment\n"),
			want: []string{
				`t.yaml:9: PublicSubnetA (AWS::EC2::Subnet): required property "VpcId" is missing`,
				`t.yaml:13: Attachment (AWS::EC2::VPCGatewayAttachment): required property "VpcId" is missing`,
			},
		},
		{
			name: "nested property types",
			src: cfnTemplate(vpcResource + `  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: App.
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: "443"
          CidrIp: 0.0.0.0/0
      Tags:
        - Key: Name
          Value: app
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "1"
      MaxSize: "2"
      VPCZoneIdentifier: [subnet-1]
      LaunchTemplate:
        LaunchTemplateId: lt-1
        Version: "1"
      Tags:
        - Key: Name
          Value: app
          PropagateAtLaunch: true
`),
		},
		{
			name: "nested property type problems",
			src: cfnTemplate(vpcResource + `  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: App.
      SecurityGroupIngress:
        - FromPort: 443
          Port: 443
      Tags:
        - Key: Name
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: 1
      MaxSize: 2
      Tags:
        - Key: Name
          Value: app
`),
			want: []string{
				`t.yaml:12: Sg (AWS::EC2::SecurityGroup): SecurityGroupIngress[0]: required property "IpProtocol" is missing`,
				`t.yaml:13: Sg (AWS::EC2::SecurityGroup): SecurityGroupIngress[0]: unknown property "Port"`,
				`t.yaml:15: Sg (AWS::EC2::SecurityGroup): Tags[0]: required property "Value" is missing`,
				`t.yaml:22: Asg (AWS::AutoScaling::AutoScalingGroup): Tags[0]: required property "PropagateAtLaunch" is missing`,
			},
		},
		{
			name: "list, map and object shapes",
			src: cfnTemplate(`  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: [10.0.0.0/16]
      Tags:
        Key: Name
        Value: vpc
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: x
      Tags: [a, b]
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: enabled
`),
			want: []string{
				`t.yaml:6: Vpc (AWS::EC2::VPC): CidrBlock: expected a String, got a list`,
				`t.yaml:8: Vpc (AWS::EC2::VPC): Tags: expected a list, got a mapping`,
				`t.yaml:15: Param (AWS::SSM::Parameter): Tags: expected a mapping, got a list`,
				`t.yaml:19: Lt (AWS::EC2::LaunchTemplate): LaunchTemplateData: expected a mapping of properties, got "enabled"`,
			},
		},
		{
			name: "primitive values CloudFormation converts",
			src: cfnTemplate(`  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
      EnableDnsSupport: "true"
      EnableDnsHostnames: false
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: "30"
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: 0x0
      MessageRetentionPeriod: 345600
      VisibilityTimeout: 30
  Alarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      ComparisonOperator: GreaterThanThreshold
      EvaluationPeriods: 1
      Threshold: "0.5"
      DatapointsToAlarm: 1
      MetricName: CPUUtilization
      Namespace: AWS/EC2
      Statistic: Average
      Period: 60
`),
		},
		{
			name: "primitive values of the wrong type",
			src: cfnTemplate(`  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      EnableDnsSupport: "yes"
      CidrBlock:
        Block: 10.0.0.0/16
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: a month
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: 1.5
      VisibilityTimeout: true
  Alarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      ComparisonOperator: GreaterThanThreshold
      EvaluationPeriods: 1
      Threshold: half
      ActionsEnabled:
`),
			want: []string{
				`t.yaml:6: Vpc (AWS::EC2::VPC): EnableDnsSupport: expected a Boolean (true or false), got "yes"`,
				`t.yaml:8: Vpc (AWS::EC2::VPC): CidrBlock: expected a String, got a mapping`,
				`t.yaml:12: Logs (AWS::Logs::LogGroup): RetentionInDays: expected an Integer, got "a month"`,
				`t.yaml:16: Queue (AWS::SQS::Queue): DelaySeconds: expected an Integer, got the number 1.5`,
				`t.yaml:17: Queue (AWS::SQS::Queue): VisibilityTimeout: expected an Integer, got the boolean true`,
				`t.yaml:23: Alarm (AWS::CloudWatch::Alarm): Threshold: expected a Double (a number), got "half"`,
				`t.yaml:24: Alarm (AWS::CloudWatch::Alarm): ActionsEnabled: has no value`,
			},
		},
		{
			name: "allowed values",
			src: cfnTemplate(vpcResource + `  FlowLog:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref Vpc
      ResourceType: VPC
      TrafficType: EVERYTHING
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 31
`),
			want: []string{
				`t.yaml:12: FlowLog (AWS::EC2::FlowLog): TrafficType: "EVERYTHING" is not one of "ACCEPT", "ALL", "REJECT"`,
				`t.yaml:16: Logs (AWS::Logs::LogGroup): RetentionInDays: "31" is not one of "1", "3", "5", "7", "14", "30", "60", "90", "120", "150", "180", "365", "400", "545", "731", "1096", "1827", "2192", "2557", "2922", "3288", "3653"`,
			},
		},
		{
			name: "union types accept every member",
			src: cfnTemplate(`  Dlq:
    Type: AWS::SQS::Queue
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt Dlq.Arn
        maxReceiveCount: 5
  Queue2:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy: '{"maxReceiveCount": 5}'
`),
		},
		{
			name: "union type matching no member",
			src: cfnTemplate(`  Api:
    Type: AWS::Serverless::HttpApi
    Properties:
      CorsConfiguration: true
  Api2:
    Type: AWS::Serverless::HttpApi
    Properties:
      CorsConfiguration:
        AllowOrigins: ["https://example.com"]
  Api3:
    Type: AWS::Serverless::HttpApi
    Properties:
      CorsConfiguration: maybe
`, "Transform: AWS::Serverless-2016-10-31\n"),
			want: []string{`t.yaml:15: Api3 (AWS::Serverless::HttpApi): CorsConfiguration: expected a Boolean (true or false), got "maybe"`},
		},
		{
			name: "custom resource",
			src:  cfnTemplate("  Thing:\n    Type: Custom::Thing\n    Properties:\n      Anything: 1\n  Other:\n    Type: AWS::CloudFormation::CustomResource\n    Properties:\n      Size: 1\n"),
			want: []string{
				`t.yaml:3: Thing (Custom::Thing): required property "ServiceToken" is missing`,
				`t.yaml:7: Other (AWS::CloudFormation::CustomResource): required property "ServiceToken" is missing`,
			},
		},
		{
			name: "resource that needs a transform",
			src:  cfnTemplate("  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n      CodeUri: src/\n"),
			want: []string{`t.yaml:4: Fn (AWS::Serverless::Function): this type needs Transform: AWS::Serverless-2016-10-31`},
		},

		// Ref.
		{
			name: "refs that resolve",
			src: cfnTemplate(`  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: !Ref Cidr
      Tags:
        - Key: Stack
          Value: !Ref AWS::StackName
        - Key: Region
          Value: {Ref: "AWS::Region"}
`, "Parameters:\n  Cidr:\n    Type: String\n"),
		},
		{
			name: "ref to nothing",
			src:  cfnTemplate(vpcResource + "  Igw:\n    Type: AWS::EC2::InternetGateway\n  Attach:\n    Type: AWS::EC2::VPCGatewayAttachment\n    Properties:\n      VpcId: !Ref Vcp\n      InternetGatewayId:\n        Ref: IGW\n"),
			want: []string{
				`t.yaml:12: !Ref Vcp: "Vcp" is not a parameter, resource or pseudo parameter (did you mean "Vpc"?)`,
				`t.yaml:14: Ref IGW: "IGW" is not a parameter, resource or pseudo parameter (did you mean "Igw"?)`,
			},
		},
		{
			name: "ref with a bad argument",
			src:  cfnTemplate("  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Ref [a, b]\n"),
			want: []string{`t.yaml:6: !Ref needs the name of a parameter, resource or pseudo parameter, not a list`},
		},

		// GetAtt.
		{
			name: "getatt in both forms",
			src:  cfnTemplate(vpcResource + "  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: x\n      VpcId: !GetAtt Vpc.VpcId\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 443\n          ToPort: 443\n          CidrIp: !GetAtt [Vpc, CidrBlock]\n        - IpProtocol: tcp\n          FromPort: 80\n          ToPort: 80\n          CidrIp:\n            Fn::GetAtt: [Vpc, CidrBlock]\n"),
		},
		{
			name: "getatt problems",
			src:  cfnTemplate(vpcResource+"  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: !GetAtt Vpc.Arnn\n      VpcId: !GetAtt Vcp.VpcId\n      Tags:\n        - Key: a\n          Value: !GetAtt [Cidr, Value]\n        - Key: b\n          Value: !GetAtt Vpc\n", "Parameters:\n  Cidr:\n    Type: String\n"),
			want: []string{
				`t.yaml:10: !GetAtt Vpc.Arnn: AWS::EC2::VPC has no attribute "Arnn"`,
				`t.yaml:11: !GetAtt Vcp.VpcId: "Vcp" is not a resource in this template (did you mean "Vpc"?)`,
				`t.yaml:14: !GetAtt Cidr.Value: "Cidr" is a parameter, not a resource; use !Ref`,
				`t.yaml:16: !GetAtt takes Resource.Attribute or [Resource, Attribute], not "Vpc"`,
			},
		},
		{
			name: "getatt of dotted and nested stack attributes",
			src:  cfnTemplate("  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBInstanceClass: db.t3.micro\n  Nested:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://example.com/t.yaml\n", "Outputs:\n  Endpoint:\n    Value: !GetAtt Db.Endpoint.Address\n  Child:\n    Value: !GetAtt Nested.Outputs.VpcId\n"),
		},

		// Sub.
		{
			name: "sub references",
			src: cfnTemplate(vpcResource+`  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub "/${Name}/${Vpc}/${AWS::Region}/${!NotARef}/${Vpc.CidrBlock}"
  Logs2:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub
        - "/${Prefix}/${Name}"
        - Prefix: !Ref AWS::StackName
`, "Parameters:\n  Name:\n    Type: String\n"),
		},
		{
			name: "sub problems",
			src: cfnTemplate(vpcResource+`  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub "/${Nmae}/${Vpc.Arn}"
  Logs2:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub |
        first line
        /${Prefix}/${Name}
  Logs3:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName:
        Fn::Sub: ["${Missing}", {Other: x}]
`, "Parameters:\n  Name:\n    Type: String\n"),
			want: []string{
				`t.yaml:10: !Sub ${Nmae}: "Nmae" is not a parameter, resource or pseudo parameter (did you mean "Name"?)`,
				`t.yaml:10: !Sub ${Vpc.Arn}: AWS::EC2::VPC has no attribute "Arn"`,
				`t.yaml:16: !Sub ${Prefix}: "Prefix" is not a parameter, resource or pseudo parameter`,
				`t.yaml:21: Fn::Sub ${Missing}: "Missing" is not a parameter, resource or pseudo parameter`,
			},
		},

		// DependsOn, conditions and outputs.
		{
			name: "depends on",
			src:  cfnTemplate(vpcResource + "  Igw:\n    Type: AWS::EC2::InternetGateway\n    DependsOn: [Vpc, Gateway, Igw]\n  Eip:\n    Type: AWS::EC2::EIP\n    DependsOn: Igw\n"),
			want: []string{
				`t.yaml:9: Igw (AWS::EC2::InternetGateway): DependsOn "Gateway" is not a resource in this template`,
				`t.yaml:9: Igw (AWS::EC2::InternetGateway): a resource cannot depend on itself`,
			},
		},
		{
			name: "conditions",
			src: cfnTemplate(vpcResource+`  Logs:
    Type: AWS::Logs::LogGroup
    Condition: IsProd
    Properties:
      RetentionInDays: !If [IsProd, 365, !Ref AWS::NoValue]
`, `Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsEu: !Equals [!Ref "AWS::Region", eu-west-1]
  IsProdEu: !And [!Condition IsProd, {Condition: IsEu}]
`),
		},
		{
			name: "condition problems",
			src: cfnTemplate(vpcResource+`  Logs:
    Type: AWS::Logs::LogGroup
    Condition: IsProdd
    Properties:
      RetentionInDays: !If [IsTest, 365, 7]
      LogGroupName: !If [IsProd, [a], b]
`, `Conditions:
  IsProd: !Equals [!Ref Vpc, prod]
  Both: !And [!Condition IsProd, !Ref Vpc]
  Plain: yes
`),
			want: []string{
				`t.yaml:9: Logs (AWS::Logs::LogGroup): condition "IsProdd" is not declared in Conditions (did you mean "IsProd"?)`,
				`t.yaml:11: !If IsTest: condition "IsTest" is not declared in Conditions`,
				`t.yaml:12: Logs (AWS::Logs::LogGroup): LogGroupName: expected a String, got a list`,
				`t.yaml:14: !Ref Vpc: conditions can refer only to parameters and pseudo parameters, and "Vpc" is a resource`,
				`t.yaml:15: !And takes conditions (Fn::Equals, Condition, ...), not !Ref`,
				`t.yaml:15: !Ref Vpc: conditions can refer only to parameters and pseudo parameters, and "Vpc" is a resource`,
				`t.yaml:16: condition "Plain": must be Fn::And, Fn::Equals, Fn::Not, Fn::Or or Condition, not "yes"`,
			},
		},
		{
			name: "outputs",
			src:  cfnTemplate(vpcResource, "Outputs:\n  VpcId:\n    Value: !Ref Vpc\n    Export:\n      Name: !Sub \"${AWS::StackName}-VpcId\"\n  Vpc-Cidr:\n    Value: !GetAtt Vpc.CidrBlock\n  Nothing:\n    Description: No value.\n  Empty:\n    Value:\n    Export: {}\n"),
			want: []string{
				`t.yaml:12: output "Vpc-Cidr": name must be alphanumeric (A-Z, a-z, 0-9)`,
				`t.yaml:14: output "Nothing": Value is missing`,
				`t.yaml:17: output "Empty": Value is empty`,
				`t.yaml:18: output "Empty": Export needs a Name`,
			},
		},

		// Functions.
		{
			name: "functions that return a list or a string",
			src:  cfnTemplate(vpcResource + "  Subnet:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      AvailabilityZone: !GetAZs \"\"\n  Endpoint:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      VpcId: !Ref Vpc\n      ServiceName: s3\n      RouteTableIds: !Join [\",\", [a, b]]\n      SubnetIds: !Ref Vpc\n"),
			want: []string{
				`t.yaml:11: Subnet (AWS::EC2::Subnet): AvailabilityZone: !GetAZs returns a list, but a String is expected`,
				`t.yaml:17: Endpoint (AWS::EC2::VPCEndpoint): RouteTableIds: !Join returns a string, but a list is expected`,
				`t.yaml:18: Endpoint (AWS::EC2::VPCEndpoint): SubnetIds: !Ref returns a string, but a list is expected`,
			},
		},
		{
			name: "function arguments",
			src:  cfnTemplate("  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Select [0]\n      Tags:\n        - Key: !Join [\",\", a]\n          Value: !FindInMap [Cidrs, Vpcs, Default]\n        - Key: b\n          Value: !FindInMap [Cidr, Vpc, Default]\n        - Key: c\n          Value: {\"Fn::Lower\": x}\n", "Mappings:\n  Cidrs:\n    Vpc:\n      Default: 10.0.0.0/16\n"),
			want: []string{
				`t.yaml:6: !Select takes a list: [index, list]`,
				`t.yaml:8: !Join: the values to join must be a list, not "a"`,
				`t.yaml:9: !FindInMap: mapping "Cidrs" has no key "Vpcs"`,
				`t.yaml:11: !FindInMap: mapping "Cidr" is not declared in Mappings (did you mean "Cidrs"?)`,
				`t.yaml:13: unknown intrinsic function "Fn::Lower"`,
			},
		},
		{
			name: "yaml features CloudFormation lacks",
			src:  cfnTemplate("  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: &cidr 10.0.0.0/16\n      Tags:\n        - Key: Cidr\n          Value: *cidr\n        - Key: x\n          Value: !Lower x\n"),
			want: []string{
				`t.yaml:9: YAML aliases (*cidr) are not allowed in CloudFormation templates`,
				`t.yaml:11: unknown tag !Lower`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertFindings(t, CloudFormation("t.yaml", []byte(tt.src)), tt.want)
		})
	}
}
