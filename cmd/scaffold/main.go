// Command scaffold generates deployable AWS reference architectures. This
// is the only file that touches the process: arguments, streams and the exit
// code. It also owns the concrete list of generators.
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	"github.com/scaffold-iac/scaffold/cmd/root"
	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cloudformation"
	"github.com/scaffold-iac/scaffold/generators/terraform"
)

// Exit codes: 0 ok, 1 runtime or validation failure, 2 usage error.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

func main() {
	streams := &cmdutil.IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr}
	// Shells export COLUMNS to programs only when asked, so this is a hint,
	// not a measurement; --width overrides it.
	if width, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && width > 0 {
		streams.TerminalWidth = width
	}
	if info, err := os.Stderr.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
		streams.ErrTerminal = true
	}
	os.Exit(run(os.Args[1:], streams))
}

// run executes one command line and returns the exit code; main_test calls
// it with buffers.
func run(args []string, streams *cmdutil.IOStreams) int {
	f := &cmdutil.Factory{
		IO:         streams,
		Generators: []generators.Generator{terraform.New(), cloudformation.New()},
		Validate:   cmdutil.CheckGenerated,
	}
	cmd := root.NewCmdRoot(f)
	cmd.SetArgs(args)
	err := cmd.Execute()
	switch {
	case err == nil:
		return exitOK
	case cmdutil.IsUsageError(err):
		fmt.Fprintf(f.IO.ErrOut, "error: %v\n", err)
		fmt.Fprintln(f.IO.ErrOut, "Run 'scaffold --help' or 'scaffold <command> --help' for usage.")
		return exitUsage
	default:
		fmt.Fprintf(f.IO.ErrOut, "error: %v\n", err)
		return exitError
	}
}
