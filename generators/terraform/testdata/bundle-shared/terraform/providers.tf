provider "aws" {
  alias  = "primary"
  region = var.primary_region

  default_tags {
    tags = merge({
      Stack = "primary"
    }, var.tags)
  }
}

provider "aws" {
  alias  = "dr"
  region = var.dr_region

  default_tags {
    tags = merge({
      Stack = "dr"
    }, var.tags)
  }
}

provider "aws" {
  alias  = "replication"
  region = var.replication_region

  default_tags {
    tags = merge({
      Stack = "replication"
    }, var.tags)
  }
}
