# The database, replication and DNS failover kinds of a pilot light.

# Regular Availability Zones only; Local and Wavelength Zones need opt-in.
data "aws_availability_zones" "available" {
  state = "available"

  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

# VPC
resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = {
    Name = "${var.name}-vpc"
  }
}

# public subnet, AZ a
resource "aws_subnet" "public_subnet_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.0.0/20"
  availability_zone = data.aws_availability_zones.available.names[0]

  tags = {
    Name = "${var.name}-public-a"
  }
}

# database subnet, AZ a
resource "aws_subnet" "database_subnet_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.192.0/21"
  availability_zone = data.aws_availability_zones.available.names[0]

  tags = {
    Name = "${var.name}-database-a"
  }
}

# public subnet, AZ b
resource "aws_subnet" "public_subnet_b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.16.0/20"
  availability_zone = data.aws_availability_zones.available.names[1]

  tags = {
    Name = "${var.name}-public-b"
  }
}

# database subnet, AZ b
resource "aws_subnet" "database_subnet_b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.200.0/21"
  availability_zone = data.aws_availability_zones.available.names[1]

  tags = {
    Name = "${var.name}-database-b"
  }
}

# key for the database, its secret and the assets
resource "aws_kms_key" "data_key" {
  description             = "Encrypts the database, its snapshots, its master password and the assets."
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"
      }
      Action   = "kms:*"
      Resource = "*"
    }]
  })

  tags = {
    Name = "${var.name}-data"
  }
}

# database security group
resource "aws_security_group" "database_security_group" {
  name        = "${var.name}-database"
  description = "PostgreSQL from inside the VPC only."
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "${var.name}-database"
  }

  # Rules are separate resources. The provider removes the allow-all egress
  # rule AWS adds to a new group, so only those rules apply.
}

# PostgreSQL from the VPC
resource "aws_vpc_security_group_ingress_rule" "database_from_vpc" {
  security_group_id = aws_security_group.database_security_group.id
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = "10.0.0.0/16"
  description       = "PostgreSQL from the VPC"
}

# subnets the database may use
resource "aws_db_subnet_group" "database_subnets" {
  name        = "${var.name}-database"
  description = "Database subnets in two Availability Zones."
  subnet_ids  = [aws_subnet.database_subnet_a.id, aws_subnet.database_subnet_b.id]

  tags = {
    Name = "${var.name}-database"
  }
}

# PostgreSQL, Multi-AZ
resource "aws_db_instance" "database" {
  identifier                            = "${var.name}-db"
  db_name                               = "app"
  engine                                = "postgres"
  engine_version                        = "17.6"
  instance_class                        = "db.t4g.micro"
  allocated_storage                     = 20
  max_allocated_storage                 = 100
  storage_type                          = "gp3"
  storage_encrypted                     = true
  kms_key_id                            = aws_kms_key.data_key.arn
  multi_az                              = true
  db_subnet_group_name                  = aws_db_subnet_group.database_subnets.id
  vpc_security_group_ids                = [aws_security_group.database_security_group.id]
  username                              = "app_admin"
  manage_master_user_password           = true
  master_user_secret_kms_key_id         = aws_kms_key.data_key.arn
  backup_retention_period               = 7
  backup_window                         = "03:00-04:00"
  maintenance_window                    = "sun:05:00-sun:06:00"
  deletion_protection                   = true
  copy_tags_to_snapshot                 = true
  auto_minor_version_upgrade            = true
  publicly_accessible                   = false
  iam_database_authentication_enabled   = true
  enabled_cloudwatch_logs_exports       = ["postgresql", "upgrade"]
  performance_insights_enabled          = true
  performance_insights_kms_key_id       = aws_kms_key.data_key.arn
  performance_insights_retention_period = 7
  skip_final_snapshot                   = false
  final_snapshot_identifier             = "${var.name}-db-final"

  tags = {
    Name = "${var.name}-db"
  }
}

# read replica of the primary region's database
# Deliberate exception (aws-rds-enable-performance-insights): the replica only waits for a failover; turn Performance Insights on when it is promoted
#tfsec:ignore:aws-rds-enable-performance-insights
resource "aws_db_instance" "replica" {
  identifier                          = "${var.name}-db-replica"
  instance_class                      = "db.t4g.micro"
  storage_type                        = "gp3"
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.data_key.arn
  multi_az                            = false
  db_subnet_group_name                = aws_db_subnet_group.database_subnets.id
  vpc_security_group_ids              = [aws_security_group.database_security_group.id]
  backup_retention_period             = 7
  maintenance_window                  = "sun:05:00-sun:06:00"
  deletion_protection                 = false
  copy_tags_to_snapshot               = true
  auto_minor_version_upgrade          = true
  publicly_accessible                 = false
  iam_database_authentication_enabled = true
  enabled_cloudwatch_logs_exports     = ["postgresql", "upgrade"]
  performance_insights_enabled        = false
  replicate_source_db                 = var.source_db_arn
  skip_final_snapshot                 = true

  tags = {
    Name = "${var.name}-db-replica"
  }
}

