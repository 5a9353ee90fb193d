variable "region" {
  type        = string
  description = "AWS Region to deploy into."
  default     = "us-east-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "The region must be an AWS Region code such as us-east-1."
  }

  validation {
    condition     = contains(["af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"], var.region)
    error_message = "The region must be a commercial AWS Region with at least 2 Availability Zones, because the subnets are planned for 2."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource that supports them, applied through the provider's default_tags."
  default = {
    Blueprint = "vpc"
    Course    = "DevOps 101"
    Lab       = "devops-101"
    ManagedBy = "scaffold"
    Owner     = "grace@example.edu"
    Project   = "devops-101-grace-hopper"
    Student   = "grace-hopper"
  }
}

variable "name" {
  type        = string
  description = "Prefix for resource names and Name tags."
  default     = "devops-101-grace-hopper"

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
  description = "IPv4 block of the VPC, such as 10.20.16.0/20. Its prefix length must stay /20, because the subnet grid is planned for a /20."
  default     = "10.20.16.0/20"

  validation {
    condition     = can(regex("^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/20$", var.vpc_cidr))
    error_message = "The VPC block must be an IPv4 CIDR block with a /20 prefix (four numbers from 0 to 255 separated by dots, then /20), such as 10.20.16.0/20."
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
