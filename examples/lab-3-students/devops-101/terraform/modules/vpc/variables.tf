variable "tags" {
  type        = map(string)
  description = "Tags added to every taggable resource of the module, under the module's own tags and Name tag."
  default     = {}
}

variable "name" {
  type        = string
  description = "Prefix for resource names and Name tags."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,26}[a-z0-9]$", var.name))
    error_message = "The name must be 2 to 28 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen."
  }

  validation {
    condition     = length(var.name) >= 2 && length(var.name) <= 28
    error_message = "The name must be 2 to 28 characters long."
  }
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 block of the VPC, such as 10.20.0.0/20. Its prefix length must stay /20, because the subnet grid is planned for a /20."

  validation {
    condition     = can(regex("^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/20$", var.vpc_cidr))
    error_message = "The VPC block must be an IPv4 CIDR block with a /20 prefix (four numbers from 0 to 255 separated by dots, then /20), such as 10.20.0.0/20."
  }
}

variable "flow_log_retention_days" {
  type        = number
  description = "Days CloudWatch Logs keeps VPC flow log records."
  default     = 90

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_log_retention_days)
    error_message = "Retention must be a value CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "student" {
  type        = string
  description = "ID of the student this environment belongs to (the Student tag)."

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", var.student))
    error_message = "The student ID must be lowercase letters, digits and hyphens, starting and ending with a letter or digit."
  }

  validation {
    condition     = length(var.student) >= 1 && length(var.student) <= 63
    error_message = "The student must be 1 to 63 characters long."
  }
}

variable "owner" {
  type        = string
  description = "Who owns this environment, usually the student's email (the Owner tag)."

  validation {
    condition     = can(regex("^[A-Za-z0-9._%+@-]+$", var.owner))
    error_message = "The owner must be an email address or a student ID."
  }

  validation {
    condition     = length(var.owner) >= 1 && length(var.owner) <= 254
    error_message = "The owner must be 1 to 254 characters long."
  }
}
