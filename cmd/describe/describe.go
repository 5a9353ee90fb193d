// Package describe is the `scaffold describe` command: what a blueprint
// builds and why, its parameters, availability story, equivalents in other
// clouds, cost and a diagram, as text for people or JSON for tools.
package describe

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/generators/docs"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// DescribeOptions are the view flags of `scaffold describe`.
type DescribeOptions struct {
	IO      *cmdutil.IOStreams
	Diagram string
}

// Diagram styles accepted by --diagram.
func diagramStyles() []string { return []string{"ascii", "dot", "mermaid", "none"} }

// Output formats accepted by describe's --format.
func formats() []string { return []string{"json", "text"} }

// hiddenFlags are the blueprint flags about writing files, which describe
// does not do.
func hiddenFlags() []string { return []string{"out", "force", "dry-run", "ci"} }

// NewCmdDescribe builds `describe` with one subcommand per blueprint; each
// takes the blueprint's own flags, so the description (components, cost,
// diagram) is that of exactly the architecture those flags generate.
func NewCmdDescribe(f *cmdutil.Factory, blueprints []cmdutil.Blueprint) *cobra.Command {
	opts := &DescribeOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "describe <blueprint> [flags]",
		Short: "Explain a blueprint: what it builds and why, parameters, availability, equivalents, cost, diagram",
		Long: `Explain a blueprint the way a reference book would: its purpose, every component with the
reason it exists, the parameters with their defaults and valid values, which failures it
survives, the GCP and Azure counterparts of its building blocks, a monthly cost estimate and
a diagram. Blueprint flags change the description exactly as they change the generated
code (--azs 3 describes three zones).

--format json prints the same content for tools; its schema is schemas/describe.schema.json.`,
		Example: `  scaffold describe vpc
  scaffold describe vpc --azs 3 --nat single
  scaffold describe fanout --format json
  scaffold describe asg-spot --diagram dot | dot -Tsvg > asg-spot.svg`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			return cmdutil.FlagErrorf("describe needs a blueprint: %s", cmdutil.BlueprintNames(blueprints))
		},
	}
	cmd.PersistentFlags().StringVar(&opts.Diagram, "diagram", "ascii", "diagram style in the text view: ascii, mermaid, dot (only the diagram is printed) or none")
	for _, b := range blueprints {
		var sub *cobra.Command
		// view reads describe's own flags off the blueprint's command.
		view := func() (string, cost.Assumptions, error) {
			format, _ := sub.Flags().GetString("format")
			gb, _ := sub.Flags().GetFloat64("assume-gb")
			assumptions, err := cmdutil.OutputOptions{AssumeGB: gb}.CostAssumptions()
			return format, assumptions, err
		}
		if b.NewBundleCmd != nil {
			sub = b.NewBundleCmd(f, func(bundle *graph.Bundle, warnings []string) error {
				format, assumptions, err := view()
				if err != nil {
					return err
				}
				return runBundle(opts, sub, bundle, warnings, format, assumptions)
			})
		} else {
			sub = b.NewCmd(f, func(g *graph.Graph, warnings []string) error {
				format, assumptions, err := view()
				if err != nil {
					return err
				}
				return run(opts, sub, g, warnings, format, assumptions)
			})
		}
		for _, name := range hiddenFlags() {
			if flag := sub.Flags().Lookup(name); flag != nil {
				flag.Hidden = true
			}
		}
		// The blueprint's --format picks the IaC to write; here the same
		// flag picks the description's format, as `describe --format json`
		// reads naturally.
		format := sub.Flags().Lookup("format")
		format.Usage = "text or json"
		format.DefValue = "text"
		_ = format.Value.Set("text")
		delete(sub.Annotations, cmdutil.BlueprintAnnotation)
		sub.Short = "describe the " + sub.Name() + " blueprint"
		sub.Example = fmt.Sprintf("  scaffold describe %s\n  scaffold describe %s --format json", sub.Name(), sub.Name())
		cmd.AddCommand(sub)
	}
	return cmd
}

func checkView(opts *DescribeOptions, format string) error {
	if !contains(formats(), format) {
		return cmdutil.FlagErrorf("invalid value %q for --format: must be one of %s", format, strings.Join(formats(), ", "))
	}
	if !contains(diagramStyles(), opts.Diagram) {
		return cmdutil.FlagErrorf("invalid value %q for --diagram: must be one of %s", opts.Diagram, strings.Join(diagramStyles(), ", "))
	}
	return nil
}

func printJSON(opts *DescribeOptions, d *Description) error {
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(opts.IO.Out, "%s\n", data)
	return err
}

