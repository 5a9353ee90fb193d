output "topic_arn" {
  description = "ARN of the topic producers publish to."
  value       = aws_sns_topic.topic.arn
}

output "topic_name" {
  description = "Name of the topic."
  value       = aws_sns_topic.topic.name
}

output "orders_queue_url" {
  description = "URL the orders consumer receives from."
  value       = aws_sqs_queue.orders_queue.url
}

output "orders_queue_arn" {
  description = "ARN of the orders queue."
  value       = aws_sqs_queue.orders_queue.arn
}

output "orders_dlq_arn" {
  description = "ARN of the orders dead-letter queue."
  value       = aws_sqs_queue.orders_dlq.arn
}

output "audit_queue_url" {
  description = "URL the audit consumer receives from."
  value       = aws_sqs_queue.audit_queue.url
}

output "audit_queue_arn" {
  description = "ARN of the audit queue."
  value       = aws_sqs_queue.audit_queue.arn
}

output "audit_dlq_arn" {
  description = "ARN of the audit dead-letter queue."
  value       = aws_sqs_queue.audit_dlq.arn
}
