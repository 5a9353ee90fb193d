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

variable "hosted_zone_id" {
  type        = string
  description = "Route 53 hosted zone that holds the domain."
  default     = "Z123"

  validation {
    condition     = can(regex("^Z[A-Z0-9]{1,31}$", var.hosted_zone_id))
    error_message = "The hosted zone ID must be Z followed by up to 31 capital letters and digits."
  }
}

variable "domain" {
  type        = string
  description = "Name that fails over between the regions."
  default     = "app.example.com"

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.domain))
    error_message = "The domain must be a lowercase fully qualified name without a trailing dot."
  }

  validation {
    condition     = length(var.domain) <= 253
    error_message = "The domain must be at most 253 characters long."
  }
}

variable "primary_alb_dns_name" {
  type        = string
  description = "DNS name of the primary load balancer (an output of the primary stack)."
}

variable "primary_alb_zone_id" {
  type        = string
  description = "Hosted zone of the primary load balancer's DNS name (an output of the primary stack)."
}

variable "dr_alb_dns_name" {
  type        = string
  description = "DNS name of the recovery load balancer (an output of the dr stack)."
}

variable "dr_alb_zone_id" {
  type        = string
  description = "Hosted zone of the recovery load balancer's DNS name (an output of the dr stack)."
}
