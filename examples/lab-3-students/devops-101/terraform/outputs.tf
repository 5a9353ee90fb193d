output "vpc_vpc_id" {
  description = "ID of the VPC. By student."
  value       = { for id, m in module.vpc : id => m.vpc_id }
}

output "vpc_vpc_cidr_block" {
  description = "IPv4 block of the VPC. By student."
  value       = { for id, m in module.vpc : id => m.vpc_cidr_block }
}

output "vpc_public_subnet_ids" {
  description = "IDs of the public subnets, in zone order (a, b, ...). By student."
  value       = { for id, m in module.vpc : id => m.public_subnet_ids }
}

output "vpc_private_subnet_ids" {
  description = "IDs of the private subnets, in zone order (a, b, ...). By student."
  value       = { for id, m in module.vpc : id => m.private_subnet_ids }
}

output "vpc_default_security_group_id" {
  description = "ID of the VPC's default security group (no rules in Terraform; see the README for CloudFormation). By student."
  value       = { for id, m in module.vpc : id => m.default_security_group_id }
}

output "vpc_private_route_table_ids" {
  description = "IDs of the private route tables, in zone order, for peering or transit gateway routes. By student."
  value       = { for id, m in module.vpc : id => m.private_route_table_ids }
}

output "vpc_flow_log_group_name" {
  description = "CloudWatch Logs group that receives the VPC flow logs. By student."
  value       = { for id, m in module.vpc : id => m.flow_log_group_name }
}

output "fanout_topic_arn" {
  description = "ARN of the topic producers publish to. By student."
  value       = { for id, m in module.fanout : id => m.topic_arn }
}

output "fanout_topic_name" {
  description = "Name of the topic. By student."
  value       = { for id, m in module.fanout : id => m.topic_name }
}

output "fanout_orders_queue_url" {
  description = "URL the orders consumer receives from. By student."
  value       = { for id, m in module.fanout : id => m.orders_queue_url }
}

output "fanout_orders_queue_arn" {
  description = "ARN of the orders queue. By student."
  value       = { for id, m in module.fanout : id => m.orders_queue_arn }
}

output "fanout_orders_dlq_arn" {
  description = "ARN of the orders dead-letter queue. By student."
  value       = { for id, m in module.fanout : id => m.orders_dlq_arn }
}

output "fanout_audit_queue_url" {
  description = "URL the audit consumer receives from. By student."
  value       = { for id, m in module.fanout : id => m.audit_queue_url }
}

output "fanout_audit_queue_arn" {
  description = "ARN of the audit queue. By student."
  value       = { for id, m in module.fanout : id => m.audit_queue_arn }
}

output "fanout_audit_dlq_arn" {
  description = "ARN of the audit dead-letter queue. By student."
  value       = { for id, m in module.fanout : id => m.audit_dlq_arn }
}
