output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.main.id
}

output "public_subnet_ids" {
  description = "IDs of the public subnets, one per Availability Zone."
  value       = [aws_subnet.public_subnet_a.id, aws_subnet.public_subnet_b.id]
}

output "private_subnet_ids" {
  description = "IDs of the private subnets, one per Availability Zone."
  value       = [aws_subnet.private_subnet_a.id, aws_subnet.private_subnet_b.id]
}

output "flow_log_group_name" {
  description = "CloudWatch Logs group that receives the flow logs."
  value       = aws_cloudwatch_log_group.flow_log_group.name
}
