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

output "replication_security_group_id" {
  description = "ID of the replication security group."
  value       = module.replication.security_group_id
}
