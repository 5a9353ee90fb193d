package cmdutil

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cicd"
	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/generators/docs"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/generators/writer"
)

// Generate is the pipeline every blueprint command ends with: render the
// graph with the selected generators and the README (and, with --ci, the
// deployment pipeline), check the result, then print a dry run or write
// the files atomically.
func Generate(f *Factory, g *graph.Graph, out OutputOptions, warnings []string, summary string) error {
	selected, err := SelectGenerators(f.Generators, out.Format)
	if err != nil {
		return err
	}
	assumptions, err := out.CostAssumptions()
	if err != nil {
		return err
	}
	estimate, err := cost.Of(g, assumptions)
	if err != nil {
		return err
	}
	dir := out.Out
	if dir == "" {
		dir = "./" + g.Name
	}
	if out.CI {
		g = withPipeline(g, selected)
	}
	files, err := Render(g, selected, assumptions)
	if err != nil {
		return err
	}
	if out.CI {
		pipelineFiles, err := RenderPipelines(g, selected, files)
		if err != nil {
			return err
		}
		files = append(files, pipelineFiles...)
		generators.SortFiles(files)
	}
	plan, err := planFiles(f, files, dir, out.Force, warnings)
	if err != nil {
		return err
	}
	for _, table := range g.Docs.Tables {
		fmt.Fprintf(f.IO.Out, "%s (%s, %s):\n%s\n", table.Title, g.Name, g.Region, indent(docs.TextTable(table)))
	}
	// A dry run is for reviewing the plan, so it shows what the money
	// goes to; a normal run keeps to one line and leaves the table to the
	// README.
	if out.DryRun {
		fmt.Fprintf(f.IO.Out, "%s:\n%s\n", estimate.Table().Title, indent(docs.TextTable(estimate.Table())))
	}
	fmt.Fprintf(f.IO.Out, "Estimated cost: %s; list prices of %s, README.md says what they leave out.\n", estimate.Summary(), estimate.PriceDate)
	if err := applyPlan(f, plan, dir, len(files), out.DryRun, summary); err != nil || out.DryRun {
		return err
	}
	if out.CI {
		fmt.Fprintf(f.IO.Out, "The pipeline: %s says how to deploy it once, upload the code and approve.\n", filepath.Join(filepath.Clean(dir), "pipeline", "README.md"))
	}
	return nil
}

// planFiles checks the rendered files, plans where they go and prints
// the warnings: the steps before anything is written, alike for single
// graphs and bundles.
func planFiles(f *Factory, files []generators.File, dir string, force bool, warnings []string) (*writer.Plan, error) {
	if f.Validate != nil {
		if err := f.Validate(files); err != nil {
			return nil, fmt.Errorf("generated code failed its own checks (a scaffold bug, please report it): %w", err)
		}
	}
	plan, err := writer.NewPlan(dir, files, force)
	if err != nil {
		return nil, err
	}
	for _, w := range warnings {
		fmt.Fprintf(f.IO.ErrOut, "warning: %s\n", w)
	}
	return plan, nil
}

// applyPlan writes the planned files, unless this is a dry run, and lists
// them with what happened to each; single graphs and bundles end alike.
func applyPlan(f *Factory, plan *writer.Plan, dir string, files int, dryRun bool, summary string) error {
	if !dryRun {
		if err := plan.Apply(); err != nil {
			return fmt.Errorf("writing %s: %w", dir, err)
		}
	}
	verb := "Wrote"
	if dryRun {
		verb = "Would write"
	}
	fmt.Fprintf(f.IO.Out, "%s %d files to %s (%s):\n", verb, files, filepath.Clean(dir), summary)
	for _, c := range plan.Changes {
		fmt.Fprintf(f.IO.Out, "  %-9s %s\n", c.Action, c.Path)
	}
	if dryRun {
		fmt.Fprintln(f.IO.Out, "Dry run: nothing was written.")
		return nil
	}
	fmt.Fprintf(f.IO.Out, "Next: read %s, then deploy as it describes.\n", filepath.Join(filepath.Clean(dir), "README.md"))
	return nil
}

// Render runs the generators and the README generator over g and returns
// every file, sorted by path; assumptions feed the README's cost estimate.
func Render(g *graph.Graph, selected []generators.Generator, assumptions cost.Assumptions) ([]generators.File, error) {
	var files []generators.File
	var formats []string
	for _, gen := range selected {
		rendered, err := gen.Generate(g)
		if err != nil {
			return nil, fmt.Errorf("rendering %s: %w", gen.Name(), err)
		}
		files = append(files, rendered...)
		formats = append(formats, gen.Name())
	}
	readme, err := docs.New(formats, assumptions)
	if err != nil {
		return nil, err
	}
	// The README and the application files (when the graph has an app)
	// accompany every format.
	for _, gen := range []generators.Generator{readme, cicd.New()} {
		rendered, err := gen.Generate(g)
		if err != nil {
			return nil, fmt.Errorf("rendering %s: %w", gen.Name(), err)
		}
		files = append(files, rendered...)
	}
	generators.SortFiles(files)
	return files, nil
}

func indent(text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return strings.Join(lines, "\n") + "\n"
}
