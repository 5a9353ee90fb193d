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
    Project              = "web"
    "scaffold:blueprint" = "asg"
  }
}

variable "name" {
  type        = string
  description = "Prefix for resource names."
  default     = "web"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*$", var.name))
    error_message = "Must start with a lowercase letter and contain only lowercase letters, digits and hyphens."
  }

  validation {
    condition     = length(var.name) >= 1 && length(var.name) <= 20
    error_message = "The name must be 1 to 20 characters long."
  }
}
