# A pipeline that builds what is uploaded to its bucket.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

# key for artifacts and logs
resource "aws_kms_key" "key" {
  description         = "Pipeline artifacts and build logs."
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"
      }
      Action   = "kms:*"
      Resource = "*"
    }]
  })
}

# bucket for sources and artifacts
resource "aws_s3_bucket" "artifacts" {
  force_destroy = true

  tags = {
    Name = "${var.name}-artifacts"
  }
}

# versioning, which S3 sources need
resource "aws_s3_bucket_versioning" "artifacts_versioning" {
  bucket = aws_s3_bucket.artifacts.id

  versioning_configuration {
    status = "Enabled"
  }
}

# default encryption with the key
resource "aws_s3_bucket_server_side_encryption_configuration" "artifacts_encryption" {
  bucket = aws_s3_bucket.artifacts.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.key.arn
    }
  }
}

# no public access
resource "aws_s3_bucket_public_access_block" "artifacts_public_access" {
  bucket                  = aws_s3_bucket.artifacts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# no ACLs: the bucket owns every object
resource "aws_s3_bucket_ownership_controls" "artifacts_ownership" {
  bucket = aws_s3_bucket.artifacts.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# TLS only
resource "aws_s3_bucket_policy" "artifacts_policy" {
  bucket = aws_s3_bucket.artifacts.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource = [
        aws_s3_bucket.artifacts.arn,
        "arn:${data.aws_partition.current.partition}:s3:::${aws_s3_bucket.artifacts.id}/*",
      ]
      Condition = {
        Bool = {
          "aws:SecureTransport" = "false"
        }
      }
    }]
  })

  depends_on = [aws_s3_bucket_public_access_block.artifacts_public_access]
}

# build logs
resource "aws_cloudwatch_log_group" "build_logs" {
  name              = "/aws/codebuild/${var.name}-build"
  retention_in_days = 30
  kms_key_id        = aws_kms_key.key.arn
}

# role the build runs as
resource "aws_iam_role" "build_role" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        Service = "codebuild.amazonaws.com"
      }
      Action = "sts:AssumeRole"
    }]
  })
}

# deploy anything in two services
# Deliberate exception (aws-iam-no-policy-wildcards): the build deploys whatever the stack holds.
#tfsec:ignore:aws-iam-no-policy-wildcards
resource "aws_iam_role_policy" "build_policy" {
  role = aws_iam_role.build_role.name
  name = "deploy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ec2:*", "sns:*"]
      Resource = "*"
    }]
  })
}

# the build
resource "aws_codebuild_project" "build" {
  name           = "${var.name}-build"
  description    = "Builds the uploaded source."
  service_role   = aws_iam_role.build_role.arn
  build_timeout  = 30
  queued_timeout = 60
  encryption_key = aws_kms_key.key.arn

  source {
    type      = "CODEPIPELINE"
    buildspec = "buildspec.yml"
  }

  artifacts {
    type = "CODEPIPELINE"
  }

  environment {
    compute_type                = "BUILD_GENERAL1_SMALL"
    image                       = "aws/codebuild/amazonlinux-x86_64-standard:5.0"
    type                        = "LINUX_CONTAINER"
    image_pull_credentials_type = "CODEBUILD"

    environment_variable {
      name  = "BUCKET"
      value = aws_s3_bucket.artifacts.id
      type  = "PLAINTEXT"
    }

    environment_variable {
      name  = "STAGE"
      value = "test"
    }
  }

  logs_config {
    cloudwatch_logs {
      status     = "ENABLED"
      group_name = aws_cloudwatch_log_group.build_logs.id
    }

    s3_logs {
      status = "DISABLED"
    }
  }

  tags = {
    Name = "${var.name}-build"
  }
}

# role the pipeline runs as
resource "aws_iam_role" "pipeline_role" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        Service = "codepipeline.amazonaws.com"
      }
      Action = "sts:AssumeRole"
    }]
  })
}

# source, build, approval
resource "aws_codepipeline" "pipeline" {
  name           = "${var.name}-pipeline"
  pipeline_type  = "V2"
  execution_mode = "SUPERSEDED"
  role_arn       = aws_iam_role.pipeline_role.arn

  artifact_store {
    location = aws_s3_bucket.artifacts.id
    type     = "S3"

    encryption_key {
      id   = aws_kms_key.key.arn
      type = "KMS"
    }
  }

  stage {
    name = "Source"

    action {
      name             = "Upload"
      category         = "Source"
      owner            = "AWS"
      provider         = "S3"
      version          = "1"
      output_artifacts = ["source"]
      configuration = {
        S3Bucket             = aws_s3_bucket.artifacts.id
        S3ObjectKey          = "source/lab.zip"
        PollForSourceChanges = "false"
      }
    }
  }

  stage {
    name = "Build"

    action {
      name             = "Build"
      category         = "Build"
      owner            = "AWS"
      provider         = "CodeBuild"
      version          = "1"
      run_order        = 1
      input_artifacts  = ["source"]
      output_artifacts = ["built"]
      configuration = {
        ProjectName = aws_codebuild_project.build.name
      }
    }

    action {
      name      = "Approve"
      category  = "Approval"
      owner     = "AWS"
      provider  = "Manual"
      version   = "1"
      run_order = 2
    }
  }

  tags = {
    Name = "${var.name}-pipeline"
  }
}
