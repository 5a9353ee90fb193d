variable "region" {
  type        = string
  description = "AWS Region to deploy into."
  default     = "us-gov-west-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "The region must be an AWS Region code such as us-east-1."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource that supports them, applied through the provider's default_tags."
  default = {
    "aws-cdk:x" = "quote \" and $${not_interpolated}"
    "true"      = "keyword key"
  }
}

variable "env" {
  type        = string
  description = "Environment the log group belongs to."

  validation {
    condition     = contains(["dev", "prod"], var.env)
    error_message = "Use dev or prod."
  }
}

variable "code" {
  type        = string
  description = "Short code in the log group name."

  validation {
    condition     = length(var.code) <= 8
    error_message = "The code must be at most 8 characters long."
  }
}

variable "size" {
  type        = number
  description = "Days to keep the log events."
}
