# A security group in the primary VPC that admits PostgreSQL from the DR
# VPC.

# security group: PostgreSQL from the DR VPC
resource "aws_security_group" "replication_security_group" {
  name        = "${var.name}-replication"
  description = "PostgreSQL from the DR VPC"
  vpc_id      = var.primary_vpc_id

  tags = {
    Name = "${var.name}-replication"
  }

  # Rules are separate resources. The provider removes the allow-all egress
  # rule AWS adds to a new group, so only those rules apply.
}

# ingress: PostgreSQL from the DR VPC
resource "aws_vpc_security_group_ingress_rule" "replication_ingress" {
  security_group_id = aws_security_group.replication_security_group.id
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = var.dr_vpc_cidr
  description       = "PostgreSQL from the DR VPC"
}
