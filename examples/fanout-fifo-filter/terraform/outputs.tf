output "topic_arn" {
  description = "ARN of the topic producers publish to."
  value       = aws_sns_topic.topic.arn
}

output "topic_name" {
  description = "Name of the topic."
  value       = aws_sns_topic.topic.name
}

output "billing_queue_url" {
  description = "URL the billing consumer receives from."
  value       = aws_sqs_queue.billing_queue.url
}

output "billing_queue_arn" {
  description = "ARN of the billing queue."
  value       = aws_sqs_queue.billing_queue.arn
}

output "billing_dlq_arn" {
  description = "ARN of the billing dead-letter queue."
  value       = aws_sqs_queue.billing_dlq.arn
}

output "shipping_queue_url" {
  description = "URL the shipping consumer receives from."
  value       = aws_sqs_queue.shipping_queue.url
}

output "shipping_queue_arn" {
  description = "ARN of the shipping queue."
  value       = aws_sqs_queue.shipping_queue.arn
}

output "shipping_dlq_arn" {
  description = "ARN of the shipping dead-letter queue."
  value       = aws_sqs_queue.shipping_dlq.arn
}
