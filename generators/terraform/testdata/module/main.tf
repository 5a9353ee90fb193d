# A VPC with public and private subnets in two Availability Zones.

# Regular Availability Zones only; Local and Wavelength Zones need opt-in.
data "aws_availability_zones" "available" {
  state = "available"

  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

# VPC
resource "aws_vpc" "main" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = merge(var.tags, {
    Project              = "lab"
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
    Student              = var.student
    Name                 = "${var.name}-vpc"
  })
}

# public subnet, AZ a
resource "aws_subnet" "public_subnet_a" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = cidrsubnet(var.vpc_cidr, 4, 0)
  availability_zone       = data.aws_availability_zones.available.names[0]
  map_public_ip_on_launch = true

  tags = merge(var.tags, {
    Project              = "lab"
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
    Student              = var.student
    Name                 = "${var.name}-public-a"
  })
}

# private subnet, AZ a
resource "aws_subnet" "private_subnet_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.128.0/20"
  availability_zone = data.aws_availability_zones.available.names[0]

  tags = merge(var.tags, {
    Project              = "lab"
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
    Student              = var.student
    Name                 = "${var.name}-private-a"
  })
}

# public subnet, AZ b
resource "aws_subnet" "public_subnet_b" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = cidrsubnet(var.vpc_cidr, 4, 1)
  availability_zone       = data.aws_availability_zones.available.names[1]
  map_public_ip_on_launch = true

  tags = merge(var.tags, {
    Project              = "lab"
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
    Student              = var.student
    Name                 = "${var.name}-public-b"
  })
}

# private subnet, AZ b
resource "aws_subnet" "private_subnet_b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.144.0/20"
  availability_zone = data.aws_availability_zones.available.names[1]

  tags = merge(var.tags, {
    Project              = "lab"
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
    Student              = var.student
    Name                 = "${var.name}-private-b"
  })
}

# internet gateway
resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id

  tags = merge(var.tags, {
    Project              = "lab"
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
    Student              = var.student
    Name                 = "${var.name}-igw"
  })
}

# Elastic IP for the NAT gateway
resource "aws_eip" "nat_eip_a" {
  domain = "vpc"

  tags = merge(var.tags, {
    Project              = "lab"
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
    Student              = var.student
    Name                 = "${var.name}-nat-a"
  })

  depends_on = [aws_internet_gateway.main]
}

# NAT gateway, AZ a
resource "aws_nat_gateway" "nat_gateway_a" {
  allocation_id = aws_eip.nat_eip_a.id
  subnet_id     = aws_subnet.public_subnet_a.id

  tags = merge(var.tags, {
    Project              = "lab"
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
    Student              = var.student
    Name                 = "${var.name}-nat-a"
  })

  depends_on = [aws_internet_gateway.main]
}

# public route table
resource "aws_route_table" "public_route_table" {
  vpc_id = aws_vpc.main.id

  tags = merge(var.tags, {
    Project              = "lab"
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
    Student              = var.student
    Name                 = "${var.name}-public"
  })
}

# default route to the internet gateway
resource "aws_route" "public_default_route" {
  route_table_id         = aws_route_table.public_route_table.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.main.id
}

# private route table
resource "aws_route_table" "private_route_table" {
  vpc_id = aws_vpc.main.id

  tags = merge(var.tags, {
    Project              = "lab"
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
    Student              = var.student
    Name                 = "${var.name}-private"
  })
}

# default route to the NAT gateway
resource "aws_route" "private_default_route" {
  route_table_id         = aws_route_table.private_route_table.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat_gateway_a.id
}

# public subnet a uses the public route table
resource "aws_route_table_association" "public_a" {
  subnet_id      = aws_subnet.public_subnet_a.id
  route_table_id = aws_route_table.public_route_table.id
}

# private subnet a uses the private route table
resource "aws_route_table_association" "private_a" {
  subnet_id      = aws_subnet.private_subnet_a.id
  route_table_id = aws_route_table.private_route_table.id
}

# public subnet b uses the public route table
resource "aws_route_table_association" "public_b" {
  subnet_id      = aws_subnet.public_subnet_b.id
  route_table_id = aws_route_table.public_route_table.id
}

# private subnet b uses the private route table
resource "aws_route_table_association" "private_b" {
  subnet_id      = aws_subnet.private_subnet_b.id
  route_table_id = aws_route_table.private_route_table.id
}

# S3 gateway endpoint
resource "aws_vpc_endpoint" "s3_endpoint" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.${data.aws_region.current.region}.s3"
  route_table_ids = [
    aws_route_table.public_route_table.id,
    aws_route_table.private_route_table.id,
  ]
  vpc_endpoint_type = "Gateway"

  tags = merge(var.tags, {
    Project              = "lab"
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
    Student              = var.student
    Name                 = "${var.name}-s3"
  })
}

# log group for VPC flow logs
resource "aws_cloudwatch_log_group" "flow_log_group" {
  name              = "/aws/vpc-flow-logs/${var.name}"
  retention_in_days = var.flow_log_retention_days

  tags = merge(var.tags, {
    Project              = "lab"
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
    Student              = var.student
  })
}

# role the flow log service assumes
resource "aws_iam_role" "flow_log_role" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        Service = "vpc-flow-logs.amazonaws.com"
      }
      Action = "sts:AssumeRole"
      Condition = {
        StringEquals = {
          "aws:SourceAccount" = data.aws_caller_identity.current.account_id
        }
        ArnLike = {
          "aws:SourceArn" = "arn:${data.aws_partition.current.partition}:ec2:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:vpc-flow-log/*"
        }
      }
    }]
  })
  description = "Lets VPC Flow Logs write to CloudWatch Logs."

  tags = merge(var.tags, {
    Project              = "lab"
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
    Student              = var.student
    Name                 = "${var.name}-flow-logs"
  })
}

# permission to write flow logs
resource "aws_iam_role_policy" "flow_log_policy" {
  role = aws_iam_role.flow_log_role.name
  name = "write-flow-logs"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
      Resource = "${aws_cloudwatch_log_group.flow_log_group.arn}:*"
    }]
  })
}

# VPC flow log
resource "aws_flow_log" "main" {
  vpc_id                   = aws_vpc.main.id
  traffic_type             = var.flow_log_traffic_type
  log_destination_type     = "cloud-watch-logs"
  log_destination          = aws_cloudwatch_log_group.flow_log_group.arn
  iam_role_arn             = aws_iam_role.flow_log_role.arn
  max_aggregation_interval = 60

  tags = merge(var.tags, {
    Project              = "lab"
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
    Student              = var.student
    Name                 = "${var.name}-flow-log"
  })
}

# default security group, all rules removed
resource "aws_default_security_group" "main" {
  vpc_id = aws_vpc.main.id

  tags = merge(var.tags, {
    Project              = "lab"
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
    Student              = var.student
    Name                 = "${var.name}-default-do-not-use"
  })

  # No ingress or egress rules: Terraform removes every rule from the VPC's
  # default security group, so nothing can rely on it by accident.
}
