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

variable "primary_vpc_id" {
  type        = string
  description = "ID of the primary region's VPC."

  validation {
    condition     = can(regex("^vpc-[0-9a-f]+$", var.primary_vpc_id))
    error_message = "The VPC ID must look like vpc-0123456789abcdef0."
  }
}

variable "dr_vpc_cidr" {
  type        = string
  description = "IPv4 range of the DR region's VPC."

  validation {
    condition     = can(regex("^[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}$", var.dr_vpc_cidr))
    error_message = "The range must be an IPv4 CIDR block such as 10.1.0.0/16."
  }
}
