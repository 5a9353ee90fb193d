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
    Project = "lab"
  }
}

variable "name" {
  type        = string
  description = "Prefix for resource names."
  default     = "lab"
}
