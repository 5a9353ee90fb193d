package validate

import (
	"cmp"
	"slices"

	"github.com/zclconf/go-cty/cty"

	"github.com/scaffold-iac/scaffold/schemas"
)

// The facts about the Terraform language (1.11) that the provider schema
// does not carry.

// builtinFunctions are the functions Terraform 1.11 provides, plus the
// functions of its built-in "terraform" provider. Provider-defined functions
// of hashicorp/aws (provider::aws::arn_parse, ...) are left out on purpose:
// the offline stand-in provider does not serve them.
var builtinFunctions = setOf(
	"abs", "abspath", "alltrue", "anytrue", "base64decode", "base64encode", "base64gzip",
	"base64sha256", "base64sha512", "basename", "bcrypt", "can", "ceil", "chomp", "chunklist",
	"cidrhost", "cidrnetmask", "cidrsubnet", "cidrsubnets", "coalesce", "coalescelist", "compact",
	"concat", "contains", "csvdecode", "dirname", "distinct", "element", "endswith",
	"ephemeralasnull", "file", "filebase64", "filebase64sha256", "filebase64sha512", "fileexists",
	"filemd5", "fileset", "filesha1", "filesha256", "filesha512", "flatten", "floor", "format",
	"formatdate", "formatlist", "indent", "index", "issensitive", "jsondecode", "jsonencode", "keys",
	"length", "log", "lookup", "lower", "matchkeys", "max", "md5", "merge", "min", "nonsensitive",
	"one", "parseint", "pathexpand", "plantimestamp", "pow", "range", "regex", "regexall", "replace",
	"reverse", "rsadecrypt", "sensitive", "setintersection", "setproduct", "setsubtract", "setunion",
	"sha1", "sha256", "sha512", "signum", "slice", "sort", "split", "startswith", "strcontains",
	"strrev", "substr", "sum", "templatefile", "templatestring", "textdecodebase64",
	"textencodebase64", "timeadd", "timecmp", "timestamp", "title", "tobool", "tolist", "tomap",
	"tonumber", "toset", "tostring", "transpose", "trim", "trimprefix", "trimspace", "trimsuffix",
	"try", "upper", "urlencode", "uuid", "uuidv5", "values", "yamldecode", "yamlencode", "zipmap",
	"provider::terraform::encode_tfvars", "provider::terraform::decode_tfvars",
	"provider::terraform::encode_expr",
)

// builtinFunctionNames lists builtinFunctions sorted, for suggestions.
func builtinFunctionNames() []string { return sortedKeys(builtinFunctions) }

// builtinResources are the managed resource types Terraform itself provides
// (terraform.io/builtin/terraform). DESIGN.md asks for built-ins instead of
// the random, null and tls providers, so terraform_data must validate.
var builtinResources = map[string]*schemas.Block{
	"terraform_data": {
		Attributes: map[string]*schemas.Attribute{
			"id":               {Type: cty.String, Computed: true},
			"input":            {Type: cty.DynamicPseudoType, Optional: true},
			"output":           {Type: cty.DynamicPseudoType, Computed: true},
			"triggers_replace": {Type: cty.DynamicPseudoType, Optional: true},
		},
	},
}

// reservedVariableNames are the variable names Terraform rejects because
// module blocks use them as meta-arguments.
var reservedVariableNames = setOf(
	"count", "depends_on", "for_each", "lifecycle", "locals", "providers", "source", "version",
)

// variableArgTypes are the types of the literal settings of variable and
// output blocks.
var variableArgTypes = map[string]cty.Type{
	"description": cty.String,
	"sensitive":   cty.Bool,
	"nullable":    cty.Bool,
	"ephemeral":   cty.Bool,
}

// setOf builds a set from its arguments.
func setOf(names ...string) map[string]bool {
	set := make(map[string]bool, len(names))
	for _, name := range names {
		set[name] = true
	}
	return set
}

// sortedKeys returns a map's keys in order, for deterministic iteration.
func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
