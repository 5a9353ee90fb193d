variable "region" {
  type        = string
  description = "AWS region to deploy into."
  default     = "eu-west-1"
}

variable "name" {
  type        = string
  description = "Name prefix for every resource."
  default     = "demo"
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 CIDR block of the VPC."
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "The vpc_cidr value must be a valid IPv4 CIDR block."
  }
}

variable "azs" {
  type        = map(number)
  description = "Availability zones to use, each with its index in the CIDR plan."
  default = {
    "eu-west-1a" = 0
    "eu-west-1b" = 1
  }
}

variable "flow_log_retention_days" {
  type        = number
  description = "How long to keep VPC flow logs."
  default     = 30
}
