variable "region" {
  type        = string
  description = "AWS Region to deploy into."
  default     = "us-west-2"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "The region must be an AWS Region code such as us-east-1."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource that supports them, applied through the provider's default_tags."
  default = {
    Project              = "lab"
    "scaffold:blueprint" = "failover"
  }
}

variable "name" {
  type        = string
  description = "Prefix for resource names."
  default     = "lab"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*$", var.name))
    error_message = "Must start with a lowercase letter and contain only lowercase letters, digits and hyphens."
  }

  validation {
    condition     = length(var.name) >= 1 && length(var.name) <= 32
    error_message = "The name must be 1 to 32 characters long."
  }
}

variable "source_db_arn" {
  type        = string
  description = "ARN of the database in the primary region that the replica copies."
}

variable "replica_bucket_arn" {
  type        = string
  description = "ARN of the bucket in the recovery region that objects are copied to."
}

variable "replica_key_arn" {
  type        = string
  description = "ARN of the KMS key in the recovery region that encrypts the copies."
}

variable "hosted_zone_id" {
  type        = string
  description = "ID of the Route 53 hosted zone that holds the application's name."
}

variable "domain_name" {
  type        = string
  description = "The application's name in the hosted zone."
}

variable "standby_dns_name" {
  type        = string
  description = "DNS name of the recovery region's load balancer."
}

variable "standby_zone_id" {
  type        = string
  description = "Hosted zone ID of the recovery region's load balancer."
}
