output "database_address" {
  description = "Host name of the database."
  value       = aws_db_instance.database.address
}

output "database_arn" {
  description = "ARN of the database, which a replica in another region names as its source."
  value       = aws_db_instance.database.arn
}

output "database_secret_arn" {
  description = "ARN of the secret that holds the database's master password."
  value       = aws_db_instance.database.master_user_secret[0].secret_arn
}

output "replica_id" {
  description = "Identifier of the read replica, which the runbook promotes."
  value       = aws_db_instance.replica.identifier
}

output "database_subnet_group" {
  description = "Name of the database subnet group."
  value       = aws_db_subnet_group.database_subnets.id
}

output "health_check_id" {
  description = "ID of the primary region's health check."
  value       = aws_route53_health_check.primary_health.id
}

output "load_balancer_zone_id" {
  description = "Hosted zone ID of the load balancer, for alias records elsewhere."
  value       = aws_lb.main.zone_id
}
