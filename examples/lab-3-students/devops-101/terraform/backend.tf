# The class's state lives in S3. Give the bucket, key and region at init
# time (terraform init -backend-config=bucket=...
# -backend-config=key=labs/devops-101/terraform.tfstate
# -backend-config=region=...), as the lab's README shows. use_lockfile locks
# the state with an object beside it (Terraform 1.10 or later), so two
# instructors cannot apply at once and no DynamoDB table is needed.

terraform {
  backend "s3" {
    use_lockfile = true
    encrypt      = true
  }
}
