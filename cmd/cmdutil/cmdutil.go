// Package cmdutil holds what every command shares: the IO streams, the
// factory that carries the generators main chose, the error types main
// maps to exit codes, and the output flags common to every blueprint.
package cmdutil

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// IOStreams are the streams a command reads and writes. Only main binds
// them to the process.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// TerminalWidth is the width of the terminal Out writes to, or 0 when
	// unknown or not a terminal; main fills it.
	TerminalWidth int
	// ErrTerminal is set when ErrOut is a terminal, where long runs may
	// draw a progress bar; main fills it.
	ErrTerminal bool
}

// TestIOStreams returns streams backed by buffers, for tests.
func TestIOStreams() (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut}, out, errOut
}

// Factory carries dependencies into commands. Main fills it with the
// concrete generator list; tests fill it with theirs.
type Factory struct {
	IO *IOStreams
	// Generators are the IaC renderers, selected by --format.
	Generators []generators.Generator
	// Validate checks rendered files before anything is written; nil
	// skips the check.
	Validate func(files []generators.File) error
}

// FlagError is a usage mistake; main prints it with a hint to --help and
// exits 2.
type FlagError struct {
	err error
}

// Error returns the wrapped message.
func (e *FlagError) Error() string { return e.err.Error() }

// Unwrap returns the wrapped error.
func (e *FlagError) Unwrap() error { return e.err }

// FlagErrorf builds a FlagError.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{err: fmt.Errorf(format, args...)}
}

// FlagErrorWrap marks err as a usage error.
func FlagErrorWrap(err error) error {
	if err == nil {
		return nil
	}
	return &FlagError{err: err}
}

// IsUsageError reports whether err is the user's input being wrong (a
// FlagError or a blueprint parameter error), which exits 2.
func IsUsageError(err error) bool {
	var flagErr *FlagError
	var paramErr *blueprints.ParamError
	return errors.As(err, &flagErr) || errors.As(err, &paramErr)
}

// Formats accepted by --format, besides the generator names.
const FormatBoth = "both"

// OutputOptions are the flags every blueprint command shares.
type OutputOptions struct {
	Format string
	Out    string
	Force  bool
	DryRun bool
	Tags   []string
	// AssumeGB is the data each NAT gateway and load balancer is assumed
	// to process a month, for the cost estimate.
	AssumeGB float64
	// CI adds a deployment pipeline for the generated code under
	// pipeline/ (see RenderPipelines).
	CI bool
}

// AddOutputFlags binds the shared flags. defaultOut is shown in help; an
// empty --out means "./<name>".
func AddOutputFlags(cmd *cobra.Command, opts *OutputOptions) {
	cmd.Flags().StringVar(&opts.Format, "format", FormatBoth, "what to generate: terraform, cloudformation or both")
	cmd.Flags().StringVar(&opts.Out, "out", "", "output directory (default ./<name>)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite files in --out that scaffold did not generate or that were edited")
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "print the plan and the files that would be written, write nothing")
	cmd.Flags().StringArrayVar(&opts.Tags, "tag", nil, "tag KEY=VALUE added to every resource (repeatable)")
	cmd.Flags().BoolVar(&opts.CI, "ci", false, "also write pipeline/: a CodePipeline that plans, waits for approval and deploys the code (Terraform state moves to S3)")
	cmd.Flags().Float64Var(&opts.AssumeGB, "assume-gb", 0, "GB a month each NAT gateway and load balancer processes, for the cost estimate")
	SetValid(cmd, map[string]string{
		"tag":       "KEY=VALUE: key 1-128 and value up to 256 letters, digits, spaces or + - = . _ : / @; not Name, not aws:*",
		"assume-gb": "0 or more (GB a month)",
		"ci":        "true, false",
	})
}

