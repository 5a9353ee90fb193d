output "security_group_id" {
  description = "ID of the replication security group."
  value       = aws_security_group.replication_security_group.id
}
