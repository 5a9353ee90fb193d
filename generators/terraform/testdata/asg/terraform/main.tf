# An Auto Scaling group of web servers behind an Application Load Balancer,
# deployed by CodeDeploy.

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
  cidr_block = "10.0.0.0/16"

  tags = {
    Name = "${var.name}-vpc"
  }
}

# subnet, AZ a
resource "aws_subnet" "subnet_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.0.0/24"
  availability_zone = data.aws_availability_zones.available.names[0]

  tags = {
    Name = "${var.name}-a"
  }
}

# subnet, AZ b
resource "aws_subnet" "subnet_b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = data.aws_availability_zones.available.names[1]

  tags = {
    Name = "${var.name}-b"
  }
}

# load balancer security group
resource "aws_security_group" "alb_security_group" {
  name        = "${var.name}-alb"
  description = "Admits web traffic to the load balancer."
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "${var.name}-alb"
  }

  # Rules are separate resources. The provider removes the allow-all egress
  # rule AWS adds to a new group, so only those rules apply.
}

# instance security group
resource "aws_security_group" "instance_security_group" {
  name        = "${var.name}-instances"
  description = "Admits traffic from the load balancer to the web servers."
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "${var.name}-instances"
  }

  # Rules are separate resources. The provider removes the allow-all egress
  # rule AWS adds to a new group, so only those rules apply.
}

# HTTP from the internet
# Deliberate exception (aws-vpc-no-public-ingress-sgr): The load balancer serves the public web site.
#tfsec:ignore:aws-vpc-no-public-ingress-sgr
resource "aws_vpc_security_group_ingress_rule" "alb_http_in" {
  security_group_id = aws_security_group.alb_security_group.id
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"
  description       = "HTTP from the internet"
}

# HTTPS from the internet
# Deliberate exception (aws-vpc-no-public-ingress-sgr): The load balancer serves the public web site.
#tfsec:ignore:aws-vpc-no-public-ingress-sgr
resource "aws_vpc_security_group_ingress_rule" "alb_https_in" {
  security_group_id = aws_security_group.alb_security_group.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
  description       = "HTTPS from the internet"
}

# HTTP to the web servers
resource "aws_vpc_security_group_egress_rule" "alb_to_instances" {
  security_group_id            = aws_security_group.alb_security_group.id
  ip_protocol                  = "tcp"
  from_port                    = 80
  to_port                      = 80
  referenced_security_group_id = aws_security_group.instance_security_group.id
  description                  = "HTTP to the web servers"
}

# HTTP from the load balancer
resource "aws_vpc_security_group_ingress_rule" "instances_from_alb" {
  security_group_id            = aws_security_group.instance_security_group.id
  ip_protocol                  = "tcp"
  from_port                    = 80
  to_port                      = 80
  referenced_security_group_id = aws_security_group.alb_security_group.id
  description                  = "HTTP from the load balancer"
}

# HTTPS to AWS APIs and package repositories
# Deliberate exception (aws-vpc-no-public-egress-sgr): Instances reach Systems Manager, CodeDeploy and package repositories over HTTPS.
#tfsec:ignore:aws-vpc-no-public-egress-sgr
resource "aws_vpc_security_group_egress_rule" "instances_https_out" {
  security_group_id = aws_security_group.instance_security_group.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
  description       = "HTTPS to AWS APIs and package repositories"
}

# role the web servers assume
resource "aws_iam_role" "instance_role" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        Service = "ec2.amazonaws.com"
      }
      Action = "sts:AssumeRole"
    }]
  })
  description = "Lets the web servers use Systems Manager."

  tags = {
    Name = "${var.name}-instances"
  }
}

