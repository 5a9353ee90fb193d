package cloudformation

import (
	"fmt"
	"strings"
	"unicode"
)

// maxNameLength is CloudFormation's limit for logical IDs, parameter names
// and output names.
const maxNameLength = 255

// PascalCase turns a snake_case model name into the alphanumeric PascalCase
// that CloudFormation requires of logical IDs, parameter and output names:
// "public_subnet_a" becomes "PublicSubnetA" and "vpc" becomes "Vpc".
//
// Every run of characters other than ASCII letters and digits separates
// words and is dropped, and only the first letter of each word changes, so
// "s3_endpoint" becomes "S3Endpoint". The same function names components,
// parameters and outputs, which is what lets `scaffold compare` line a
// Terraform address up with a logical ID without a lookup table.
func PascalCase(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	upper := true
	for _, r := range name {
		if !isAlphanumeric(r) {
			upper = true
			continue
		}
		if upper {
			r = unicode.ToUpper(r)
			upper = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isAlphanumeric reports whether r may appear in a CloudFormation name. The
// check is ASCII-only on purpose: CloudFormation rejects other letters.
func isAlphanumeric(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// cfnName converts a model name and checks that the result is a legal
// CloudFormation name, so that a name made only of separators fails here
// with the model's spelling rather than later in CloudFormation.
func cfnName(what, name string) (string, error) {
	converted := PascalCase(name)
	if converted == "" {
		return "", fmt.Errorf("%s %q has no letters or digits to build a CloudFormation name from", what, name)
	}
	if len(converted) > maxNameLength {
		return "", fmt.Errorf("%s %q is longer than %d characters in CloudFormation", what, name, maxNameLength)
	}
	return converted, nil
}

// label turns a snake_case parameter name into the words the console shows
// next to the input box: "flow_log_retention_days" becomes
// "Flow log retention days".
func label(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return !isAlphanumeric(r) })
	text := strings.Join(words, " ")
	if text == "" {
		return name
	}
	return strings.ToUpper(text[:1]) + text[1:]
}