func run(opts *DescribeOptions, cmd *cobra.Command, g *graph.Graph, warnings []string, format string, assumptions cost.Assumptions) error {
	if err := checkView(opts, format); err != nil {
		return err
	}
	d, err := Build(g, cmd, warnings, assumptions)
	if err != nil {
		return err
	}
	if format == "json" {
		return printJSON(opts, d)
	}
	switch opts.Diagram {
	case "dot":
		_, err := fmt.Fprint(opts.IO.Out, docs.DOT(g))
		return err
	case "mermaid":
		_, err := fmt.Fprint(opts.IO.Out, docs.Mermaid(g))
		return err
	}
	_, err = fmt.Fprint(opts.IO.Out, d.Text(opts.Diagram == "ascii"))
	return err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Description is what describe prints, in the shape of
// schemas/describe.schema.json.
type Description struct {
	Blueprint    string         `json:"blueprint"`
	Summary      string         `json:"summary"`
	Purpose      string         `json:"purpose"`
	Builds       string         `json:"builds"`
	Region       string         `json:"region"`
	Resources    int            `json:"resources"`
	Components   []Role         `json:"components"`
	Parameters   []Parameter    `json:"parameters"`
	Availability Availability   `json:"availability"`
	Equivalents  []Equivalent   `json:"equivalents"`
	Outputs      []Output       `json:"outputs"`
	Warnings     []string       `json:"warnings"`
	Notes        []Note         `json:"notes"`
	Tables       []Table        `json:"tables"`
	Stacks       []Stack        `json:"stacks,omitempty"`
	Cost         *cost.Estimate `json:"cost"`
	CostDrivers  []cost.Driver  `json:"cost_drivers"`
	// graphs are what the diagrams draw: one graph, or a bundle's stacks.
	graphs []namedGraph
}

// Stack is one stack of a multi-stack blueprint, in deploy order.
type Stack struct {
	Name      string   `json:"name"`
	Region    string   `json:"region"`
	Builds    string   `json:"builds"`
	Resources int      `json:"resources"`
	Inputs    []string `json:"inputs"`
}

type namedGraph struct {
	stack string
	graph *graph.Graph
}

// Table is a titled grid the blueprint documents itself with, such as
// the CIDR plan.
type Table struct {
	Title   string     `json:"title"`
	Columns []string   `json:"columns"`
	Rows    [][]string `json:"rows"`
}

// Role is one reason for components to exist, with the components that
// exist for it.
type Role struct {
	IDs  []string `json:"ids"`
	Kind string   `json:"kind"`
	Why  string   `json:"why"`
}

// Parameter is one blueprint flag.
type Parameter struct {
	Flag        string `json:"flag"`
	Type        string `json:"type"`
	Default     string `json:"default"`
	Valid       string `json:"valid"`
	Description string `json:"description"`
}

// Availability is which failures the architecture survives.
type Availability struct {
	Survives []string `json:"survives"`
	Exposed  []string `json:"does_not_survive"`
	Target   string   `json:"target"`
}

// Equivalent is an AWS building block and its counterparts.
type Equivalent struct {
	AWS   string `json:"aws"`
	GCP   string `json:"gcp"`
	Azure string `json:"azure"`
	Note  string `json:"note,omitempty"`
}

// Output is one value the deployment publishes.
type Output struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// Note is one titled paragraph of the blueprint's documentation.
type Note struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

// Build collects the description of graph g, built by the blueprint
// command cmd with its current flags, with a cost estimate under
// assumptions.
func Build(g *graph.Graph, cmd *cobra.Command, warnings []string, assumptions cost.Assumptions) (*Description, error) {
	estimate, err := cost.Of(g, assumptions)
	if err != nil {
		return nil, err
	}
	short := blueprintSummary(cmd, g.Blueprint)
	d := &Description{
		Blueprint:  g.Blueprint,
		Summary:    short,
		Purpose:    g.About.Purpose,
		Builds:     g.Description,
		Region:     g.Region,
		Resources:  len(g.Components),
		Components: roles(g),
		Parameters: parameters(cmd),
		Availability: Availability{
			Survives: nonNil(g.About.Survives), Exposed: nonNil(g.About.Exposed), Target: g.About.Target,
		},
		Warnings:    nonNil(warnings),
		Tables:      []Table{},
		Cost:        estimate,
		CostDrivers: estimate.Drivers(),
		graphs:      []namedGraph{{graph: g}},
	}
	if d.CostDrivers == nil {
		d.CostDrivers = []cost.Driver{}
	}
	for _, t := range g.Docs.Tables {
		d.Tables = append(d.Tables, Table(t))
	}
	for _, e := range g.About.Equivalents {
		d.Equivalents = append(d.Equivalents, Equivalent(e))
	}
	for _, o := range g.Outputs {
		d.Outputs = append(d.Outputs, Output{Name: o.Name, Description: o.Description})
	}
	for _, n := range g.Docs.Notes {
		d.Notes = append(d.Notes, Note{Title: n.Title, Body: n.Body})
	}
	if d.Notes == nil {
		d.Notes = []Note{}
	}
	return d, nil
}

// blueprintSummary is the blueprint's one-line summary: the top-level
// command's Short, since describe replaced its subcommand's.
func blueprintSummary(cmd *cobra.Command, blueprint string) string {
	short := cmd.Short
	for _, c := range cmd.Root().Commands() {
		if c.Name() == blueprint && c.Annotations[cmdutil.BlueprintAnnotation] != "" {
			short = c.Short
		}
	}
	return short
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// roles groups the components by the reason they exist, in the order the
// graph first mentions each reason.
func roles(g *graph.Graph) []Role {
	var out []Role
	index := map[string]int{}
	for _, c := range g.Components {
		key := string(c.Kind) + "\x00" + c.Why
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, Role{Kind: string(c.Kind), Why: c.Why})
		}
		out[i].IDs = append(out[i].IDs, c.ID)
	}
	return out
}

// parameters lists the blueprint's flags that shape the architecture, in
// name order.
func parameters(cmd *cobra.Command) []Parameter {
	var out []Parameter
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		// format and diagram are describe's own view flags.
		if f.Hidden || f.Name == "help" || f.Name == "format" || f.Name == "diagram" {
			return
		}
		valid := ""
		if v := f.Annotations[cmdutil.ValidAnnotation]; len(v) > 0 {
			valid = v[0]
		}
		def := f.DefValue
		if def == "[]" {
			def = ""
		}
		out = append(out, Parameter{Flag: "--" + f.Name, Type: f.Value.Type(), Default: def, Valid: valid, Description: f.Usage})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Flag < out[j].Flag })
	return out
}