# Systems Manager access for the web servers
resource "aws_iam_role_policy_attachment" "instance_ssm" {
  role       = aws_iam_role.instance_role.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

# instance profile of the web servers
resource "aws_iam_instance_profile" "instance_profile" {
  name = "${var.name}-instances"
  role = aws_iam_role.instance_role.name
}

# launch template of the web servers
resource "aws_launch_template" "main" {
  name        = "${var.name}-web"
  description = "Amazon Linux 2023 web server."
  image_id    = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
  user_data = base64encode(<<-EOT
    #!/bin/bash
    set -euo pipefail
    dnf install -y httpd
    echo "ok" > /var/www/html/health
    systemctl enable --now httpd
  EOT
  )
  vpc_security_group_ids = [aws_security_group.instance_security_group.id]
  update_default_version = true

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size           = 20
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  iam_instance_profile {
    arn = aws_iam_instance_profile.instance_profile.arn
  }

  monitoring {
    enabled = true
  }

  tag_specifications {
    resource_type = "instance"
    tags = {
      Name = "${var.name}-web"
    }
  }

  tag_specifications {
    resource_type = "volume"
    tags = {
      Name = "${var.name}-web"
    }
  }

  tags = {
    Name = "${var.name}-web"
  }
}

# Application Load Balancer
# Deliberate exception (aws-elb-alb-not-public): The web site is public.
#tfsec:ignore:aws-elb-alb-not-public
resource "aws_lb" "main" {
  name                       = "${var.name}-alb"
  internal                   = false
  load_balancer_type         = "application"
  security_groups            = [aws_security_group.alb_security_group.id]
  subnets                    = [aws_subnet.subnet_a.id, aws_subnet.subnet_b.id]
  drop_invalid_header_fields = true

  tags = {
    Name = "${var.name}-alb"
  }
}

# web servers as load balancer targets
resource "aws_lb_target_group" "target_group" {
  name                 = "${var.name}-tg"
  port                 = 80
  protocol             = "HTTP"
  vpc_id               = aws_vpc.main.id
  target_type          = "instance"
  deregistration_delay = 30

  health_check {
    enabled             = true
    path                = "/health"
    matcher             = "200"
    interval            = 15
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = {
    Name = "${var.name}-tg"
  }
}

# HTTP listener
# Deliberate exception (aws-elb-http-not-used): A lab without a domain has no certificate for HTTPS.
#tfsec:ignore:aws-elb-http-not-used
resource "aws_lb_listener" "http_listener" {
  load_balancer_arn = aws_lb.main.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.target_group.arn
  }
}

# web servers
resource "aws_autoscaling_group" "main" {
  name                      = "${var.name}-web"
  min_size                  = 2
  max_size                  = 20
  desired_capacity          = 4
  vpc_zone_identifier       = [aws_subnet.subnet_a.id, aws_subnet.subnet_b.id]
  target_group_arns         = [aws_lb_target_group.target_group.arn]
  health_check_type         = "ELB"
  health_check_grace_period = 300
  capacity_rebalance        = true

  mixed_instances_policy {
    launch_template {
      launch_template_specification {
        launch_template_id = aws_launch_template.main.id
        version            = aws_launch_template.main.latest_version
      }

      override {
        instance_type = "m5.xlarge"
      }

      override {
        instance_type = "m5a.xlarge"
      }

      override {
        instance_type = "m6i.xlarge"
      }
    }

    instances_distribution {
      on_demand_base_capacity                  = 2
      on_demand_percentage_above_base_capacity = 20
      spot_allocation_strategy                 = "price-capacity-optimized"
    }
  }

  lifecycle {
    ignore_changes = [desired_capacity]
  }
}

# keep average CPU near 60%
resource "aws_autoscaling_policy" "cpu_target_tracking" {
  name                   = "${var.name}-cpu60"
  autoscaling_group_name = aws_autoscaling_group.main.name
  policy_type            = "TargetTrackingScaling"

  target_tracking_configuration {
    target_value = 60

    predefined_metric_specification {
      predefined_metric_type = "ASGAverageCPUUtilization"
    }
  }
}

# more capacity on weekday mornings
resource "aws_autoscaling_schedule" "business_hours" {
  scheduled_action_name  = "${var.name}-business-hours"
  autoscaling_group_name = aws_autoscaling_group.main.name
  recurrence             = "0 8 * * MON-FRI"
  time_zone              = "UTC"
  desired_capacity       = 6
}

# role CodeDeploy assumes
resource "aws_iam_role" "codedeploy_role" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        Service = "codedeploy.amazonaws.com"
      }
      Action = "sts:AssumeRole"
    }]
  })
  description = "Lets CodeDeploy deploy to the web servers."

  tags = {
    Name = "${var.name}-codedeploy"
  }
}

# CodeDeploy's managed permissions
resource "aws_iam_role_policy_attachment" "codedeploy_managed_policy" {
  role       = aws_iam_role.codedeploy_role.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSCodeDeployRole"
}

# CodeDeploy may launch from the template
resource "aws_iam_role_policy" "codedeploy_launch_template" {
  role = aws_iam_role.codedeploy_role.name
  name = "launch-from-template"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid    = "RunInstances"
      Effect = "Allow"
      Action = "ec2:RunInstances"
      Resource = [
        "arn:${data.aws_partition.current.partition}:ec2:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:*",
        "arn:${data.aws_partition.current.partition}:ec2:${data.aws_region.current.region}::image/*",
      ]
      }, {
      Sid      = "TagAtLaunch"
      Effect   = "Allow"
      Action   = "ec2:CreateTags"
      Resource = "arn:${data.aws_partition.current.partition}:ec2:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:*"
      Condition = {
        StringEquals = {
          "ec2:CreateAction" = "RunInstances"
        }
      }
      }, {
      Sid      = "PassInstanceRole"
      Effect   = "Allow"
      Action   = "iam:PassRole"
      Resource = aws_iam_role.instance_role.arn
      Condition = {
        StringEquals = {
          "iam:PassedToService" = "ec2.amazonaws.com"
        }
      }
    }]
  })
}

# CodeDeploy application
resource "aws_codedeploy_app" "main" {
  name             = "${var.name}-web"
  compute_platform = "Server"
}

# deploys to the web servers one at a time
resource "aws_codedeploy_deployment_group" "deployment_group" {
  app_name               = aws_codedeploy_app.main.name
  deployment_group_name  = "${var.name}-web"
  service_role_arn       = aws_iam_role.codedeploy_role.arn
  deployment_config_name = "CodeDeployDefault.OneAtATime"
  autoscaling_groups     = [aws_autoscaling_group.main.name]

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE"]
  }

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "IN_PLACE"
  }

  load_balancer_info {
    target_group_info {
      name = aws_lb_target_group.target_group.name
    }
  }

  depends_on = [
    aws_iam_role_policy_attachment.codedeploy_managed_policy,
    aws_iam_role_policy.codedeploy_launch_template,
  ]
}
