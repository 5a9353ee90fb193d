package validate

import (
	"slices"
	"strings"
	"testing"
)

// versionsTF is the required_providers block every root module needs; the
// table cases add it so that each case shows only its own findings.
const versionsTF = `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}
`

// findingStrings renders findings the way users see them.
func findingStrings(findings []Finding) []string {
	out := make([]string, len(findings))
	for i, f := range findings {
		out[i] = f.String()
	}
	return out
}

// assertFindings compares findings with the expected file:line: message
// strings, in order.
func assertFindings(t *testing.T, got []Finding, want []string) {
	t.Helper()
	gotText := findingStrings(got)
	if !slices.Equal(gotText, want) {
		t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(gotText, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestTerraform(t *testing.T) {
	tests := []struct {
		name string
		src  string // main.tf, checked beside versionsTF
		want []string
	}{
		// Resource and data source types.
		{
			name: "known resource type",
			src:  `resource "aws_internet_gateway" "main" {}`,
		},
		{
			name: "unknown resource type",
			src:  `resource "aws_vpcc" "main" {}`,
			want: []string{`main.tf:1: aws_vpcc.main: unknown resource type "aws_vpcc" (did you mean "aws_vpc"?)`},
		},
		{
			name: "unknown data source type",
			src:  `data "aws_availability_zone_list" "all" {}`,
			want: []string{`main.tf:1: data.aws_availability_zone_list.all: unknown data source type "aws_availability_zone_list" (did you mean "aws_availability_zones"?)`},
		},
		{
			name: "built-in terraform_data",
			src:  "resource \"terraform_data\" \"marker\" {\n  input = { a = 1 }\n}",
		},

		// Arguments.
		{
			name: "unknown argument",
			src:  "resource \"aws_subnet\" \"public_a\" {\n  vpc_id = \"vpc-1\"\n  cidr   = \"10.0.0.0/24\"\n}",
			want: []string{`main.tf:3: aws_subnet.public_a: unknown argument "cidr"`},
		},
		{
			name: "unknown argument with a suggestion",
			src:  "resource \"aws_subnet\" \"public_a\" {\n  vpc_id     = \"vpc-1\"\n  cidr_blok = \"10.0.0.0/24\"\n}",
			want: []string{`main.tf:3: aws_subnet.public_a: unknown argument "cidr_blok" (did you mean "cidr_block"?)`},
		},
		{
			name: "read-only attribute set",
			src:  "resource \"aws_vpc\" \"main\" {\n  arn = \"arn:aws:ec2:::vpc/x\"\n}",
			want: []string{`main.tf:2: aws_vpc.main: "arn" is read-only: the provider computes it and a configuration cannot set it`},
		},
		{
			name: "optional and computed attribute set",
			src:  "resource \"aws_vpc\" \"main\" {\n  region = \"eu-west-1\"\n}",
		},
		{
			name: "required argument missing",
			src:  "resource \"aws_subnet\" \"public_a\" {\n  cidr_block = \"10.0.0.0/24\"\n}",
			want: []string{`main.tf:1: aws_subnet.public_a: required argument "vpc_id" is missing`},
		},
		{
			name: "required argument in a nested block missing",
			src:  "data \"aws_iam_policy_document\" \"p\" {\n  statement {\n    condition {\n      test = \"Bool\"\n      values = [\"true\"]\n    }\n  }\n}",
			want: []string{`main.tf:3: data.aws_iam_policy_document.p.statement.condition: required argument "variable" is missing`},
		},

		// Nested blocks.
		{
			name: "nested block",
			src:  "resource \"aws_launch_template\" \"app\" {\n  metadata_options {\n    http_tokens = \"required\"\n  }\n}",
		},
		{
			name: "unknown nested block",
			src:  "resource \"aws_vpc\" \"main\" {\n  metadata_options {}\n}",
			want: []string{`main.tf:2: aws_vpc.main: unknown block "metadata_options"`},
		},
		{
			name: "unknown argument in a nested block",
			src:  "resource \"aws_launch_template\" \"app\" {\n  metadata_options {\n    http_token = \"required\"\n  }\n}",
			want: []string{`main.tf:3: aws_launch_template.app.metadata_options: unknown argument "http_token" (did you mean "http_tokens"?)`},
		},
		{
			name: "block written as an argument",
			src:  "resource \"aws_launch_template\" \"app\" {\n  metadata_options = { http_tokens = \"required\" }\n}",
			want: []string{`main.tf:2: aws_launch_template.app: "metadata_options" is a block, not an argument; write metadata_options { ... }`},
		},
		{
			name: "argument written as a block",
			src:  "resource \"aws_vpc\" \"main\" {\n  tags {\n    Name = \"x\"\n  }\n}",
			want: []string{`main.tf:2: aws_vpc.main: "tags" is an argument, not a block; write tags = ...`},
		},
		{
			name: "max_items 1 block repeated",
			src:  "resource \"aws_launch_template\" \"app\" {\n  metadata_options {}\n  metadata_options {}\n}",
			want: []string{`main.tf:3: aws_launch_template.app: block "metadata_options" may appear only once`},
		},
		{
			name: "min_items 1 block missing",
			src:  "resource \"aws_codebuild_project\" \"p\" {\n  name         = \"p\"\n  service_role = \"arn\"\n  artifacts {\n    type = \"NO_ARTIFACTS\"\n  }\n  environment {\n    compute_type = \"BUILD_GENERAL1_SMALL\"\n    image        = \"aws/codebuild/standard:7.0\"\n    type         = \"LINUX_CONTAINER\"\n  }\n}",
			want: []string{`main.tf:1: aws_codebuild_project.p: required block "source" is missing`},
		},
		{
			name: "attribute of list of objects written as blocks",
			src:  "resource \"aws_security_group\" \"app\" {\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = \"-1\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}",
		},
		{
			name: "dynamic block",
			src:  "resource \"aws_launch_template\" \"app\" {\n  dynamic \"block_device_mappings\" {\n    for_each = [\"/dev/xvda\"]\n    iterator = device\n    content {\n      device_name = device.value\n      ebs {\n        volume_size = 20\n      }\n    }\n  }\n}",
		},
		{
			name: "dynamic block of an unknown type, and a bad value in its content",
			src:  "resource \"aws_launch_template\" \"app\" {\n  dynamic \"disks\" {\n    for_each = [1]\n    content {}\n  }\n  dynamic \"block_device_mappings\" {\n    for_each = [1]\n    content {\n      ebs {\n        volume_size = \"big\"\n      }\n    }\n  }\n}",
			want: []string{
				`main.tf:2: aws_launch_template.app: dynamic block generates unknown block "disks"`,
				`main.tf:10: aws_launch_template.app.block_device_mappings.ebs: invalid value for "volume_size": a number is required`,
			},
		},

		// Literal types.
		{
			name: "literals that convert",
			src:  "resource \"aws_vpc\" \"main\" {\n  enable_dns_support = \"true\"\n  tags = { Port = 80 }\n}\nresource \"aws_security_group_rule\" \"r\" {\n  type = \"ingress\"\n  security_group_id = \"sg-1\"\n  protocol = \"tcp\"\n  from_port = \"443\"\n  to_port = -1\n}",
		},
		{
			name: "string where a bool is expected",
			src:  "resource \"aws_vpc\" \"main\" {\n  enable_dns_support = \"yes\"\n}",
			want: []string{`main.tf:2: aws_vpc.main: invalid value for "enable_dns_support": a bool is required`},
		},
		{
			name: "string where a number is expected",
			src:  "resource \"aws_cloudwatch_log_group\" \"logs\" {\n  retention_in_days = \"a month\"\n}",
			want: []string{`main.tf:2: aws_cloudwatch_log_group.logs: invalid value for "retention_in_days": a number is required`},
		},
		{
			name: "string where a list is expected",
			src:  "resource \"aws_vpc_endpoint\" \"s3\" {\n  vpc_id = \"vpc-1\"\n  service_name = \"s3\"\n  route_table_ids = \"rtb-1\"\n}",
			want: []string{`main.tf:4: aws_vpc_endpoint.s3: invalid value for "route_table_ids": set of string required, but have string`},
		},
		{
			name: "list where a map is expected",
			src:  "resource \"aws_vpc\" \"main\" {\n  tags = [\"a\"]\n}",
			want: []string{`main.tf:2: aws_vpc.main: invalid value for "tags": map of string required`},
		},
		{
			name: "interpolated template where a list is expected",
			src:  "variable \"id\" {\n  type = string\n  description = \"x\"\n}\nresource \"aws_vpc_endpoint\" \"s3\" {\n  vpc_id = \"vpc-1\"\n  service_name = \"s3\"\n  route_table_ids = \"${var.id}\"\n}\nresource \"aws_vpc_endpoint\" \"s4\" {\n  vpc_id = \"vpc-1\"\n  service_name = \"s3\"\n  route_table_ids = \"rtb-${var.id}\"\n}",
			want: []string{`main.tf:13: aws_vpc_endpoint.s4: invalid value for "route_table_ids": set of string required, but have string`},
		},
		{
			name: "expressions are not type-checked",
			src:  "resource \"aws_vpc\" \"main\" {\n  enable_dns_support = length(\"x\") > 0\n  tags = merge({}, { a = \"b\" })\n}",
		},
		{
			name: "object missing an attribute of a list of objects",
			src:  "resource \"aws_security_group\" \"app\" {\n  ingress = [{ from_port = 443, to_port = 443, protocol = \"tcp\" }]\n}",
			want: []string{`main.tf:2: aws_security_group.app: invalid value for "ingress": element 0: attributes "cidr_blocks", "description", "ipv6_cidr_blocks", "prefix_list_ids", "security_groups", and "self" are required`},
		},

		// Meta-arguments.
		{
			name: "meta-arguments",
			src:  "resource \"aws_eip\" \"nat\" {\n  count = 2\n  domain = \"vpc\"\n  depends_on = [aws_internet_gateway.main]\n  lifecycle {\n    create_before_destroy = true\n    ignore_changes = [tags]\n  }\n}\nresource \"aws_internet_gateway\" \"main\" {\n  for_each = toset([\"a\"])\n}",
		},
		{
			name: "count and for_each together",
			src:  "resource \"aws_eip\" \"nat\" {\n  count = 1\n  for_each = { a = 1 }\n}",
			want: []string{`main.tf:3: aws_eip.nat: "count" and "for_each" cannot both be set`},
		},
		{
			name: "for_each over a list",
			src:  "resource \"aws_eip\" \"nat\" {\n  for_each = [\"a\", \"b\"]\n}",
			want: []string{`main.tf:2: aws_eip.nat: for_each must be a map or a set of strings, not a tuple; wrap a list in toset()`},
		},
		{
			name: "count that is not a number",
			src:  "resource \"aws_eip\" \"nat\" {\n  count = \"two\"\n}",
			want: []string{`main.tf:2: aws_eip.nat: invalid value for "count": a number is required`},
		},
		{
			name: "lifecycle problems",
			src:  "resource \"aws_vpc\" \"main\" {\n  lifecycle {\n    prevent_destory = true\n    ignore_changes = [tagz]\n  }\n}",
			want: []string{
				`main.tf:3: aws_vpc.main.lifecycle: unknown argument "prevent_destory"`,
				`main.tf:4: aws_vpc.main.lifecycle: ignore_changes names "tagz", which aws_vpc does not have`,
			},
		},
		{
			name: "self in provisioners only",
			src:  "resource \"aws_eip\" \"nat\" {\n  tags = { Id = self.id }\n  provisioner \"local-exec\" {\n    command = \"echo ${self.public_ip}\"\n  }\n}",
			want: []string{`main.tf:2: aws_eip.nat: self can be used only in provisioners, connections and postconditions`},
		},
		{
			name: "provider alias",
			src:  "provider \"aws\" {\n  alias = \"west\"\n  region = \"us-west-2\"\n}\nresource \"aws_vpc\" \"a\" {\n  provider = aws.west\n}\nresource \"aws_vpc\" \"b\" {\n  provider = aws.east\n}",
			want: []string{`main.tf:9: aws_vpc.b: no provider "aws" block has alias "east"`},
		},
		{
			name: "depends_on targets",
			src:  "resource \"aws_eip\" \"nat\" {\n  depends_on = [\n    aws_internet_gateway.main,\n    \"aws_vpc.main\",\n    aws_vpc.main.id,\n  ]\n}\nresource \"aws_vpc\" \"main\" {}",
			want: []string{
				`main.tf:3: aws_eip.nat: depends_on refers to aws_internet_gateway.main, which is not declared`,
				`main.tf:4: aws_eip.nat: depends_on entries must be references such as aws_vpc.main, not strings or expressions`,
				`main.tf:5: aws_eip.nat: depends_on must name a whole resource, data source or module, not aws_vpc.main.id`,
			},
		},

		// References.
		{
			name: "references that resolve",
			src: `variable "azs" {
  type        = list(string)
  description = "Zones."
}
locals {
  first = var.azs[0]
}
data "aws_availability_zones" "available" {}
resource "aws_vpc" "main" {}
resource "aws_subnet" "a" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  availability_zone = data.aws_availability_zones.available.names[count.index]
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
  tags              = { Zone = local.first, Path = path.module }
}
resource "aws_route_table_association" "a" {
  for_each       = { for i, s in aws_subnet.a : i => s.id }
  subnet_id      = each.value
  route_table_id = aws_subnet.a[0].id
}
output "subnets" {
  description = "Subnets."
  value       = [aws_subnet.a[*].arn, aws_subnet.a[var.azs[0] == "" ? 0 : 1].id]
}`,
		},
		{
			name: "undeclared variable and local",
			src:  "resource \"aws_vpc\" \"main\" {\n  cidr_block = var.vpc_cidr\n  tags = { Name = local.name }\n}",
			want: []string{
				`main.tf:2: aws_vpc.main: reference to undeclared input variable "vpc_cidr"`,
				`main.tf:3: aws_vpc.main: reference to undeclared local value "name"`,
			},
		},
		{
			name: "undeclared resource and data source",
			src:  "resource \"aws_subnet\" \"a\" {\n  vpc_id = aws_vpc.main.id\n  availability_zone = data.aws_availability_zones.available.names[0]\n}",
			want: []string{
				`main.tf:2: aws_subnet.a: reference to undeclared resource aws_vpc.main`,
				`main.tf:3: aws_subnet.a: reference to undeclared data source data.aws_availability_zones.available`,
			},
		},
		{
			name: "unknown attribute of a resource and of a data source",
			src:  "resource \"aws_vpc\" \"main\" {}\ndata \"aws_availability_zones\" \"available\" {}\nresource \"aws_subnet\" \"a\" {\n  vpc_id = aws_vpc.main.idd\n  availability_zone = data.aws_availability_zones.available.zones[0]\n}",
			want: []string{
				`main.tf:4: aws_subnet.a: aws_vpc.main has no attribute "idd" (did you mean "id"?)`,
				`main.tf:5: aws_subnet.a: data.aws_availability_zones.available has no attribute "zones"`,
			},
		},
		{
			name: "unknown attribute after an expression key and a splat",
			src:  "resource \"aws_eip\" \"nat\" {\n  for_each = toset([\"a\"])\n}\noutput \"ips\" {\n  description = \"x\"\n  value = [aws_eip.nat[\"a\"].public_ipp, aws_eip.nat[each.key].public_ipp, values(aws_eip.nat)[*].public_ip]\n}\noutput \"ids\" {\n  description = \"x\"\n  value = aws_eip.nat[*].idd\n}",
			want: []string{
				`main.tf:6: output.ips: aws_eip.nat has no attribute "public_ipp" (did you mean "public_ip"?)`,
				`main.tf:6: output.ips: aws_eip.nat has no attribute "public_ipp" (did you mean "public_ip"?)`,
				`main.tf:6: output.ips: each.key can be used only in a block that sets for_each`,
				`main.tf:10: output.ids: aws_eip.nat has no attribute "idd" (did you mean "id"?)`,
			},
		},
		{
			name: "attribute inside a nested block and an object",
			src:  "resource \"aws_launch_template\" \"app\" {}\nresource \"aws_security_group\" \"app\" {}\noutput \"o\" {\n  description = \"x\"\n  value = [aws_launch_template.app.metadata_options[0].http_tokenz, aws_security_group.app.ingress[0].port]\n}",
			want: []string{
				`main.tf:5: output.o: aws_launch_template.app.metadata_options[0] has no attribute "http_tokenz" (did you mean "http_tokens"?)`,
				`main.tf:5: output.o: aws_security_group.app.ingress[0] has no attribute "port"`,
			},
		},
		{
			name: "instance keys",
			src:  "resource \"aws_vpc\" \"main\" {}\nresource \"aws_subnet\" \"a\" {\n  count = 2\n  vpc_id = aws_vpc.main[0].id\n}\nresource \"aws_subnet\" \"b\" {\n  vpc_id = aws_subnet.a.vpc_id\n}",
			want: []string{
				`main.tf:4: aws_subnet.a: aws_vpc.main has neither "count" nor "for_each", so it takes no instance key`,
				`main.tf:7: aws_subnet.b: aws_subnet.a has "count" set, so its attributes must be read from one instance, such as aws_subnet.a[0]`,
			},
		},
		{
			name: "each and count outside their blocks",
			src:  "resource \"aws_vpc\" \"main\" {\n  tags = { a = each.key, b = count.index }\n}",
			want: []string{
				`main.tf:2: aws_vpc.main: each.key can be used only in a block that sets for_each`,
				`main.tf:2: aws_vpc.main: count.index can be used only in a block that sets count`,
			},
		},
		{
			name: "for expression symbols are scoped",
			src:  "variable \"names\" {\n  type = list(string)\n  description = \"x\"\n}\noutput \"o\" {\n  description = \"x\"\n  value = [for name in var.names : upper(name) if name != \"\"]\n}\noutput \"p\" {\n  description = \"x\"\n  value = [for name in name.list : name]\n}",
			want: []string{`main.tf:11: output.p: reference to undeclared resource name.list`},
		},
		{
			// cidrsubnet and cidrsubnets are equally close: no suggestion.
			name: "unknown function",
			src:  "resource \"aws_vpc\" \"main\" {\n  cidr_block = cidrsubnett(\"10.0.0.0/8\", 8, 1)\n  tags = { a = lowerr(\"A\") }\n}",
			want: []string{
				`main.tf:2: aws_vpc.main: unknown function "cidrsubnett"`,
				`main.tf:3: aws_vpc.main: unknown function "lowerr" (did you mean "lower"?)`,
			},
		},

		// Variables and outputs.
		{
			name: "variable without type or description",
			src:  "variable \"name\" {\n  default = \"demo\"\n}",
			want: []string{
				`main.tf:1: var.name: variable has no description`,
				`main.tf:1: var.name: variable has no type`,
			},
		},
		{
			name: "variable default of the wrong type",
			src:  "variable \"az_count\" {\n  type = number\n  description = \"How many zones.\"\n  default = \"two\"\n}",
			want: []string{`main.tf:4: var.az_count: invalid value for "default": a number is required`},
		},
		{
			name: "variable with an invalid type",
			src:  "variable \"azs\" {\n  type = lists(string)\n  description = \"Zones.\"\n}",
			want: []string{`main.tf:2: var.azs: invalid type: Keyword "lists" is not a valid type constructor.`},
		},
		{
			name: "output without value",
			src:  "output \"vpc_id\" {\n  description = \"VPC.\"\n}",
			want: []string{`main.tf:1: output.vpc_id: output has no value`},
		},

		// Providers.
		{
			name: "provider block",
			src:  "provider \"aws\" {\n  region = \"eu-west-1\"\n  default_tags {\n    tags = { Project = \"demo\" }\n  }\n}",
		},
		{
			name: "provider block with an unknown argument",
			src:  "provider \"aws\" {\n  regoin = \"eu-west-1\"\n}",
			want: []string{`main.tf:2: provider.aws: unknown argument "regoin" (did you mean "region"?)`},
		},
		{
			name: "provider other than aws",
			src:  "provider \"random\" {}",
			want: []string{`main.tf:1: provider.random: unknown provider "random" (only hashicorp/aws is available)`},
		},

		// Files and blocks.
		{
			name: "syntax error",
			src:  "resource \"aws_vpc\" \"main\" {\n  cidr_block = \n}",
			want: []string{`main.tf:2: syntax error: Expected the start of an expression, but found an invalid expression token.`},
		},
		{
			name: "duplicate resource",
			src:  "resource \"aws_vpc\" \"main\" {}\nresource \"aws_vpc\" \"main\" {}",
			want: []string{`main.tf:2: aws_vpc.main is declared twice (first at main.tf:1)`},
		},
		{
			name: "unknown top-level block",
			src:  "resources \"aws_vpc\" \"main\" {}",
			want: []string{`main.tf:1: unknown block type "resources"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Terraform(map[string][]byte{"versions.tf": []byte(versionsTF), "main.tf": []byte(tt.src)})
			assertFindings(t, got, tt.want)
		})
	}
}

func TestTerraformRequiredProviders(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name:  "missing in a root module",
			files: map[string]string{"main.tf": `resource "aws_vpc" "main" {}`, "versions.tf": "# versions\n"},
			want:  []string{`versions.tf:1: terraform: required_providers has no entry for aws; add aws = { source = "hashicorp/aws", version = "~> 6.0" } (usually in versions.tf)`},
		},
		{
			name:  "wrong source and no version",
			files: map[string]string{"versions.tf": "terraform {\n  required_providers {\n    aws = { source = \"example/aws\" }\n  }\n}"},
			want: []string{
				`versions.tf:3: terraform: required_providers.aws has no version constraint; add version = "~> 6.0"`,
				`versions.tf:3: terraform: required_providers.aws.source must be "hashicorp/aws"`,
			},
		},
		{
			name: "not needed in a child module",
			files: map[string]string{
				"versions.tf":            versionsTF,
				"main.tf":                "module \"net\" {\n  source = \"./modules/net\"\n}",
				"modules/net/main.tf":    `resource "aws_vpc" "main" {}`,
				"modules/net/outputs.tf": "output \"id\" {\n  value = aws_vpc.main.id\n}",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := make(map[string][]byte, len(tt.files))
			for name, src := range tt.files {
				files[name] = []byte(src)
			}
			assertFindings(t, Terraform(files), tt.want)
		})
	}
}

func TestTerraformModules(t *testing.T) {
	module := map[string]string{
		"modules/net/variables.tf": "variable \"cidr\" {\n  type = string\n  description = \"CIDR.\"\n}\nvariable \"azs\" {\n  type = number\n  description = \"Zones.\"\n  default = 2\n}",
		"modules/net/main.tf":      "resource \"aws_vpc\" \"main\" {\n  cidr_block = var.cidr\n}\noutput \"vpc_id\" {\n  value = aws_vpc.main.id\n}",
	}
	tests := []struct {
		name       string
		src        string
		withModule bool // add the files of ./modules/net
		want       []string
	}{
		{
			name:       "call and output",
			withModule: true,
			src:        "module \"net\" {\n  source = \"./modules/net\"\n  cidr = \"10.0.0.0/16\"\n}\noutput \"vpc\" {\n  value = module.net.vpc_id\n}",
		},
		{
			name:       "missing and unknown arguments, wrong type, unknown output",
			withModule: true,
			src:        "module \"net\" {\n  source = \"./modules/net\"\n  azs = \"two\"\n  cidrs = \"10.0.0.0/16\"\n}\noutput \"vpc\" {\n  value = module.net.id\n}",
			want: []string{
				`main.tf:1: module.net: required argument "cidr" is missing (variable "cidr" of module "./modules/net" has no default)`,
				`main.tf:3: module.net: invalid value for "azs": a number is required`,
				`main.tf:4: module.net: unknown argument "cidrs" (module "./modules/net" has no variable "cidrs") (did you mean "cidr"?)`,
				`main.tf:7: output.vpc: module "net" has no output "id"`,
			},
		},
		{
			name: "missing module directory",
			src:  "module \"db\" {\n  source = \"./modules/db\"\n}",
			want: []string{`main.tf:2: module.db: no .tf files found in module source "./modules/db"`},
		},
		{
			name: "registry module is not checked",
			src:  "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n  anything = true\n}\noutput \"id\" {\n  value = module.vpc.vpc_id\n}",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{"versions.tf": []byte(versionsTF), "main.tf": []byte(tt.src)}
			for name, src := range module {
				if tt.withModule {
					files[name] = []byte(src)
				}
			}
			assertFindings(t, Terraform(files), tt.want)
		})
	}
}
