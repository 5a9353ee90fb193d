output "assets_bucket_name" {
  description = "Name of the primary asset bucket."
  value       = aws_s3_bucket.assets_bucket.id
}

output "assets_bucket_arn" {
  description = "ARN of the primary asset bucket."
  value       = aws_s3_bucket.assets_bucket.arn
}

output "assets_key_arn" {
  description = "ARN of the KMS key that encrypts the primary asset bucket."
  value       = aws_kms_key.assets_key.arn
}
