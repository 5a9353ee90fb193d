// Package root assembles the cobra command tree from the factory main
// builds, so tests can run the whole CLI the way a user does.
package root

import (
	"fmt"

	"github.com/spf13/cobra"

	asgspotcmd "github.com/scaffold-iac/scaffold/cmd/asgspot"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	comparecmd "github.com/scaffold-iac/scaffold/cmd/compare"
	describecmd "github.com/scaffold-iac/scaffold/cmd/describe"
	fanoutcmd "github.com/scaffold-iac/scaffold/cmd/fanout"
	labcmd "github.com/scaffold-iac/scaffold/cmd/lab"
	listcmd "github.com/scaffold-iac/scaffold/cmd/list"
	pilotlightcmd "github.com/scaffold-iac/scaffold/cmd/pilotlight"
	validatecmd "github.com/scaffold-iac/scaffold/cmd/validate"
	vpccmd "github.com/scaffold-iac/scaffold/cmd/vpc"
)

// Version is the scaffold release; main may override it at link time.
var Version = "0.1.0-dev"

// NewCmdRoot returns the `scaffold` command with every subcommand.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "scaffold <command> [flags]",
		Short: "Generate deployable AWS reference architectures as Terraform and CloudFormation",
		Long: `scaffold turns the reference AWS architectures a DevOps engineer learns first into
deployable, secure-by-default Terraform and CloudFormation, side by side.`,
		Example: `  scaffold vpc --azs 2 --format terraform --out ./lab-vpc
  scaffold fanout --topic product-events --queues inventory,search-index,notification
  scaffold compare vpc --azs 2
  scaffold lab generate -f lab.yaml --out ./devops-101
  scaffold validate ./lab-vpc`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       Version,
		// A RunE of its own lets the root report an unknown command as a
		// usage error (exit 2) instead of cobra's plain error.
		Args:                       cobra.ArbitraryArgs,
		SuggestionsMinimumDistance: 2,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return c.Help()
			}
			msg := fmt.Sprintf("unknown command %q for %q", args[0], c.CommandPath())
			if suggestions := c.SuggestionsFor(args[0]); len(suggestions) > 0 {
				msg += fmt.Sprintf("; did you mean %q?", suggestions[0])
			}
			return cmdutil.FlagErrorf("%s", msg)
		},
	}
	cmd.SetOut(f.IO.Out)
	cmd.SetErr(f.IO.ErrOut)
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return cmdutil.FlagErrorWrap(err)
	})
	blueprints := []cmdutil.Blueprint{vpccmd.Blueprint(), fanoutcmd.Blueprint(), asgspotcmd.Blueprint(), pilotlightcmd.Blueprint()}
	for _, b := range blueprints {
		cmd.AddCommand(b.Command(f))
	}
	cmd.AddCommand(
		labcmd.NewCmdLab(f),
		comparecmd.NewCmdCompare(f, blueprints),
		describecmd.NewCmdDescribe(f, blueprints),
		listcmd.NewCmdList(f),
		validatecmd.NewCmdValidate(f, nil),
		&cobra.Command{
			Use:     "version",
			Short:   "Print the scaffold version",
			Example: "  scaffold version",
			Args:    cmdutil.NoArgs,
			RunE: func(c *cobra.Command, _ []string) error {
				_, err := fmt.Fprintf(f.IO.Out, "scaffold %s\n", Version)
				return err
			},
		},
	)
	return cmd
}
