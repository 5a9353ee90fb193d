package terraform_test

import (
	"fmt"

	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/generators/terraform"
)

// A component whose ID is its kind becomes the resource "main", references
// become traversals and a Join becomes a template string.
func ExampleGenerator_Generate() {
	g := &graph.Graph{
		Name:       "example",
		Region:     "us-east-1",
		Parameters: []graph.Parameter{{Name: "name", Type: graph.ParamString, Default: graph.String("demo")}},
		Components: []graph.Component{
			{
				ID: "vpc", Kind: graph.KindVPC, Label: "VPC",
				Properties: []graph.Property{{Name: "cidr_block", Value: graph.String("10.0.0.0/16")}},
				Name:       graph.Join{graph.Param("name"), graph.String("-vpc")},
			},
			{
				ID: "public_subnet_a", Kind: graph.KindSubnet, Label: "public subnet, AZ a",
				Properties: []graph.Property{
					{Name: "vpc_id", Value: graph.RefID("vpc")},
					{Name: "cidr_block", Value: graph.String("10.0.0.0/24")},
					{Name: "availability_zone", Value: graph.AZ{Index: 0}},
				},
			},
		},
	}
	files, err := terraform.New().Generate(g)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range files {
		if f.Path == "terraform/main.tf" {
			fmt.Print(string(f.Content))
		}
	}
	// Output:
	// # Regular Availability Zones only; Local and Wavelength Zones need opt-in.
	// data "aws_availability_zones" "available" {
	//   state = "available"
	//
	//   filter {
	//     name   = "opt-in-status"
	//     values = ["opt-in-not-required"]
	//   }
	// }
	//
	// # VPC
	// resource "aws_vpc" "main" {
	//   cidr_block = "10.0.0.0/16"
	//
	//   tags = {
	//     Name = "${var.name}-vpc"
	//   }
	// }
	//
	// # public subnet, AZ a
	// resource "aws_subnet" "public_subnet_a" {
	//   vpc_id            = aws_vpc.main.id
	//   cidr_block        = "10.0.0.0/24"
	//   availability_zone = data.aws_availability_zones.available.names[0]
	// }
}

// Mapping is data: the compare command prints it next to CloudFormation's.
func ExampleMapping() {
	for _, m := range terraform.Mapping()[:3] {
		fmt.Printf("%-16s %-20s tags=%v\n", m.Kind, m.Type, m.Tags)
	}
	// Output:
	// vpc              aws_vpc              tags=true
	// subnet           aws_subnet           tags=true
	// internet_gateway aws_internet_gateway tags=true
}

// Two stacks with the same network share one module; the third reads the
// primary's VPC ID through its module output.
func ExampleGenerator_GenerateBundle() {
	network := func(region string) *graph.Graph {
		return &graph.Graph{
			Region: region,
			Components: []graph.Component{{
				ID: "vpc", Kind: graph.KindVPC,
				Properties: []graph.Property{{Name: "cidr_block", Value: graph.String("10.0.0.0/16")}},
			}},
			Outputs: []graph.Output{{Name: "vpc_id", Value: graph.RefID("vpc")}},
		}
	}
	link := &graph.Graph{
		Region:     "us-east-1",
		Parameters: []graph.Parameter{{Name: "vpc_id", Type: graph.ParamString}},
		Components: []graph.Component{{
			ID: "group", Kind: graph.KindSecurityGroup,
			Properties: []graph.Property{
				{Name: "description", Value: graph.String("example")},
				{Name: "vpc_id", Value: graph.Param("vpc_id")},
			},
		}},
	}
	b := &graph.Bundle{
		Name: "example",
		Stacks: []graph.Stack{
			{Name: "primary", Graph: network("us-east-1")},
			{Name: "dr", Graph: network("us-west-2")},
			{Name: "link", Graph: link, Inputs: []graph.Input{{Parameter: "vpc_id", Stack: "primary", Output: "vpc_id"}}},
		},
	}
	files, err := terraform.New().GenerateBundle(b)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range files {
		fmt.Println(f.Path)
	}
	for _, f := range files {
		if f.Path == "terraform/main.tf" {
			fmt.Print(string(f.Content))
		}
	}
	// Output:
	// terraform/main.tf
	// terraform/modules/link/main.tf
	// terraform/modules/link/outputs.tf
	// terraform/modules/link/variables.tf
	// terraform/modules/link/versions.tf
	// terraform/modules/primary_dr/main.tf
	// terraform/modules/primary_dr/outputs.tf
	// terraform/modules/primary_dr/variables.tf
	// terraform/modules/primary_dr/versions.tf
	// terraform/outputs.tf
	// terraform/providers.tf
	// terraform/variables.tf
	// terraform/versions.tf
	// module "primary" {
	//   source = "./modules/primary_dr"
	//
	//   providers = {
	//     aws = aws.primary
	//   }
	// }
	//
	// module "dr" {
	//   source = "./modules/primary_dr"
	//
	//   providers = {
	//     aws = aws.dr
	//   }
	// }
	//
	// module "link" {
	//   source = "./modules/link"
	//
	//   providers = {
	//     aws = aws.link
	//   }
	//
	//   vpc_id = module.primary.vpc_id
	// }
}
