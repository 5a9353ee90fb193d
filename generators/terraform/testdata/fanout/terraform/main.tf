# An SNS topic that fans orders out to SQS queues, each with a dead-letter
# queue and an alarm on it.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

# key for the topics
resource "aws_kms_key" "topic_key" {
  description             = "Encrypts the orders and alarms topics."
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid    = "AccountAdministers"
      Effect = "Allow"
      Principal = {
        AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"
      }
      Action   = "kms:*"
      Resource = "*"
      }, {
      Sid    = "SNSEncrypts"
      Effect = "Allow"
      Principal = {
        Service = "sns.amazonaws.com"
      }
      Action   = ["kms:GenerateDataKey*", "kms:Decrypt"]
      Resource = "*"
      Condition = {
        StringEquals = {
          "aws:SourceAccount" = data.aws_caller_identity.current.account_id
        }
      }
      }, {
      Sid    = "CloudWatchAlarmsEncrypt"
      Effect = "Allow"
      Principal = {
        Service = "cloudwatch.amazonaws.com"
      }
      Action   = ["kms:GenerateDataKey*", "kms:Decrypt"]
      Resource = "*"
    }]
  })

  tags = {
    Name = "${var.name}-topics"
  }
}

# key for the shipping queues
resource "aws_kms_key" "queue_key" {
  description             = "Encrypts the shipping queue and its dead-letter queue."
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid    = "AccountAdministers"
      Effect = "Allow"
      Principal = {
        AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"
      }
      Action   = "kms:*"
      Resource = "*"
      }, {
      Sid    = "SNSEncrypts"
      Effect = "Allow"
      Principal = {
        Service = "sns.amazonaws.com"
      }
      Action   = ["kms:GenerateDataKey*", "kms:Decrypt"]
      Resource = "*"
      Condition = {
        StringEquals = {
          "aws:SourceAccount" = data.aws_caller_identity.current.account_id
        }
      }
    }]
  })

  tags = {
    Name = "${var.name}-queues"
  }
}

# orders topic
resource "aws_sns_topic" "orders_topic" {
  name              = "${var.name}-orders"
  kms_master_key_id = aws_kms_key.topic_key.arn
}

# who may use the orders topic
resource "aws_sns_topic_policy" "orders_topic_policy" {
  arn = aws_sns_topic.orders_topic.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid    = "AccountPublishesAndSubscribes"
      Effect = "Allow"
      Principal = {
        AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"
      }
      Action   = ["sns:Publish", "sns:Subscribe"]
      Resource = aws_sns_topic.orders_topic.arn
      }, {
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.orders_topic.arn
      Condition = {
        Bool = {
          "aws:SecureTransport" = "false"
        }
      }
    }]
  })
}

# topic for dead-letter alarms
resource "aws_sns_topic" "alarms_topic" {
  name              = "${var.name}-alarms"
  kms_master_key_id = aws_kms_key.topic_key.arn
}

# billing dead-letter queue
resource "aws_sqs_queue" "billing_dlq" {
  name                      = "${var.name}-billing-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

# billing queue
resource "aws_sqs_queue" "billing_queue" {
  name                       = "${var.name}-billing"
  visibility_timeout_seconds = 30
  receive_wait_time_seconds  = 20
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.billing_dlq.arn
    maxReceiveCount     = 5
  })
}

# the orders topic may send to the billing queue
resource "aws_sqs_queue_policy" "billing_queue_policy" {
  queue_url = aws_sqs_queue.billing_queue.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid    = "OrdersTopicSends"
      Effect = "Allow"
      Principal = {
        Service = "sns.amazonaws.com"
      }
      Action   = "sqs:SendMessage"
      Resource = aws_sqs_queue.billing_queue.arn
      Condition = {
        ArnEquals = {
          "aws:SourceArn" = aws_sns_topic.orders_topic.arn
        }
      }
      }, {
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "sqs:*"
      Resource  = aws_sqs_queue.billing_queue.arn
      Condition = {
        Bool = {
          "aws:SecureTransport" = "false"
        }
      }
    }]
  })
}

# billing queue subscribes to orders
resource "aws_sns_topic_subscription" "billing_subscription" {
  topic_arn            = aws_sns_topic.orders_topic.arn
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.billing_queue.arn
  raw_message_delivery = true
  filter_policy = jsonencode({
    eventType = ["OrderPlaced"]
  })
  filter_policy_scope = "MessageAttributes"

  depends_on = [aws_sqs_queue_policy.billing_queue_policy]
}

# messages in the billing dead-letter queue
resource "aws_cloudwatch_metric_alarm" "billing_dlq_alarm" {
  alarm_name        = "${var.name}-billing-dlq-not-empty"
  alarm_description = "Messages the billing consumer failed to process reached its dead-letter queue."
  namespace         = "AWS/SQS"
  metric_name       = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = aws_sqs_queue.billing_dlq.name
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms_topic.arn]
}

# shipping dead-letter queue
resource "aws_sqs_queue" "shipping_dlq" {
  name                              = "${var.name}-shipping-dlq"
  message_retention_seconds         = 1209600
  kms_master_key_id                 = aws_kms_key.queue_key.arn
  kms_data_key_reuse_period_seconds = 300
}

# shipping queue
resource "aws_sqs_queue" "shipping_queue" {
  name                              = "${var.name}-shipping"
  visibility_timeout_seconds        = 30
  receive_wait_time_seconds         = 20
  kms_master_key_id                 = aws_kms_key.queue_key.arn
  kms_data_key_reuse_period_seconds = 300
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.shipping_dlq.arn
    maxReceiveCount     = 5
  })
}

# the orders topic may send to the shipping queue
resource "aws_sqs_queue_policy" "shipping_queue_policy" {
  queue_url = aws_sqs_queue.shipping_queue.url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid    = "OrdersTopicSends"
      Effect = "Allow"
      Principal = {
        Service = "sns.amazonaws.com"
      }
      Action   = "sqs:SendMessage"
      Resource = aws_sqs_queue.shipping_queue.arn
      Condition = {
        ArnEquals = {
          "aws:SourceArn" = aws_sns_topic.orders_topic.arn
        }
      }
      }, {
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "sqs:*"
      Resource  = aws_sqs_queue.shipping_queue.arn
      Condition = {
        Bool = {
          "aws:SecureTransport" = "false"
        }
      }
    }]
  })
}

# shipping queue subscribes to orders
resource "aws_sns_topic_subscription" "shipping_subscription" {
  topic_arn            = aws_sns_topic.orders_topic.arn
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.shipping_queue.arn
  raw_message_delivery = true

  depends_on = [aws_sqs_queue_policy.shipping_queue_policy]
}

# messages in the shipping dead-letter queue
resource "aws_cloudwatch_metric_alarm" "shipping_dlq_alarm" {
  alarm_name        = "${var.name}-shipping-dlq-not-empty"
  alarm_description = "Messages the shipping consumer failed to process reached its dead-letter queue."
  namespace         = "AWS/SQS"
  metric_name       = "ApproximateNumberOfMessagesVisible"
  dimensions = {
    QueueName = aws_sqs_queue.shipping_dlq.name
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms_topic.arn]
}
