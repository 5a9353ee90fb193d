output "orders_topic_arn" {
  description = "ARN of the orders topic; publish order events here."
  value       = aws_sns_topic.orders_topic.arn
}

output "queue_urls" {
  description = "URLs of the billing and shipping queues."
  value       = [aws_sqs_queue.billing_queue.url, aws_sqs_queue.shipping_queue.url]
}

output "alarms_topic_arn" {
  description = "ARN of the topic the dead-letter alarms notify; subscribe to it."
  value       = aws_sns_topic.alarms_topic.arn
}
