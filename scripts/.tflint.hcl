# TFLint configuration for scripts/check-examples.sh (passed with --config).
#
# Only the terraform ruleset bundled inside tflint is used: it needs no
# `tflint --init` and no download. The tflint-ruleset-aws plugin (invalid
# instance types, AMI ids, ...) is a separate download that this offline
# environment cannot fetch, so it is not enabled: a known gap.
config {
  call_module_type = "local"
}

# "all": on top of the recommended rules, descriptions on every variable and
# output, the standard module structure (variables in variables.tf, outputs in
# outputs.tf, main.tf present), snake_case names, typed variables.
plugin "terraform" {
  enabled = true
  preset  = "all"
}
