output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.main.id
}

output "vpc_cidr_block" {
  description = "IPv4 block of the VPC."
  value       = var.vpc_cidr
}

output "public_subnet_ids" {
  description = "IDs of the public subnets, in zone order (a, b, ...)."
  value       = [aws_subnet.public_subnet_a.id, aws_subnet.public_subnet_b.id]
}

output "private_subnet_ids" {
  description = "IDs of the private subnets, in zone order (a, b, ...)."
  value       = [aws_subnet.private_subnet_a.id, aws_subnet.private_subnet_b.id]
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
