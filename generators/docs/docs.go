// Package docs renders the README that accompanies generated code: what
// was built, the plan tables, notes, a cost estimate, parameters, outputs,
// and how to deploy and destroy it with each generated format. It reads only the graph, so the
// documentation cannot disagree with the code.
package docs

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/templates"
)

// Generator renders README.md for the formats it is told were generated.
type Generator struct {
	terraform, cloudFormation bool
	// assumptions are the usage figures of the README's cost estimate;
	// they come from flags, which the graph does not carry.
	assumptions cost.Assumptions
	tmpl        *template.Template
	// bundleTmpl renders the README of a bundle.
	bundleTmpl *template.Template
}

var _ generators.Generator = (*Generator)(nil)

// New returns a README generator; formats are the names of the IaC
// generators whose output the README explains ("terraform",
// "cloudformation"), and assumptions the usage its cost estimate assumes.
func New(formats []string, assumptions cost.Assumptions) (*Generator, error) {
	if err := assumptions.Validate(); err != nil {
		return nil, fmt.Errorf("README generator: %w", err)
	}
	tmpl, err := template.New("readme.md.tmpl").Option("missingkey=error").
		Funcs(template.FuncMap{"markdownTable": markdownTable}).
		ParseFS(templates.FS, "readme.md.tmpl")
	if err != nil {
		return nil, fmt.Errorf("loading README template: %w", err)
	}
	// chomp lets a section that ends in a table be followed by exactly one
	// blank line, since markdownTable ends with a newline of its own.
	bundleTmpl, err := template.New("bundle-readme.md.tmpl").Option("missingkey=error").
		Funcs(template.FuncMap{"markdownTable": markdownTable, "chomp": func(s string) string { return strings.TrimRight(s, "\n") }}).
		ParseFS(templates.FS, "bundle-readme.md.tmpl")
	if err != nil {
		return nil, fmt.Errorf("loading the bundle README template: %w", err)
	}
	g := &Generator{tmpl: tmpl, bundleTmpl: bundleTmpl, assumptions: assumptions}
	for _, f := range formats {
		switch f {
		case "terraform":
			g.terraform = true
		case "cloudformation":
			g.cloudFormation = true
		default:
			return nil, fmt.Errorf("README generator: unknown format %q", f)
		}
	}
	return g, nil
}

// Name identifies the generator.
func (*Generator) Name() string { return "docs" }

type group struct {
	Name   string
	Count  int
	Labels string
}

type parameter struct {
	Name, Terraform, CloudFormation, Default, Description string
}

type output struct {
	Name, Description string
}

// costSection is the README's cost estimate, already in words.
type costSection struct {
	// Priced is false when no component has a price, so there is no
	// table worth printing.
	Priced                                  bool
	Summary, Assumptions, PriceDate, Source string
	Table                                   graph.Table
	Free, Notes                             []string
}

type data struct {
	Title, Description, Blueprint, Region string
	Groups                                []group
	Tables                                []graph.Table
	Notes                                 []graph.Note
	Cost                                  costSection
	Parameters                            []parameter
	Outputs                               []output
	Tags                                  string
	Terraform, CloudFormation             bool
	RemoteState                           bool
	StackName, TemplateFile, Capabilities string
	DefaultSecurityGroup                  bool
	Diagram                               string
	Names                                 graph.Table
}

// Generate renders README.md.
func (d *Generator) Generate(g *graph.Graph) ([]generators.File, error) {
	estimate, err := cost.Of(g, d.assumptions)
	if err != nil {
		return nil, fmt.Errorf("README: %w", err)
	}
	v := data{
		Title:                fmt.Sprintf("%s — %s blueprint", g.Name, g.Blueprint),
		Description:          g.Description,
		Blueprint:            g.Blueprint,
		Region:               g.Region,
		Tables:               g.Docs.Tables,
		Notes:                g.Docs.Notes,
		Terraform:            d.terraform,
		CloudFormation:       d.cloudFormation,
		RemoteState:          g.RemoteState,
		StackName:            g.Name + "-" + g.Blueprint,
		TemplateFile:         g.Blueprint + ".yaml",
		Capabilities:         capabilities(g),
		DefaultSecurityGroup: hasKind(g, graph.KindDefaultSecurityGroup),
		Diagram:              Mermaid(g),
		Names:                NamePlan(g),
		Cost: costSection{
			Priced:      len(estimate.Lines) > 0,
			Summary:     estimate.Summary(),
			Assumptions: estimate.Assumptions.String(),
			PriceDate:   estimate.PriceDate,
			Source:      estimate.Source,
			Table:       estimate.Table(),
			Free:        estimate.Free,
			Notes:       estimate.Notes,
		},
	}
	index := map[string]int{}
	for _, c := range g.Components {
		name := c.Group
		if name == "" {
			name = string(c.Kind)
		}
		i, ok := index[name]
		if !ok {
			i = len(v.Groups)
			index[name] = i
			v.Groups = append(v.Groups, group{Name: name})
		}
		v.Groups[i].Count++
		if v.Groups[i].Count <= 3 {
			if v.Groups[i].Labels != "" {
				v.Groups[i].Labels += "; "
			}
			v.Groups[i].Labels += c.Label
		} else if v.Groups[i].Count == 4 {
			v.Groups[i].Labels += "; …"
		}
	}
	for _, p := range g.Parameters {
		v.Parameters = append(v.Parameters, parameter{
			Name: p.Name, Terraform: "var." + p.Name, CloudFormation: pascal(p.Name),
			Default: literal(p.Default), Description: p.Description,
		})
	}
	for _, o := range g.Outputs {
		v.Outputs = append(v.Outputs, output{Name: o.Name, Description: o.Description})
	}
	var tags []string
	for _, t := range g.Tags {
		tags = append(tags, tagText(t))
	}
	v.Tags = strings.Join(tags, ", ")
	if v.Tags == "" {
		v.Tags = "none"
	}
	var buf bytes.Buffer
	if err := d.tmpl.Execute(&buf, v); err != nil {
		return nil, fmt.Errorf("rendering README: %w", err)
	}
	return []generators.File{{Path: "README.md", Content: buf.Bytes()}}, nil
}

