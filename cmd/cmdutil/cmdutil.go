// Package cmdutil holds what every command shares: the IO streams, the
// factory that carries the generators main chose, the error types main
// maps to exit codes, and the output flags common to every blueprint.
package cmdutil

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/generators"
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
