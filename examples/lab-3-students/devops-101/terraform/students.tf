# One entry per student, in roster order; scaffold lab generate rewrites
# this file. The key is the student's ID, which names their module instances
# (module.<blueprint>["<id>"]).

locals {
  students = {
    "ada-lovelace" = {
      name     = "devops-101-ada-lovelace"
      owner    = "ada@example.edu"
      vpc_cidr = "10.20.0.0/20"
    }
    "grace-hopper" = {
      name     = "devops-101-grace-hopper"
      owner    = "grace@example.edu"
      vpc_cidr = "10.20.16.0/20"
    }
    "linus" = {
      name     = "devops-101-linus"
      owner    = "linus@example.edu"
      vpc_cidr = "10.20.32.0/20"
    }
  }
}