// capabilities is the --capabilities argument a deploy needs: IAM roles
// (with generated names) need CAPABILITY_IAM, and nothing else here needs
// one.
func capabilities(g *graph.Graph) string {
	if hasKind(g, graph.KindIAMRole) {
		return "CAPABILITY_IAM"
	}
	return ""
}

func hasKind(g *graph.Graph, kind graph.Kind) bool {
	for _, c := range g.Components {
		if c.Kind == kind {
			return true
		}
	}
	return false
}

// pascal mirrors how the CloudFormation generator names parameters, so the
// README's table matches the template.
func pascal(snake string) string {
	var b strings.Builder
	for _, part := range strings.Split(snake, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// NamePlan lists the Name tag every named component gets, as deployed
// with the default name, so a reader can find each resource in the
// console; deploying with another name changes only the prefix.
func NamePlan(g *graph.Graph) graph.Table {
	t := graph.Table{Title: "Names", Columns: []string{"Component", "Name tag"}}
	for _, c := range g.Components {
		if c.Name == nil {
			continue
		}
		t.Rows = append(t.Rows, []string{c.ID, nameText(g, c.Name)})
	}
	return t
}

// nameText writes a name value as it deploys with default parameters;
// values only the deployment knows are shown as placeholders.
func nameText(g *graph.Graph, v graph.Value) string {
	switch v := v.(type) {
	case graph.String:
		return string(v)
	case graph.Join:
		var b strings.Builder
		for _, part := range v {
			b.WriteString(nameText(g, part))
		}
		return b.String()
	case graph.ParamRef:
		if p := g.Parameter(v.Name); p != nil && p.Default != nil {
			return literal(p.Default)
		}
		return "<" + v.Name + ">"
	case graph.Pseudo:
		return "<" + string(v) + ">"
	}
	return "<computed>"
}

func literal(v graph.Value) string {
	switch v := v.(type) {
	case graph.String:
		return string(v)
	case graph.Int:
		return fmt.Sprint(int64(v))
	case graph.Bool:
		return fmt.Sprint(bool(v))
	case nil:
		return "(required)"
	}
	return "(computed)"
}

// columnWidths is the widest cell of each column, header included, in
// runes, so both table renderings align the same way.
func columnWidths(t graph.Table) []int {
	widths := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = len([]rune(c))
	}
	for _, row := range t.Rows {
		for i, cell := range row {
			widths[i] = max(widths[i], len([]rune(cell)))
		}
	}
	return widths
}

// markdownTable renders a table with padded columns so it also reads well
// as plain text.
func markdownTable(t graph.Table) string {
	widths := columnWidths(t)
	var b strings.Builder
	line := func(cells []string) {
		b.WriteString("|")
		for i, cell := range cells {
			b.WriteString(" " + cell + strings.Repeat(" ", widths[i]-len([]rune(cell))) + " |")
		}
		b.WriteString("\n")
	}
	line(t.Columns)
	sep := make([]string, len(widths))
	for i, w := range widths {
		sep[i] = strings.Repeat("-", w)
	}
	line(sep)
	for _, row := range t.Rows {
		line(row)
	}
	return b.String()
}

// TextTable renders a table for a terminal: aligned columns, no pipes.
func TextTable(t graph.Table) string {
	widths := columnWidths(t)
	var b strings.Builder
	line := func(cells []string) {
		for i, cell := range cells {
			if i > 0 {
				b.WriteString("  ")
			}
			if i == len(cells)-1 {
				b.WriteString(cell)
				continue
			}
			b.WriteString(cell + strings.Repeat(" ", widths[i]-len([]rune(cell))))
		}
		b.WriteString("\n")
	}
	line(t.Columns)
	for _, row := range t.Rows {
		line(row)
	}
	return b.String()
}