# assets bucket, replicated to the recovery region
resource "aws_s3_bucket" "assets" {
  bucket = "${var.name}-assets"

  tags = {
    Name = "${var.name}-assets"
  }
}

# versioning, which replication requires
resource "aws_s3_bucket_versioning" "assets_versioning" {
  bucket = aws_s3_bucket.assets.id

  versioning_configuration {
    status = "Enabled"
  }
}

# default encryption with the data key
resource "aws_s3_bucket_server_side_encryption_configuration" "assets_encryption" {
  bucket = aws_s3_bucket.assets.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data_key.arn
    }
  }
}

# no public access
resource "aws_s3_bucket_public_access_block" "assets_public_access" {
  bucket                  = aws_s3_bucket.assets.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# role S3 replicates with
resource "aws_iam_role" "replication_role" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        Service = "s3.amazonaws.com"
      }
      Action = "sts:AssumeRole"
    }]
  })
  description = "Lets S3 copy the assets bucket to the recovery region."

  tags = {
    Name = "${var.name}-replication"
  }
}

# permission to replicate
resource "aws_iam_role_policy" "replication_policy" {
  role = aws_iam_role.replication_role.name
  name = "replicate-assets"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetReplicationConfiguration", "s3:ListBucket"]
      Resource = aws_s3_bucket.assets.arn
      }, {
      Effect = "Allow"
      Action = [
        "s3:GetObjectVersionForReplication",
        "s3:GetObjectVersionAcl",
        "s3:GetObjectVersionTagging",
      ]
      Resource = "${aws_s3_bucket.assets.arn}/*"
      }, {
      Effect   = "Allow"
      Action   = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]
      Resource = "${var.replica_bucket_arn}/*"
      }, {
      Effect   = "Allow"
      Action   = "kms:Decrypt"
      Resource = aws_kms_key.data_key.arn
      }, {
      Effect   = "Allow"
      Action   = "kms:Encrypt"
      Resource = var.replica_key_arn
    }]
  })
}

# copy every object to the recovery region
resource "aws_s3_bucket_replication_configuration" "assets_replication" {
  bucket = aws_s3_bucket.assets.id
  role   = aws_iam_role.replication_role.arn

  rule {
    id       = "everything"
    status   = "Enabled"
    priority = 1

    filter {
      prefix = ""
    }

    delete_marker_replication {
      status = "Enabled"
    }

    destination {
      bucket        = var.replica_bucket_arn
      storage_class = "STANDARD"

      encryption_configuration {
        replica_kms_key_id = var.replica_key_arn
      }
    }

    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.assets_versioning]
}

# load balancer security group
resource "aws_security_group" "web_security_group" {
  name        = "${var.name}-web"
  description = "HTTP from the internet."
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "${var.name}-web"
  }

  # Rules are separate resources. The provider removes the allow-all egress
  # rule AWS adds to a new group, so only those rules apply.
}

# application load balancer
# Deliberate exception (aws-elb-alb-not-public): the load balancer is the application's front door and Route 53 checks it from the internet
#tfsec:ignore:aws-elb-alb-not-public
resource "aws_lb" "main" {
  name                       = "${var.name}-web"
  internal                   = false
  load_balancer_type         = "application"
  security_groups            = [aws_security_group.web_security_group.id]
  subnets                    = [aws_subnet.public_subnet_a.id, aws_subnet.public_subnet_b.id]
  drop_invalid_header_fields = true

  tags = {
    Name = "${var.name}-web"
  }
}

# health check of the primary region's load balancer
resource "aws_route53_health_check" "primary_health" {
  fqdn              = aws_lb.main.dns_name
  port              = 80
  type              = "HTTP"
  resource_path     = "/health"
  failure_threshold = 3
  request_interval  = 30

  tags = {
    Name = "${var.name}-primary"
  }
}

# the name, answered by the primary region while it is healthy
resource "aws_route53_record" "primary_record" {
  zone_id         = var.hosted_zone_id
  name            = var.domain_name
  type            = "A"
  set_identifier  = "primary"
  health_check_id = aws_route53_health_check.primary_health.id

  alias {
    name                   = aws_lb.main.dns_name
    zone_id                = aws_lb.main.zone_id
    evaluate_target_health = true
  }

  failover_routing_policy {
    type = "PRIMARY"
  }
}

# the name, answered by the recovery region when the primary fails
resource "aws_route53_record" "standby_record" {
  zone_id        = var.hosted_zone_id
  name           = var.domain_name
  type           = "A"
  set_identifier = "standby"

  alias {
    name                   = var.standby_dns_name
    zone_id                = var.standby_zone_id
    evaluate_target_health = true
  }

  failover_routing_policy {
    type = "SECONDARY"
  }
}

# a name for the primary region alone, for tests
resource "aws_route53_record" "primary_alias" {
  zone_id = var.hosted_zone_id
  name    = "primary.${var.domain_name}"
  type    = "CNAME"
  ttl     = 300
  records = [aws_lb.main.dns_name]
}
