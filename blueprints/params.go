// Package blueprints holds what every blueprint shares: parameter errors,
// tag parsing and common name rules. Each blueprint lives in its own
// sub-package, validates its parameters and builds a graph; it imports only
// the graph model and these helpers, never a generator.
package blueprints

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// ParamError is a bad parameter value. Param is the parameter's CLI name
// without dashes ("azs"), so the CLI can say --azs and a lab file can say
// azs: about the same problem.
type ParamError struct {
	Param  string
	Value  string
	Reason string
}

// Error reads as the one-line message the CLI prints.
func (e *ParamError) Error() string {
	return fmt.Sprintf("invalid value %q for --%s: %s", e.Value, e.Param, e.Reason)
}

// namePattern keeps names usable everywhere they end up: S3-style
// lowercase, CloudWatch log group paths, IAM names and Name tags.
var namePattern = regexp.MustCompile(`^[a-z][a-z0-9-]{0,26}[a-z0-9]$`)

// NameRule describes namePattern in words for error messages and docs.
const NameRule = "2 to 28 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen"

// NamePattern is namePattern's source, for templates that must enforce the
// same rule at deploy time.
const NamePattern = `^[a-z][a-z0-9-]{0,26}[a-z0-9]$`

// NameParam is the deploy-time parameter every blueprint's resource names
// and Name tags start with.
const NameParam = "name"

// NameParameter declares NameParam with defaultName as its default and the
// same rule ValidateName enforces, so a name changed at deploy time is held
// to it too.
func NameParameter(defaultName string) graph.Parameter {
	return graph.Parameter{
		Name:           NameParam,
		Type:           graph.ParamString,
		Description:    "Prefix for resource names and Name tags.",
		Default:        graph.String(defaultName),
		Pattern:        NamePattern,
		ConstraintHelp: "The name must be " + NameRule + ".",
		MinLength:      2,
		MaxLength:      28,
	}
}

// Named returns the value "<name>-<suffix>" (just the name when suffix is
// empty), resolved at deploy time from NameParam.
func Named(suffix string) graph.Value {
	if suffix == "" {
		return graph.Join{graph.Param(NameParam)}
	}
	return graph.Join{graph.Param(NameParam), graph.String("-" + suffix)}
}

// ValidateName checks a deployment name.
func ValidateName(name string) error {
	if !namePattern.MatchString(name) {
		return &ParamError{Param: "name", Value: name, Reason: "want " + NameRule}
	}
	return nil
}

// ParseTags parses repeated KEY=VALUE flags into tags sorted by key, with
// AWS's limits: keys of 1 to 128 characters that do not start with "aws:",
// values of at most 256 characters, and no key given twice.
func ParseTags(pairs []string) ([]graph.Tag, error) {
	tags := make([]graph.Tag, 0, len(pairs))
	seen := make(map[string]bool, len(pairs))
	for _, pair := range pairs {
		key, value, ok := strings.Cut(pair, "=")
		key = strings.TrimSpace(key)
		switch {
		case !ok:
			return nil, &ParamError{Param: "tag", Value: pair, Reason: "want KEY=VALUE"}
		case key == "" || len(key) > 128:
			return nil, &ParamError{Param: "tag", Value: pair, Reason: "the key must be 1 to 128 characters"}
		case key == "Name":
			return nil, &ParamError{Param: "tag", Value: pair, Reason: "scaffold sets each resource's Name tag from --name; use another key"}
		case strings.HasPrefix(strings.ToLower(key), "aws:"):
			return nil, &ParamError{Param: "tag", Value: pair, Reason: `keys starting with "aws:" are reserved by AWS`}
		case len(value) > 256:
			return nil, &ParamError{Param: "tag", Value: pair, Reason: "the value must be at most 256 characters"}
		case !tagText.MatchString(key) || !tagText.MatchString(value):
			return nil, &ParamError{Param: "tag", Value: pair, Reason: "use letters, digits, spaces and + - = . _ : / @ only"}
		case seen[key]:
			return nil, &ParamError{Param: "tag", Value: pair, Reason: fmt.Sprintf("key %q is given twice", key)}
		}
		seen[key] = true
		tags = append(tags, graph.Tag{Key: key, Value: value})
	}
	sort.Slice(tags, func(i, j int) bool { return tags[i].Key < tags[j].Key })
	return tags, nil
}

// tagText is the character set AWS accepts in tags across services.
var tagText = regexp.MustCompile(`^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`)

// MergeTags returns base with extra added; a key in extra replaces the same
// key in base. The result is sorted by key so output never depends on flag
// order.
func MergeTags(base, extra []graph.Tag) []graph.Tag {
	// Whole tags, not just values, so that a tag reading a parameter
	// keeps its Param.
	merged := map[string]graph.Tag{}
	for _, t := range base {
		merged[t.Key] = t
	}
	for _, t := range extra {
		merged[t.Key] = t
	}
	keys := make([]string, 0, len(merged))
	for k := range merged {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	tags := make([]graph.Tag, len(keys))
	for i, k := range keys {
		tags[i] = merged[k]
	}
	return tags
}
