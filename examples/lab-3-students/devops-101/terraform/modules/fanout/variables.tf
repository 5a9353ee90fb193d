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
