// Package validate is the `scaffold validate DIR` command: the same offline
// schema checks the test suite runs, over generated or hand-edited output.
package validate

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	"github.com/scaffold-iac/scaffold/validate"
)

// ValidateOptions are the parsed arguments of `scaffold validate`.
type ValidateOptions struct {
	IO  *cmdutil.IOStreams
	Dir string
}

// NewCmdValidate builds the command. runF replaces Run in tests.
func NewCmdValidate(f *cmdutil.Factory, runF func(*ValidateOptions) error) *cobra.Command {
	opts := &ValidateOptions{IO: f.IO}
	return &cobra.Command{
		Use:   "validate <dir>",
		Short: "Check generated Terraform and CloudFormation against the AWS schemas, offline",
		Long: `Check DIR/terraform/**/*.tf against the hashicorp/aws provider schema and
DIR/cloudformation/*.yaml against the CloudFormation resource specification, both
bundled with scaffold: resource types, argument and property names, required fields,
nesting, literal types, and that every reference, !Ref, !GetAtt and !Sub resolves.

Prints one "file:line: message" per finding and exits 1 when there are any.`,
		Example: `  scaffold vpc --out ./lab-vpc && scaffold validate ./lab-vpc`,
		Args:    cmdutil.ExactArgs(1, "validate needs one argument: the directory to check"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
}

// Run validates opts.Dir and prints the findings.
func Run(opts *ValidateOptions) error {
	findings, err := validate.Dir(opts.Dir)
	if err != nil {
		return fmt.Errorf("validating %q: %w", opts.Dir, err)
	}
	for _, f := range findings {
		fmt.Fprintln(opts.IO.Out, f.String())
	}
	if len(findings) > 0 {
		return fmt.Errorf("%d problem(s) found in %s", len(findings), opts.Dir)
	}
	fmt.Fprintf(opts.IO.Out, "%s: no problems found\n", opts.Dir)
	return nil
}
