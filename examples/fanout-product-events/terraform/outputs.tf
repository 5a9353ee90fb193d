output "topic_arn" {
  description = "ARN of the topic producers publish to."
  value       = aws_sns_topic.topic.arn
}

output "topic_name" {
  description = "Name of the topic."
  value       = aws_sns_topic.topic.name
}

output "inventory_queue_url" {
  description = "URL the inventory consumer receives from."
  value       = aws_sqs_queue.inventory_queue.url
}

output "inventory_queue_arn" {
  description = "ARN of the inventory queue."
  value       = aws_sqs_queue.inventory_queue.arn
}

output "inventory_dlq_arn" {
  description = "ARN of the inventory dead-letter queue."
  value       = aws_sqs_queue.inventory_dlq.arn
}

output "search_index_queue_url" {
  description = "URL the search-index consumer receives from."
  value       = aws_sqs_queue.search_index_queue.url
}

output "search_index_queue_arn" {
  description = "ARN of the search-index queue."
  value       = aws_sqs_queue.search_index_queue.arn
}

output "search_index_dlq_arn" {
  description = "ARN of the search-index dead-letter queue."
  value       = aws_sqs_queue.search_index_dlq.arn
}

output "notification_queue_url" {
  description = "URL the notification consumer receives from."
  value       = aws_sqs_queue.notification_queue.url
}

output "notification_queue_arn" {
  description = "ARN of the notification queue."
  value       = aws_sqs_queue.notification_queue.arn
}

output "notification_dlq_arn" {
  description = "ARN of the notification dead-letter queue."
  value       = aws_sqs_queue.notification_dlq.arn
}
