variable "region" {
  type        = string
  description = "AWS Region to deploy into."
  default     = "us-east-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "The region must be an AWS Region code such as us-east-1."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource that supports them, applied through the provider's default_tags."
  default = {
    Blueprint = "fanout"
    Course    = "DevOps 101"
    Lab       = "devops-101"
    ManagedBy = "scaffold"
    Owner     = "linus@example.edu"
    Project   = "devops-101-linus"
    Student   = "linus"
  }
}

variable "name" {
  type        = string
  description = "Prefix for resource names and Name tags."
  default     = "devops-101-linus"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,26}[a-z0-9]$", var.name))
    error_message = "The name must be 2 to 28 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen."
  }

  validation {
    condition     = length(var.name) >= 2 && length(var.name) <= 28
    error_message = "The name must be 2 to 28 characters long."
  }
}
