package examples

import (
	"strings"
	"testing"

	asgspotcmd "github.com/scaffold-iac/scaffold/cmd/asgspot"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	fanoutcmd "github.com/scaffold-iac/scaffold/cmd/fanout"
	pilotlightcmd "github.com/scaffold-iac/scaffold/cmd/pilotlight"
	vpccmd "github.com/scaffold-iac/scaffold/cmd/vpc"
	"github.com/scaffold-iac/scaffold/generators/docs"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// graphsOf builds the graphs an example's arguments describe, through the
// same blueprint command the CLI runs: one for a single-stack blueprint,
// one per stack for a bundle. The first graph carries the About.
func graphsOf(t *testing.T, args []string) []*graph.Graph {
	t.Helper()
	if !isBundle(args) {
		return []*graph.Graph{graphOf(t, args)}
	}
	f, _, _ := factory()
	var graphs []*graph.Graph
	cmd := pilotlightcmd.NewCmdPilotLight(f, func(o *pilotlightcmd.PilotLightOptions) error {
		b, err := pilotlightcmd.Bundle(o)
		for _, s := range b.Stacks {
			graphs = append(graphs, s.Graph)
		}
		return err
	})
	cmd.SetArgs(args[1:])
	if err := cmd.Execute(); err != nil {
		t.Fatalf("%s: %v", strings.Join(args, " "), err)
	}
	return graphs
}

// graphOf builds the graph an example's arguments describe, through the
// same blueprint command the CLI runs.
func graphOf(t *testing.T, args []string) *graph.Graph {
	t.Helper()
	f, _, _ := factory()
	for _, b := range []cmdutil.Blueprint{vpccmd.Blueprint(), fanoutcmd.Blueprint(), asgspotcmd.Blueprint()} {
		if b.Name != args[0] {
			continue
		}
		var g *graph.Graph
		cmd := b.NewCmd(f, func(built *graph.Graph, _ []string) error { g = built; return nil })
		cmd.SetArgs(args[1:])
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%s: %v", strings.Join(args, " "), err)
		}
		return g
	}
	t.Fatalf("no blueprint command %q", args[0])
	return nil
}

// TestEveryComponentIsExplainedAndDrawn checks, for every example, what
// describe relies on: each component says why it exists, and appears in
// the terminal tree and the DOT diagram exactly once.
func TestEveryComponentIsExplainedAndDrawn(t *testing.T) {
	for _, ex := range Examples {
		graphs := graphsOf(t, ex.Args)
		if g := graphs[0]; g.About.Purpose == "" || len(g.About.Equivalents) == 0 || g.About.Target == "" {
			t.Errorf("%s: the blueprint does not describe itself (purpose, equivalents, target)", ex.Dir)
		}
		for _, g := range graphs {
			tree, dot := docs.Tree(g), docs.DOT(g)
			for _, c := range g.Components {
				if len(c.Why) < 20 || !strings.HasSuffix(c.Why, ".") {
					t.Errorf("%s: component %s has no one-sentence reason: %q", ex.Dir, c.ID, c.Why)
				}
				if n := strings.Count(tree, "["+c.ID+"]"); n != 1 {
					t.Errorf("%s: component %s is drawn %d times in the tree", ex.Dir, c.ID, n)
				}
				if n := strings.Count(dot, `"`+c.ID+`" [label=`); n != 1 {
					t.Errorf("%s: component %s is declared %d times in the DOT diagram", ex.Dir, c.ID, n)
				}
			}
		}
	}
}
