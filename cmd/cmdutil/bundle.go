package cmdutil

import (
	"errors"
	"fmt"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/generators/docs"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// GenerateBundle is Generate for a blueprint that builds several stacks
// (a bundle): render it with the selected generators and the README, check
// the result, then print a dry run or write the files atomically. What it
// prints follows Generate, stack by stack.
func GenerateBundle(f *Factory, b *graph.Bundle, out OutputOptions, warnings []string, summary string) error {
	selected, err := SelectGenerators(f.Generators, out.Format)
	if err != nil {
		return err
	}
	bundleGenerators, err := BundleGenerators(selected)
	if err != nil {
		return err
	}
	assumptions, err := out.CostAssumptions()
	if err != nil {
		return err
	}
	dir := out.Out
	if dir == "" {
		dir = "./" + b.Name
	}
	files, err := RenderBundle(b, bundleGenerators, assumptions)
	if err != nil {
		return err
	}
	plan, err := planFiles(f, files, dir, out.Force, warnings)
	if err != nil {
		return err
	}
	for _, table := range b.Docs.Tables {
		fmt.Fprintf(f.IO.Out, "%s (%s):\n%s\n", table.Title, b.Name, indent(docs.TextTable(table)))
	}
	for _, s := range b.Stacks {
		for _, table := range s.Graph.Docs.Tables {
			fmt.Fprintf(f.IO.Out, "%s (%s stack, %s):\n%s\n", table.Title, s.Name, s.Graph.Region, indent(docs.TextTable(table)))
		}
	}
	// RenderBundle priced every stack already, for the README; pricing
	// again here costs microseconds and keeps RenderBundle's result to
	// files.
	for _, s := range b.Stacks {
		estimate, err := cost.Of(s.Graph, assumptions)
		if err != nil {
			return err
		}
		if out.DryRun {
			fmt.Fprintf(f.IO.Out, "%s (%s stack):\n%s\n", estimate.Table().Title, s.Name, indent(docs.TextTable(estimate.Table())))
		}
		fmt.Fprintf(f.IO.Out, "Estimated cost of the %s stack: %s.\n", s.Name, estimate.Summary())
	}
	return applyPlan(f, plan, dir, len(files), out.DryRun, summary)
}

// BundleGenerators returns the selected generators as bundle renderers,
// or an error naming those that cannot render a bundle.
func BundleGenerators(selected []generators.Generator) ([]generators.BundleGenerator, error) {
	out := make([]generators.BundleGenerator, 0, len(selected))
	var errs []error
	for _, gen := range selected {
		bundleGen, ok := gen.(generators.BundleGenerator)
		if !ok {
			errs = append(errs, fmt.Errorf("the %s generator cannot render a multi-stack blueprint", gen.Name()))
			continue
		}
		out = append(out, bundleGen)
	}
	return out, errors.Join(errs...)
}

// RenderBundle runs the generators and the README generator over b and
// returns every file, sorted by path; assumptions feed the README's cost
// estimate.
//
// Application files (app/) are written for single graphs only: a bundle
// whose stack carries an App is refused rather than rendered without them.
func RenderBundle(b *graph.Bundle, selected []generators.BundleGenerator, assumptions cost.Assumptions) ([]generators.File, error) {
	for _, s := range b.Stacks {
		if s.Graph != nil && s.Graph.App != nil {
			return nil, fmt.Errorf("rendering bundle %q: stack %q has an application, and application files are not written for multi-stack blueprints yet", b.Name, s.Name)
		}
	}
	var files []generators.File
	var formats []string
	for _, gen := range selected {
		rendered, err := gen.GenerateBundle(b)
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
	rendered, err := readme.GenerateBundle(b)
	if err != nil {
		return nil, fmt.Errorf("rendering %s: %w", readme.Name(), err)
	}
	files = append(files, rendered...)
	generators.SortFiles(files)
	return files, nil
}
