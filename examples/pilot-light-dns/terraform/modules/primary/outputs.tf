output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.main.id
}

output "vpc_cidr_block" {
  description = "IPv4 block of the VPC."
  value       = "10.0.0.0/16"
}

output "public_subnet_ids" {
  description = "IDs of the public subnets, in zone order (a, b, ...)."
  value       = [aws_subnet.public_subnet_a.id, aws_subnet.public_subnet_b.id]
}

output "private_subnet_ids" {
  description = "IDs of the private subnets, in zone order (a, b, ...)."
  value       = [aws_subnet.private_subnet_a.id, aws_subnet.private_subnet_b.id]
}

output "isolated_subnet_ids" {
  description = "IDs of the isolated subnets, in zone order (a, b, ...)."
  value       = [aws_subnet.isolated_subnet_a.id, aws_subnet.isolated_subnet_b.id]
}

output "default_security_group_id" {
  description = "ID of the VPC's default security group (no rules in Terraform; see the README for CloudFormation)."
  value       = aws_vpc.main.default_security_group_id
}

output "private_route_table_ids" {
  description = "IDs of the private route tables, in zone order, for peering or transit gateway routes."
  value = [
    aws_route_table.private_route_table_a.id,
    aws_route_table.private_route_table_b.id,
  ]
}

output "flow_log_group_name" {
  description = "CloudWatch Logs group that receives the VPC flow logs."
  value       = aws_cloudwatch_log_group.flow_log_group.name
}

output "alb_dns_name" {
  description = "DNS name of the region's load balancer."
  value       = aws_lb.main.dns_name
}

output "alb_zone_id" {
  description = "Route 53 hosted zone of the load balancer's DNS name, for alias records."
  value       = aws_lb.main.zone_id
}

output "asg_name" {
  description = "Name of the region's Auto Scaling group."
  value       = aws_autoscaling_group.main.name
}

output "target_group_arn" {
  description = "ARN of the target group the instances register in."
  value       = aws_lb_target_group.target_group.arn
}

output "db_instance_arn" {
  description = "ARN of the primary database (the replica's source)."
  value       = aws_db_instance.database.arn
}

output "db_address" {
  description = "Host name of the primary database's endpoint."
  value       = aws_db_instance.database.address
}

output "db_secret_arn" {
  description = "Secrets Manager secret holding the master user's name and password; its replica in the recovery region has the same name."
  value       = aws_secretsmanager_secret.db_secret.arn
}
