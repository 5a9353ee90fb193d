variable "region" {
  type        = string
  description = "AWS Region to deploy into."
  default     = "eu-west-1"

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
    "cost-center"        = "training"
    "scaffold:blueprint" = "vpc"
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

variable "flow_log_retention_days" {
  type        = number
  description = "Days to keep VPC flow logs."
  default     = 14

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 365], var.flow_log_retention_days)
    error_message = "The flow_log_retention_days must be one of: 1, 3, 5, 7, 14, 30, 60, 90, 365."
  }
}

variable "flow_log_traffic_type" {
  type        = string
  description = "Which traffic the flow logs record."
  default     = "REJECT"

  validation {
    condition     = contains(["ACCEPT", "REJECT", "ALL"], var.flow_log_traffic_type)
    error_message = "The flow_log_traffic_type must be one of: ACCEPT, REJECT, ALL."
  }
}
