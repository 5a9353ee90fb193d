package compare

import (
	"fmt"
	"strings"

	"github.com/scaffold-iac/scaffold/generators/cloudformation"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/generators/terraform"
)

// MappingRow is one line of the mapping table: how a model property of a
// kind is spelled in each format.
type MappingRow struct {
	Kind               graph.Kind
	TerraformType      string
	CloudFormationType string
	// Property is the model's name; TerraformArgument and
	// CloudFormationProperty are its spellings (a dotted path where the
	// format nests it). Empty Property marks the kind's own row.
	Property, TerraformArgument, CloudFormationProperty string
}

// Mapping derives the table from the generators' own mapping data, so it
// cannot drift from what they render: one row per kind (the types), then
// one per property that a format spells differently from the model.
func Mapping() []MappingRow {
	var rows []MappingRow
	for _, kind := range graph.AllKinds() {
		tf, _ := terraform.MappingFor(kind)
		cfn, _ := cloudformation.MappingFor(kind)
		var cfnTypes []string
		cfnProperty := map[string]string{}
		for _, r := range cfn.Resources {
			cfnTypes = append(cfnTypes, r.Type)
			for _, p := range r.Properties {
				cfnProperty[p.Name] = r.Type + " " + p.Property
				if len(cfn.Resources) == 1 {
					cfnProperty[p.Name] = p.Property
				}
			}
		}
		cfnType := strings.Join(cfnTypes, " + ")
		switch {
		case cfn.Unsupported != "":
			cfnType = "(none: " + cfn.Unsupported + ")"
		case cfn.MergeInto != nil:
			cfnType = fmt.Sprintf("(merged into the %s's resource)", cfn.MergeInto.Kind)
			for _, p := range cfn.MergeInto.Properties {
				cfnProperty[p.Name] = p.Property
			}
			cfnProperty[cfn.MergeInto.Reference] = "(names the " + string(cfn.MergeInto.Kind) + " it merges into)"
		}
		for _, o := range cfn.Omit {
			if o.When != "" {
				cfnProperty[o.Name] += " (omitted when " + o.When + " is set: " + o.Reason + ")"
				continue
			}
			cfnProperty[o.Name] = "(omitted: " + o.Reason + ")"
		}
		rows = append(rows, MappingRow{Kind: kind, TerraformType: tf.Type, CloudFormationType: cfnType})
		for _, p := range tf.Properties {
			row := MappingRow{Kind: kind, TerraformType: tf.Type, CloudFormationType: cfnType, Property: p,
				TerraformArgument: tf.Argument(p), CloudFormationProperty: cfnProperty[p]}
			if row.CloudFormationProperty == "" && cfn.Unsupported == "" {
				row.CloudFormationProperty = "(spread over separate properties)"
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// MappingText renders the table for a terminal.
func MappingText() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Resource types, and how each model property is spelled (model / Terraform / CloudFormation):\n")
	for _, r := range Mapping() {
		if r.Property == "" {
			fmt.Fprintf(&b, "\n%s\n  Terraform:      %s\n  CloudFormation: %s\n", r.Kind, r.TerraformType, r.CloudFormationType)
			continue
		}
		fmt.Fprintf(&b, "    %-42s %-42s %s\n", r.Property, r.TerraformArgument, r.CloudFormationProperty)
	}
	return b.String()
}

// MappingMarkdown renders the table for a wiki.
func MappingMarkdown() string {
	var b strings.Builder
	b.WriteString("| Kind | Model property | Terraform | CloudFormation |\n|---|---|---|---|\n")
	for _, r := range Mapping() {
		if r.Property == "" {
			fmt.Fprintf(&b, "| **%s** | | `%s` | %s |\n", r.Kind, r.TerraformType, cell(r.CloudFormationType))
			continue
		}
		fmt.Fprintf(&b, "| | `%s` | `%s` | %s |\n", r.Property, r.TerraformArgument, cell(r.CloudFormationProperty))
	}
	return b.String()
}
