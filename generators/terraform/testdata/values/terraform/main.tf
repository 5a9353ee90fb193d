# Regular Availability Zones only; Local and Wavelength Zones need opt-in.
data "aws_availability_zones" "available" {
  state = "available"

  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

data "aws_partition" "current" {}

# label with a newline
resource "aws_cloudwatch_log_group" "main" {
  name              = "/$${literal}/%%{if}/cost${"$"}${var.code}-7-false-${data.aws_availability_zones.available.names[2]}100%${var.env}"
  retention_in_days = var.size
  kms_key_id        = var.env

  tags = {
    Name = "suffix-${data.aws_partition.current.dns_suffix}"
  }
}

# role
resource "aws_iam_role" "role" {
  assume_role_policy = jsonencode({
    Statement   = []
    "null"      = {}
    "with-dash" = [1, true, "multi\nline\ttab \\ backslash"]
    Nested = {
      Ref = aws_cloudwatch_log_group.main.id
    }
  })
  description = ""
}
