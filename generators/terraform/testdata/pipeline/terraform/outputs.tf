output "pipeline_arn" {
  description = "The pipeline's ARN."
  value       = aws_codepipeline.pipeline.arn
}

output "build_arn" {
  description = "The build's ARN."
  value       = aws_codebuild_project.build.arn
}

output "bucket_name" {
  description = "Where sources go."
  value       = aws_s3_bucket.artifacts.id
}
