variable "name" {
  type        = string
  description = "Prefix for resource names and Name tags."
  default     = "lab"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,26}[a-z0-9]$", var.name))
    error_message = "The name must be 2 to 28 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen."
  }

  validation {
    condition     = length(var.name) >= 2 && length(var.name) <= 28
    error_message = "The name must be 2 to 28 characters long."
  }
}

variable "dr_bucket_arn" {
  type        = string
  description = "ARN of the recovery region's asset bucket, the replication destination (an output of the dr stack)."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.dr_bucket_arn))
    error_message = "The ARN must be an S3 bucket ARN."
  }
}

variable "dr_bucket_key_arn" {
  type        = string
  description = "ARN of the KMS key that encrypts the recovery bucket (an output of the dr stack); replicas are encrypted with it."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", var.dr_bucket_key_arn))
    error_message = "The ARN must be a KMS key ARN."
  }
}
