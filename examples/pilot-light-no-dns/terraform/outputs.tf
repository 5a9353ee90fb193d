output "primary_vpc_id" {
  description = "ID of the VPC."
  value       = module.primary.vpc_id
}

output "primary_vpc_cidr_block" {
  description = "IPv4 block of the VPC."
  value       = module.primary.vpc_cidr_block
}

output "primary_public_subnet_ids" {
  description = "IDs of the public subnets, in zone order (a, b, ...)."
  value       = module.primary.public_subnet_ids
}

output "primary_private_subnet_ids" {
  description = "IDs of the private subnets, in zone order (a, b, ...)."
  value       = module.primary.private_subnet_ids
}

output "primary_isolated_subnet_ids" {
  description = "IDs of the isolated subnets, in zone order (a, b, ...)."
  value       = module.primary.isolated_subnet_ids
}

output "primary_default_security_group_id" {
  description = "ID of the VPC's default security group (no rules in Terraform; see the README for CloudFormation)."
  value       = module.primary.default_security_group_id
}

output "primary_private_route_table_ids" {
  description = "IDs of the private route tables, in zone order, for peering or transit gateway routes."
  value       = module.primary.private_route_table_ids
}

output "primary_flow_log_group_name" {
  description = "CloudWatch Logs group that receives the VPC flow logs."
  value       = module.primary.flow_log_group_name
}

output "primary_alb_dns_name" {
  description = "DNS name of the region's load balancer."
  value       = module.primary.alb_dns_name
}

output "primary_alb_zone_id" {
  description = "Route 53 hosted zone of the load balancer's DNS name, for alias records."
  value       = module.primary.alb_zone_id
}

output "primary_asg_name" {
  description = "Name of the region's Auto Scaling group."
  value       = module.primary.asg_name
}

output "primary_target_group_arn" {
  description = "ARN of the target group the instances register in."
  value       = module.primary.target_group_arn
}

output "primary_db_instance_arn" {
  description = "ARN of the primary database (the replica's source)."
  value       = module.primary.db_instance_arn
}

output "primary_db_address" {
  description = "Host name of the primary database's endpoint."
  value       = module.primary.db_address
}

output "primary_db_secret_arn" {
  description = "Secrets Manager secret holding the master user's name and password; its replica in the recovery region has the same name."
  value       = module.primary.db_secret_arn
}

output "dr_vpc_id" {
  description = "ID of the VPC."
  value       = module.dr.vpc_id
}

output "dr_vpc_cidr_block" {
  description = "IPv4 block of the VPC."
  value       = module.dr.vpc_cidr_block
}

output "dr_public_subnet_ids" {
  description = "IDs of the public subnets, in zone order (a, b, ...)."
  value       = module.dr.public_subnet_ids
}

output "dr_private_subnet_ids" {
  description = "IDs of the private subnets, in zone order (a, b, ...)."
  value       = module.dr.private_subnet_ids
}

output "dr_isolated_subnet_ids" {
  description = "IDs of the isolated subnets, in zone order (a, b, ...)."
  value       = module.dr.isolated_subnet_ids
}

output "dr_default_security_group_id" {
  description = "ID of the VPC's default security group (no rules in Terraform; see the README for CloudFormation)."
  value       = module.dr.default_security_group_id
}

output "dr_private_route_table_ids" {
  description = "IDs of the private route tables, in zone order, for peering or transit gateway routes."
  value       = module.dr.private_route_table_ids
}

output "dr_flow_log_group_name" {
  description = "CloudWatch Logs group that receives the VPC flow logs."
  value       = module.dr.flow_log_group_name
}

output "dr_alb_dns_name" {
  description = "DNS name of the region's load balancer."
  value       = module.dr.alb_dns_name
}

output "dr_alb_zone_id" {
  description = "Route 53 hosted zone of the load balancer's DNS name, for alias records."
  value       = module.dr.alb_zone_id
}

output "dr_asg_name" {
  description = "Name of the region's Auto Scaling group."
  value       = module.dr.asg_name
}

output "dr_target_group_arn" {
  description = "ARN of the target group the instances register in."
  value       = module.dr.target_group_arn
}

output "dr_replica_arn" {
  description = "ARN of the read replica in the recovery region."
  value       = module.dr.replica_arn
}

output "dr_replica_address" {
  description = "Host name of the replica's endpoint; after promotion, the application's database."
  value       = module.dr.replica_address
}

output "dr_assets_bucket_name" {
  description = "Name of the replica asset bucket."
  value       = module.dr.assets_bucket_name
}

output "dr_assets_bucket_arn" {
  description = "ARN of the replica asset bucket."
  value       = module.dr.assets_bucket_arn
}

output "dr_assets_key_arn" {
  description = "ARN of the KMS key that encrypts the replica asset bucket."
  value       = module.dr.assets_key_arn
}

output "assets_assets_bucket_name" {
  description = "Name of the primary asset bucket."
  value       = module.assets.assets_bucket_name
}

output "assets_assets_bucket_arn" {
  description = "ARN of the primary asset bucket."
  value       = module.assets.assets_bucket_arn
}

output "assets_assets_key_arn" {
  description = "ARN of the KMS key that encrypts the primary asset bucket."
  value       = module.assets.assets_key_arn
}
