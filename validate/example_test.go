package validate_test

import (
	"fmt"

	"github.com/scaffold-iac/scaffold/validate"
)

func ExampleTerraform() {
	files := map[string][]byte{
		"versions.tf": []byte(`terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}
`),
		"main.tf": []byte(`resource "aws_subnet" "public_a" {
  vpc_id = aws_vpc.main.id
  cidr   = "10.0.0.0/24"
}
`),
	}
	for _, finding := range validate.Terraform(files) {
		fmt.Println(finding)
	}
	// Output:
	// main.tf:2: aws_subnet.public_a: reference to undeclared resource aws_vpc.main
	// main.tf:3: aws_subnet.public_a: unknown argument "cidr"
}

func ExampleCloudFormation() {
	template := []byte(`Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  PublicSubnetA:
    Type: AWS::EC2::Subnet
    Properties:
      CidrBlock: !GetAtt Vpc.Arnn
`)
	for _, finding := range validate.CloudFormation("vpc.yaml", template) {
		fmt.Println(finding)
	}
	// Output:
	// vpc.yaml:8: PublicSubnetA (AWS::EC2::Subnet): required property "VpcId" is missing
	// vpc.yaml:9: !GetAtt Vpc.Arnn: AWS::EC2::VPC has no attribute "Arnn"
}
