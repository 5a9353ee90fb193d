output "topic_arn" {
  description = "ARN of the topic producers publish to."
  value       = aws_sns_topic.topic.arn
}

output "topic_name" {
  description = "Name of the topic."
  value       = aws_sns_topic.topic.name
}

output "archive_queue_url" {
  description = "URL the archive consumer receives from."
  value       = aws_sqs_queue.archive_queue.url
}

output "archive_queue_arn" {
  description = "ARN of the archive queue."
  value       = aws_sqs_queue.archive_queue.arn
}

output "archive_dlq_arn" {
  description = "ARN of the archive dead-letter queue."
  value       = aws_sqs_queue.archive_dlq.arn
}

output "siem_queue_url" {
  description = "URL the siem consumer receives from."
  value       = aws_sqs_queue.siem_queue.url
}

output "siem_queue_arn" {
  description = "ARN of the siem queue."
  value       = aws_sqs_queue.siem_queue.arn
}

output "siem_dlq_arn" {
  description = "ARN of the siem dead-letter queue."
  value       = aws_sqs_queue.siem_dlq.arn
}

output "alarm_topic_arn" {
  description = "ARN of the topic the dead-letter alarms notify."
  value       = aws_sns_topic.alarm_topic.arn
}
