provider "aws" {
  alias  = "primary"
  region = var.primary_region

  default_tags {
    tags = merge({
      DRRole = "primary"
    }, var.tags)
  }
}

provider "aws" {
  alias  = "dr"
  region = var.dr_region

  default_tags {
    tags = merge({
      DRRole = "dr"
    }, var.tags)
  }
}

provider "aws" {
  alias  = "assets"
  region = var.assets_region

  default_tags {
    tags = merge({
      DRRole = "assets"
    }, var.tags)
  }
}

provider "aws" {
  alias  = "dns"
  region = var.dns_region

  default_tags {
    tags = merge({
      DRRole = "dns"
    }, var.tags)
  }
}
