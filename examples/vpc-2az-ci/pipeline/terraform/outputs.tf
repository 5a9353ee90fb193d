output "pipeline_name" {
  description = "Name of the pipeline, to start it after an upload."
  value       = aws_codepipeline.pipeline.name
}

output "source_bucket" {
  description = "Bucket the source zip is uploaded to."
  value       = aws_s3_bucket.artifact_bucket.id
}

output "source_key" {
  description = "Object key the source zip is uploaded to."
  value       = "source/lab.zip"
}

output "state_bucket" {
  description = "Bucket that holds the Terraform state."
  value       = aws_s3_bucket.state_bucket.id
}

output "state_key" {
  description = "Object key of the Terraform state."
  value       = "vpc/terraform.tfstate"
}

output "kms_key_arn" {
  description = "KMS key that encrypts the artifacts, Terraform state and build logs; uploaders need kms:GenerateDataKey on it."
  value       = aws_kms_key.pipeline_key.arn
}
