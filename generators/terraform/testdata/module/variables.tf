variable "tags" {
  type        = map(string)
  description = "Tags added to every taggable resource of the module, under the module's own tags and Name tag."
  default     = {}
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

variable "student" {
  type        = string
  description = "Student the copy belongs to."
  default     = "ada"
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 block of the VPC."
  default     = "10.0.0.0/16"
}
