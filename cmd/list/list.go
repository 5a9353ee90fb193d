// Package list is the `scaffold list` command: the blueprints, one line
// each.
package list

import (
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
)

// NewCmdList builds the command. It lists the root's subcommands that are
// annotated as blueprints, so the list can never disagree with the CLI.
func NewCmdList(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "list",
		Short:   "List the blueprints, one line each",
		Example: `  scaffold list`,
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var rows [][2]string
			width := 0
			for _, c := range cmd.Root().Commands() {
				if c.Annotations[cmdutil.BlueprintAnnotation] == "" {
					continue
				}
				rows = append(rows, [2]string{c.Name(), c.Short})
				width = max(width, len(c.Name()))
			}
			sort.Slice(rows, func(i, j int) bool { return rows[i][0] < rows[j][0] })
			for _, r := range rows {
				if _, err := fmt.Fprintf(f.IO.Out, "%-*s  %s\n", width, r[0], r[1]); err != nil {
					return err
				}
			}
			return nil
		},
	}
}
