variable "region" {
  type        = string
  description = "AWS Region every student's environment is deployed to."
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
  description = "Extra tags for every resource of every student, applied through the provider's default_tags. The lab's own tags (Lab, Student, Owner and the blueprint's) are set by the modules."
  default     = {}
}
