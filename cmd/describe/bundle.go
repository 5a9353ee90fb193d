package describe

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/generators/docs"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

func runBundle(opts *DescribeOptions, cmd *cobra.Command, b *graph.Bundle, warnings []string, format string, assumptions cost.Assumptions) error {
	if err := checkView(opts, format); err != nil {
		return err
	}
	d, err := BuildBundle(b, cmd, warnings, assumptions)
	if err != nil {
		return err
	}
	if format == "json" {
		return printJSON(opts, d)
	}
	var out string
	switch opts.Diagram {
	case "dot":
		out = docs.BundleDOT(b)
	case "mermaid":
		// Mermaid draws one flowchart per block; each stack gets its own,
		// under a comment naming it.
		for _, s := range b.Stacks {
			out += fmt.Sprintf("%%%% stack %s (%s)\n%s\n", s.Name, s.Graph.Region, docs.Mermaid(s.Graph))
		}
	default:
		out = d.Text(opts.Diagram == "ascii")
	}
	_, err = fmt.Fprint(opts.IO.Out, out)
	return err
}

// BuildBundle describes a multi-stack blueprint: its stacks in deploy
// order with the values they pass on, the components of every stack
// (named stack.id, and grouped by reason across stacks, so the primary's
// and the DR region's networks are explained once), the blueprint's own
// account of itself from the stack that carries it, and the cost of all
// stacks together.
func BuildBundle(b *graph.Bundle, cmd *cobra.Command, warnings []string, assumptions cost.Assumptions) (*Description, error) {
	d := &Description{
		Blueprint:   b.Blueprint,
		Summary:     blueprintSummary(cmd, b.Blueprint),
		Builds:      b.Description,
		Parameters:  parameters(cmd),
		Warnings:    nonNil(warnings),
		Tables:      []Table{},
		Notes:       []Note{},
		Equivalents: []Equivalent{},
		Outputs:     []Output{},
	}
	var parts []cost.Part
	index := map[string]int{}
	notes := map[string]bool{}
	addNote := func(n graph.Note) {
		if !notes[n.Title+"\x00"+n.Body] {
			notes[n.Title+"\x00"+n.Body] = true
			d.Notes = append(d.Notes, Note{Title: n.Title, Body: n.Body})
		}
	}
	for _, n := range b.Docs.Notes {
		addNote(n)
	}
	for _, s := range b.Stacks {
		g := s.Graph
		if d.Region == "" {
			d.Region = g.Region
		}
		if d.Purpose == "" && g.About.Purpose != "" {
			d.Purpose = g.About.Purpose
			d.Availability = Availability{Survives: nonNil(g.About.Survives), Exposed: nonNil(g.About.Exposed), Target: g.About.Target}
			for _, e := range g.About.Equivalents {
				d.Equivalents = append(d.Equivalents, Equivalent(e))
			}
		}
		stack := Stack{Name: s.Name, Region: g.Region, Builds: g.Description, Resources: len(g.Components), Inputs: []string{}}
		for _, in := range s.Inputs {
			stack.Inputs = append(stack.Inputs, fmt.Sprintf("%s ← %s.%s", in.Parameter, in.Stack, in.Output))
		}
		d.Stacks = append(d.Stacks, stack)
		d.Resources += len(g.Components)
		for _, r := range roles(g) {
			key := r.Kind + "\x00" + r.Why
			i, ok := index[key]
			if !ok {
				i = len(d.Components)
				index[key] = i
				d.Components = append(d.Components, Role{Kind: r.Kind, Why: r.Why})
			}
			for _, id := range r.IDs {
				d.Components[i].IDs = append(d.Components[i].IDs, s.Name+"."+id)
			}
		}
		for _, o := range g.Outputs {
			d.Outputs = append(d.Outputs, Output{Name: s.Name + "_" + o.Name, Description: o.Description})
		}
		for _, t := range g.Docs.Tables {
			t.Title = fmt.Sprintf("%s (%s stack)", t.Title, s.Name)
			d.Tables = append(d.Tables, Table(t))
		}
		for _, n := range g.Docs.Notes {
			addNote(n)
		}
		estimate, err := cost.Of(g, assumptions)
		if err != nil {
			return nil, fmt.Errorf("stack %s: %w", s.Name, err)
		}
		parts = append(parts, cost.Part{Stack: s.Name, Estimate: estimate})
		d.graphs = append(d.graphs, namedGraph{stack: s.Name, graph: g})
	}
	d.Cost = cost.Combine(parts)
	d.CostDrivers = d.Cost.Drivers()
	if d.CostDrivers == nil {
		d.CostDrivers = []cost.Driver{}
	}
	return d, nil
}
