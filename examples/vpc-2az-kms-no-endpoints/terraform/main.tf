# VPC 172.16.0.0/24 across 2 Availability Zones with public and private
# subnets, a NAT gateway per zone, flow logs to CloudWatch Logs (generated
# by scaffold).

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
  cidr_block           = "172.16.0.0/24"
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = {
    Name = var.name
  }
}

# default security group, all rules removed
resource "aws_default_security_group" "main" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "${var.name}-default-deny"
  }

  # No ingress or egress rules: Terraform removes every rule from the VPC's
  # default security group, so nothing can rely on it by accident.
}

# internet gateway
resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "${var.name}-igw"
  }
}

# public subnet, AZ a
resource "aws_subnet" "public_subnet_a" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "172.16.0.0/28"
  availability_zone       = data.aws_availability_zones.available.names[0]
  map_public_ip_on_launch = false

  tags = {
    Name = "${var.name}-public-a"
  }
}

# public subnet, AZ b
resource "aws_subnet" "public_subnet_b" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "172.16.0.16/28"
  availability_zone       = data.aws_availability_zones.available.names[1]
  map_public_ip_on_launch = false

  tags = {
    Name = "${var.name}-public-b"
  }
}

# private subnet, AZ a
resource "aws_subnet" "private_subnet_a" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "172.16.0.64/28"
  availability_zone       = data.aws_availability_zones.available.names[0]
  map_public_ip_on_launch = false

  tags = {
    Name = "${var.name}-private-a"
  }
}

# private subnet, AZ b
resource "aws_subnet" "private_subnet_b" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "172.16.0.80/28"
  availability_zone       = data.aws_availability_zones.available.names[1]
  map_public_ip_on_launch = false

  tags = {
    Name = "${var.name}-private-b"
  }
}

# public route table
resource "aws_route_table" "public_route_table" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "${var.name}-public"
  }
}

# default route of the public route table
resource "aws_route" "public_default_route" {
  route_table_id         = aws_route_table.public_route_table.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.main.id
}

# public_subnet_a → public_route_table
resource "aws_route_table_association" "public_route_table_association_a" {
  subnet_id      = aws_subnet.public_subnet_a.id
  route_table_id = aws_route_table.public_route_table.id
}

# public_subnet_b → public_route_table
resource "aws_route_table_association" "public_route_table_association_b" {
  subnet_id      = aws_subnet.public_subnet_b.id
  route_table_id = aws_route_table.public_route_table.id
}

# Elastic IP for the NAT gateway, AZ a
resource "aws_eip" "nat_eip_a" {
  domain = "vpc"

  tags = {
    Name = "${var.name}-nat-a"
  }

  depends_on = [aws_internet_gateway.main]
}

# NAT gateway, AZ a
resource "aws_nat_gateway" "nat_gateway_a" {
  allocation_id = aws_eip.nat_eip_a.id
  subnet_id     = aws_subnet.public_subnet_a.id

  tags = {
    Name = "${var.name}-nat-a"
  }

  depends_on = [aws_internet_gateway.main]
}

# Elastic IP for the NAT gateway, AZ b
resource "aws_eip" "nat_eip_b" {
  domain = "vpc"

  tags = {
    Name = "${var.name}-nat-b"
  }

  depends_on = [aws_internet_gateway.main]
}

# NAT gateway, AZ b
resource "aws_nat_gateway" "nat_gateway_b" {
  allocation_id = aws_eip.nat_eip_b.id
  subnet_id     = aws_subnet.public_subnet_b.id

  tags = {
    Name = "${var.name}-nat-b"
  }

  depends_on = [aws_internet_gateway.main]
}

# private route table, AZ a
resource "aws_route_table" "private_route_table_a" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "${var.name}-private-a"
  }
}

# default route of the private route table, AZ a
resource "aws_route" "private_default_route_a" {
  route_table_id         = aws_route_table.private_route_table_a.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat_gateway_a.id
}

# private_subnet_a → private_route_table_a
resource "aws_route_table_association" "private_route_table_association_a" {
  subnet_id      = aws_subnet.private_subnet_a.id
  route_table_id = aws_route_table.private_route_table_a.id
}

# private route table, AZ b
resource "aws_route_table" "private_route_table_b" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "${var.name}-private-b"
  }
}

# default route of the private route table, AZ b
resource "aws_route" "private_default_route_b" {
  route_table_id         = aws_route_table.private_route_table_b.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat_gateway_b.id
}

# private_subnet_b → private_route_table_b
resource "aws_route_table_association" "private_route_table_association_b" {
  subnet_id      = aws_subnet.private_subnet_b.id
  route_table_id = aws_route_table.private_route_table_b.id
}

# CloudWatch Logs group for flow logs
resource "aws_cloudwatch_log_group" "flow_log_group" {
  name              = "/aws/vpc/${var.name}/flow-logs"
  retention_in_days = var.flow_log_retention_days
  kms_key_id        = "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

  tags = {
    Name = "${var.name}-flow-logs"
  }
}

# IAM role the flow log service assumes
resource "aws_iam_role" "flow_log_role" {
  description = "Lets VPC Flow Logs deliver records to one CloudWatch Logs group."
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid    = "AllowFlowLogsService"
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

  tags = {
    Name = "${var.name}-flow-logs"
  }
}

# inline policy: write to the flow log group only
resource "aws_iam_role_policy" "flow_log_policy" {
  name = "write-flow-logs"
  role = aws_iam_role.flow_log_role.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid    = "WriteFlowLogGroup"
      Effect = "Allow"
      Action = [
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "logs:DescribeLogGroups",
        "logs:DescribeLogStreams",
      ]
      Resource = [
        "arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:log-group:${aws_cloudwatch_log_group.flow_log_group.name}",
        "arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:log-group:${aws_cloudwatch_log_group.flow_log_group.name}:*",
      ]
    }]
  })
}

# VPC flow log (all traffic)
resource "aws_flow_log" "main" {
  vpc_id                   = aws_vpc.main.id
  traffic_type             = "ALL"
  log_destination_type     = "cloud-watch-logs"
  log_destination          = aws_cloudwatch_log_group.flow_log_group.arn
  iam_role_arn             = aws_iam_role.flow_log_role.arn
  max_aggregation_interval = 60

  tags = {
    Name = "${var.name}-flow-log"
  }

  depends_on = [aws_iam_role_policy.flow_log_policy]
}