// CostAssumptions turns the flags into the cost estimate's assumptions.
func (o OutputOptions) CostAssumptions() (cost.Assumptions, error) {
	if math.IsNaN(o.AssumeGB) || math.IsInf(o.AssumeGB, 0) || o.AssumeGB < 0 {
		return cost.Assumptions{}, FlagErrorf("invalid value %q for --assume-gb: give the GB processed a month as a number of 0 or more, such as 50", fmt.Sprint(o.AssumeGB))
	}
	a := cost.DefaultAssumptions()
	a.GBPerMonth = o.AssumeGB
	return a, nil
}

// SelectGenerators returns the generators --format asks for, in the
// factory's order.
func SelectGenerators(all []generators.Generator, format string) ([]generators.Generator, error) {
	var names []string
	for _, g := range all {
		names = append(names, g.Name())
	}
	if format == FormatBoth {
		return all, nil
	}
	for _, g := range all {
		if g.Name() == format {
			return []generators.Generator{g}, nil
		}
	}
	valid := append(slices.Clone(names), FormatBoth)
	slices.Sort(valid)
	return nil, FlagErrorf("invalid value %q for --format: must be one of %s", format, strings.Join(valid, ", "))
}

// NoArgs rejects positional arguments as a usage error.
func NoArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return FlagErrorf("%s takes no arguments, got %q", cmd.CommandPath(), args)
	}
	return nil
}

// ExactArgs requires n positional arguments, explaining what is missing
// with msg.
func ExactArgs(n int, msg string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return FlagErrorf("%s", msg)
		}
		return nil
	}
}

// WriteFileAtomic writes data to path through a temporary file in the same
// directory and a rename, so a reader never sees half a file.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// BlueprintAnnotation marks a command as a blueprint, for `scaffold list`.
const BlueprintAnnotation = "scaffold/blueprint"

// GraphFunc receives a blueprint's graph and its warnings in place of the
// generate-and-write step.
type GraphFunc func(g *graph.Graph, warnings []string) error

// BundleFunc receives a multi-stack blueprint's bundle and its warnings in
// place of the generate-and-write step.
type BundleFunc func(b *graph.Bundle, warnings []string) error

// Blueprint is a blueprint command as other commands reuse it: compare and
// describe parse exactly the blueprint's flags and then look at its graph
// instead of writing files. Main lists the blueprints once and hands them
// to every command that needs them, so none of them hard-codes the list.
// A blueprint sets exactly one of NewCmd (one graph) and NewBundleCmd
// (several stacks, as in multi-region designs).
type Blueprint struct {
	// Name is the command name ("vpc").
	Name string
	// NewCmd builds the blueprint's command. A nil build gives the normal
	// command; otherwise the command hands its graph to build.
	NewCmd func(f *Factory, build GraphFunc) *cobra.Command
	// NewBundleCmd is NewCmd for blueprints that build a bundle.
	NewBundleCmd func(f *Factory, build BundleFunc) *cobra.Command
}

// Command builds the blueprint's normal command, whichever kind it is.
func (b Blueprint) Command(f *Factory) *cobra.Command {
	if b.NewBundleCmd != nil {
		return b.NewBundleCmd(f, nil)
	}
	return b.NewCmd(f, nil)
}

// BlueprintNames lists the names of blueprints, comma-separated, for
// messages.
func BlueprintNames(blueprints []Blueprint) string {
	names := make([]string, len(blueprints))
	for i, b := range blueprints {
		names[i] = b.Name
	}
	return strings.Join(names, ", ")
}

// ValidAnnotation is the flag annotation that states a blueprint flag's
// valid values or range, for `scaffold describe`.
const ValidAnnotation = "scaffold/valid"

// SetValid records, for each named flag of cmd, its valid values or range
// in words. It panics on an unknown flag name: that is a programming
// error caught by every test that builds the command.
func SetValid(cmd *cobra.Command, valid map[string]string) {
	for name, text := range valid {
		if err := cmd.Flags().SetAnnotation(name, ValidAnnotation, []string{text}); err != nil {
			panic(fmt.Sprintf("SetValid: %v", err))
		}
	}
}
