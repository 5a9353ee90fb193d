package list

import (
	"testing"

	"github.com/spf13/cobra"

	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
)

func TestListsAnnotatedCommandsSorted(t *testing.T) {
	io, out, _ := cmdutil.TestIOStreams()
	root := &cobra.Command{Use: "scaffold"}
	for _, name := range []string{"zeta", "alpha"} {
		root.AddCommand(&cobra.Command{Use: name, Short: name + " blueprint", Annotations: map[string]string{cmdutil.BlueprintAnnotation: "true"}, Run: func(*cobra.Command, []string) {}})
	}
	root.AddCommand(&cobra.Command{Use: "validate", Short: "not a blueprint", Run: func(*cobra.Command, []string) {}})
	root.AddCommand(NewCmdList(&cmdutil.Factory{IO: io}))
	root.SetArgs([]string{"list"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "alpha  alpha blueprint\nzeta   zeta blueprint\n"; got != want {
		t.Errorf("list =\n%s\nwant\n%s", got, want)
	}
}
