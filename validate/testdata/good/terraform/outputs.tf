output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.main.id
}

output "public_subnet_ids" {
  description = "Public subnet IDs by availability zone."
  value       = { for az, subnet in aws_subnet.public : az => subnet.id }
}

output "private_subnet_ids" {
  description = "Private subnet IDs by availability zone."
  value       = [for subnet in aws_subnet.private : subnet.id]
}

output "nat_public_ips" {
  description = "Public IPs of the NAT gateways."
  value       = values(aws_eip.nat)[*].public_ip
}

output "flow_log_group" {
  description = "CloudWatch Logs group that receives the VPC flow logs."
  value       = module.flow_logs.log_group_name
}
