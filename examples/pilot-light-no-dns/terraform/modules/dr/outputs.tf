output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.main.id
}

output "vpc_cidr_block" {
  description = "IPv4 block of the VPC."
  value       = "10.1.0.0/16"
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

output "replica_arn" {
  description = "ARN of the read replica in the recovery region."
  value       = aws_db_instance.replica.arn
}

output "replica_address" {
  description = "Host name of the replica's endpoint; after promotion, the application's database."
  value       = aws_db_instance.replica.address
}

output "assets_bucket_name" {
  description = "Name of the replica asset bucket."
  value       = aws_s3_bucket.assets_bucket.id
}

output "assets_bucket_arn" {
  description = "ARN of the replica asset bucket."
  value       = aws_s3_bucket.assets_bucket.arn
}

output "assets_key_arn" {
  description = "ARN of the KMS key that encrypts the replica asset bucket."
  value       = aws_kms_key.assets_key.arn
}
