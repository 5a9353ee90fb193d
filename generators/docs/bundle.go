package docs

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

var _ generators.BundleGenerator = (*Generator)(nil)

// bundleData is what bundle-readme.md.tmpl reads.
type bundleData struct {
	Title, Description, Blueprint, Tags string
	// Prefix is the default CloudFormation stack name prefix.
	Prefix                    string
	Stacks                    []bundleStack
	Tables                    []graph.Table
	Notes                     []graph.Note
	StackNotes                []stackNote
	Cost, CostAssumptions     string
	CostSource                string
	Terraform, CloudFormation bool
	// DefaultSecurityGroups are the stacks whose VPC default security
	// group CloudFormation leaves alone.
	DefaultSecurityGroups []bundleStack
	// ExampleParameter is the environment variable deploy.sh reads for
	// the first parameter no input fills, or empty when every one is.
	ExampleParameter string
}

// bundleStack is one stack's section of the README.
type bundleStack struct {
	Number                               int
	Name, Region, Description, ExtraTags string
	Diagram, Cost                        string
	RegionVariable, RegionEnv            string
	Inputs                               []graph.Input
	Tables                               []graph.Table
	Parameters                           []parameter
	Outputs                              []bundleOutput
}

// bundleOutput names one stack output in both formats.
type bundleOutput struct {
	Name, Terraform, CloudFormation, Description string
}

// stackNote is a note of one or more stacks' graphs, shown once however
// many stacks share it (the two regions of a pilot light say the same
// about their networks).
type stackNote struct {
	Title, Body string
	// Stacks lists the stacks the note comes from, comma-separated.
	Stacks string
}

// GenerateBundle renders README.md for a bundle: the stacks in deploy
// order and what each reads from the others, the bundle's tables and
// notes, a cost estimate per stack, each stack's diagram, parameters and
// outputs under the names both formats give them, and how to deploy and
// destroy with each generated format. The names it quotes (variables,
// parameters, environment variables) follow the Terraform and
// CloudFormation generators' bundle layouts.
func (d *Generator) GenerateBundle(b *graph.Bundle) ([]generators.File, error) {
	if b == nil {
		return nil, fmt.Errorf("README: no bundle")
	}
	if err := b.Validate(); err != nil {
		return nil, fmt.Errorf("README for bundle %q: %w", b.Name, err)
	}
	v := bundleData{
		Title:          fmt.Sprintf("%s — %s blueprint", b.Name, b.Blueprint),
		Description:    b.Description,
		Blueprint:      b.Blueprint,
		Prefix:         b.Name,
		Tags:           tagList(b.Tags),
		Tables:         b.Docs.Tables,
		Notes:          b.Docs.Notes,
		Terraform:      d.terraform,
		CloudFormation: d.cloudFormation,
	}
	total := 0.0
	notes := map[graph.Note]int{}
	for i := range b.Stacks {
		s := &b.Stacks[i]
		g := s.Graph
		estimate, err := cost.Of(g, d.assumptions)
		if err != nil {
			return nil, fmt.Errorf("README for bundle %q: stack %q: %w", b.Name, s.Name, err)
		}
		total += estimate.TotalUSD
		v.CostAssumptions, v.CostSource = estimate.Assumptions.String(), estimate.Source
		stack := bundleStack{
			Number:         i + 1,
			Name:           s.Name,
			Region:         g.Region,
			Description:    g.Description,
			ExtraTags:      tagList(b.StackTags(s.Name)[len(b.Tags):]),
			Diagram:        Mermaid(g),
			Cost:           estimate.Summary(),
			RegionVariable: s.Name + "_region",
			RegionEnv:      strings.ToUpper(s.Name) + "_REGION",
			Inputs:         s.Inputs,
			Tables:         g.Docs.Tables,
		}
		if stack.ExtraTags == "none" {
			stack.ExtraTags = ""
		}
		for _, p := range g.Parameters {
			row := parameter{
				Name: p.Name, Terraform: "var." + s.Name + "_" + p.Name, CloudFormation: pascal(p.Name),
				Default: "`" + literal(p.Default) + "`", Description: p.Description,
			}
			if in := s.Input(p.Name); in != nil {
				row.Terraform = "module." + in.Stack + "." + in.Output
				row.Default = "output `" + in.Output + "` of " + in.Stack
			} else if v.ExampleParameter == "" {
				v.ExampleParameter = strings.ToUpper(s.Name + "_" + p.Name)
			}
			stack.Parameters = append(stack.Parameters, row)
		}
		for _, o := range g.Outputs {
			stack.Outputs = append(stack.Outputs, bundleOutput{
				Name: o.Name, Terraform: s.Name + "_" + o.Name, CloudFormation: pascal(o.Name), Description: o.Description,
			})
		}
		for _, n := range g.Docs.Notes {
			if at, ok := notes[n]; ok {
				v.StackNotes[at].Stacks += ", " + s.Name
				continue
			}
			notes[n] = len(v.StackNotes)
			v.StackNotes = append(v.StackNotes, stackNote{Title: n.Title, Body: n.Body, Stacks: s.Name})
		}
		v.Stacks = append(v.Stacks, stack)
		if hasKind(g, graph.KindDefaultSecurityGroup) {
			v.DefaultSecurityGroups = append(v.DefaultSecurityGroups, stack)
		}
	}
	v.Cost = totalCost(total)
	var buf bytes.Buffer
	if err := d.bundleTmpl.Execute(&buf, v); err != nil {
		return nil, fmt.Errorf("rendering README for bundle %q: %w", b.Name, err)
	}
	runbook, err := runbookFiles(b.Runbook)
	if err != nil {
		return nil, fmt.Errorf("runbook of bundle %q: %w", b.Name, err)
	}
	return append([]generators.File{{Path: "README.md", Content: buf.Bytes()}}, runbook...), nil
}

// tagList formats tags for prose: `k=v`, `k=v`, or "none".
func tagList(tags []graph.Tag) string {
	if len(tags) == 0 {
		return "none"
	}
	quoted := make([]string, len(tags))
	for i, t := range tags {
		quoted[i] = tagText(t)
	}
	return strings.Join(quoted, ", ")
}

// tagText formats one tag for prose: `k=v`, or `k=<param>` for a tag
// whose value a parameter gives at deploy time, as nameText shows values
// only the deployment knows.
func tagText(t graph.Tag) string {
	if t.Param != "" {
		return fmt.Sprintf("`%s=<%s>`", t.Key, t.Param)
	}
	return fmt.Sprintf("`%s=%s`", t.Key, t.Value)
}

// totalCost words the sum of the stacks' estimates the way
// cost.Estimate.Summary words one.
func totalCost(usd float64) string {
	switch {
	case usd == 0:
		return "$0 per month in all"
	case usd < 0.5:
		return "< $1 per month in all"
	}
	return fmt.Sprintf("≈ $%.0f per month in all", math.Round(usd))
}
