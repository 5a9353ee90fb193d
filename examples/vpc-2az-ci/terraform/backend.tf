# State lives in S3. The bucket, key, region and KMS key are given at init
# time (terraform init -backend-config=bucket=... and so on) by the pipeline
# that deploys this module; its README shows the same command for running
# Terraform by hand. use_lockfile locks the state with an object next to it
# (Terraform 1.10 or later), so no DynamoDB table is needed.

terraform {
  backend "s3" {
    use_lockfile = true
    encrypt      = true
  }
}
