variable "primary_region" {
  type        = string
  description = "AWS Region of the primary stack."
  default     = "eu-west-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.primary_region))
    error_message = "The region must be an AWS Region code such as us-east-1."
  }
}

variable "dr_region" {
  type        = string
  description = "AWS Region of the dr stack."
  default     = "eu-central-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.dr_region))
    error_message = "The region must be an AWS Region code such as us-east-1."
  }
}

variable "assets_region" {
  type        = string
  description = "AWS Region of the assets stack."
  default     = "eu-west-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.assets_region))
    error_message = "The region must be an AWS Region code such as us-east-1."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource that supports them, applied through the provider's default_tags."
  default = {
    Blueprint = "pilot-light"
    ManagedBy = "scaffold"
    Project   = "shop"
  }
}

variable "primary_name" {
  type        = string
  description = "Prefix for resource names and Name tags."
  default     = "shop"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,26}[a-z0-9]$", var.primary_name))
    error_message = "The name must be 2 to 28 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen."
  }

  validation {
    condition     = length(var.primary_name) >= 2 && length(var.primary_name) <= 28
    error_message = "The primary_name must be 2 to 28 characters long."
  }
}

variable "primary_flow_log_retention_days" {
  type        = number
  description = "Days CloudWatch Logs keeps VPC flow log records."
  default     = 90

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.primary_flow_log_retention_days)
    error_message = "Retention must be a value CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "dr_name" {
  type        = string
  description = "Prefix for resource names and Name tags."
  default     = "shop"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,26}[a-z0-9]$", var.dr_name))
    error_message = "The name must be 2 to 28 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen."
  }

  validation {
    condition     = length(var.dr_name) >= 2 && length(var.dr_name) <= 28
    error_message = "The dr_name must be 2 to 28 characters long."
  }
}

variable "dr_flow_log_retention_days" {
  type        = number
  description = "Days CloudWatch Logs keeps VPC flow log records."
  default     = 90

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.dr_flow_log_retention_days)
    error_message = "Retention must be a value CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "assets_name" {
  type        = string
  description = "Prefix for resource names and Name tags."
  default     = "shop"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,26}[a-z0-9]$", var.assets_name))
    error_message = "The name must be 2 to 28 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen."
  }

  validation {
    condition     = length(var.assets_name) >= 2 && length(var.assets_name) <= 28
    error_message = "The assets_name must be 2 to 28 characters long."
  }
}
