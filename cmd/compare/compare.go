// Package compare is the `scaffold compare` command: the Terraform and the
// CloudFormation of one blueprint side by side, component by component.
package compare

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	"github.com/scaffold-iac/scaffold/compare"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// CompareOptions are the view flags of `scaffold compare`.
type CompareOptions struct {
	IO       *cmdutil.IOStreams
	HTML     string
	Markdown bool
	Width    int
	Mapping  bool
}

// DefaultWidth is used when neither --width nor the terminal says.
const DefaultWidth = 160

// NewCmdCompare builds `compare` with one subcommand per blueprint; each
// takes exactly the blueprint's own flags, so every combination a
// blueprint accepts can be compared.
func NewCmdCompare(f *cmdutil.Factory, blueprints []cmdutil.Blueprint) *cobra.Command {
	opts := &CompareOptions{IO: f.IO}
	var single []cmdutil.Blueprint
	for _, b := range blueprints {
		// A comparison lines up one template with one root module; a
		// multi-stack blueprint's stacks are not compared yet.
		if b.NewCmd != nil {
			single = append(single, b)
		}
	}
	cmd := &cobra.Command{
		Use:   "compare <blueprint> [flags]",
		Short: "Terraform and CloudFormation of a blueprint side by side, component by component",
		Long: `Show the Terraform and the CloudFormation that scaffold generates for a blueprint next to
each other, aligned by component ("public subnet, AZ a"), then a summary: resources and
lines per format, components that are not one resource on each side (an internet gateway
is a gateway plus an attachment in CloudFormation), and the concepts that differ.

Views: two columns for a terminal (--width, or $COLUMNS), --markdown for a wiki or pull
request, --html FILE for a self-contained page. --mapping prints how every resource type
and property is spelled in each format.`,
		Example: `  scaffold compare vpc --azs 2
  scaffold compare fanout --queues a,b --html compare.html
  scaffold compare asg-spot --markdown > compare.md
  scaffold compare --mapping`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if !opts.Mapping {
				return cmdutil.FlagErrorf("compare needs a blueprint (%s) or --mapping", cmdutil.BlueprintNames(single))
			}
			if opts.HTML != "" {
				return cmdutil.FlagErrorf("--mapping prints to the terminal (or --markdown); --html is for a blueprint comparison")
			}
			if opts.Markdown {
				_, err := fmt.Fprint(opts.IO.Out, compare.MappingMarkdown())
				return err
			}
			_, err := fmt.Fprint(opts.IO.Out, compare.MappingText())
			return err
		},
	}
	flags := cmd.PersistentFlags()
	flags.StringVar(&opts.HTML, "html", "", "write a self-contained HTML page to FILE instead of printing")
	flags.BoolVar(&opts.Markdown, "markdown", false, "print Markdown instead of two columns")
	flags.IntVar(&opts.Width, "width", 0, "terminal width for the two-column view (default $COLUMNS, else 160)")
	cmd.Flags().BoolVar(&opts.Mapping, "mapping", false, "print the Terraform ↔ CloudFormation mapping of every type and property")

	// The blueprint commands parse their own flags; compare swaps the
	// generate step for the comparison and hides the output flags.
	for _, b := range blueprints {
		if b.NewCmd != nil {
			continue
		}
		// A multi-stack blueprint gets a hidden subcommand that explains
		// the refusal, whatever flags follow its name.
		name := b.Name
		cmd.AddCommand(&cobra.Command{
			Use: name, Hidden: true, DisableFlagParsing: true,
			RunE: func(*cobra.Command, []string) error {
				return cmdutil.FlagErrorf("%s deploys several stacks, which compare cannot line up yet; compare one of %s, or read the stacks side by side in its README", name, cmdutil.BlueprintNames(single))
			},
		})
	}
	for _, b := range single {
		sub := b.NewCmd(f, func(g *graph.Graph, _ []string) error { return run(opts, g) })
		for _, name := range []string{"format", "out", "force", "dry-run", "ci"} {
			if flag := sub.Flags().Lookup(name); flag != nil {
				flag.Hidden = true
			}
		}
		sub.Example = ""
		delete(sub.Annotations, cmdutil.BlueprintAnnotation)
		sub.Short = "compare the " + sub.Name() + " blueprint's two formats"
		cmd.AddCommand(sub)
	}
	return cmd
}

func run(opts *CompareOptions, g *graph.Graph) error {
	c, err := compare.Build(g)
	if err != nil {
		return err
	}
	switch {
	case opts.HTML != "":
		page, err := c.HTML()
		if err != nil {
			return err
		}
		if err := cmdutil.WriteFileAtomic(opts.HTML, page); err != nil {
			return fmt.Errorf("writing --html %q: %w", opts.HTML, err)
		}
		_, err = fmt.Fprintf(opts.IO.Out, "Wrote %s (%d components); open it in a browser.\n", opts.HTML, len(c.Rows))
		return err
	case opts.Markdown:
		_, err := fmt.Fprint(opts.IO.Out, c.Markdown())
		return err
	}
	width := opts.Width
	if width == 0 {
		width = opts.IO.TerminalWidth
	}
	if width == 0 {
		width = DefaultWidth
	}
	if width < compare.MinWidth {
		return cmdutil.FlagErrorf("invalid value %q for --width: at least %d columns", fmt.Sprint(width), compare.MinWidth)
	}
	_, err = fmt.Fprint(opts.IO.Out, c.Text(width))
	return err
}
