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

variable "flow_log_retention_days" {
  type        = number
  description = "Days CloudWatch Logs keeps VPC flow log records."
  default     = 90

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_log_retention_days)
    error_message = "Retention must be a value CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}
